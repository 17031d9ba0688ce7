using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// What the chat's customer and the administrator do, and the events it raises: <c>POST /_emulator/chats/{id}/messages</c>
/// (<c>ONIMBOTV2MESSAGEADD</c>), adding a bot to a chat (<c>ONIMBOTV2JOINCHAT</c>) and pressing a keyboard button
/// (<c>POST /_emulator/chats/{id}/commands</c>, <c>ONIMBOTV2COMMANDADD</c> with <c>context</c> <c>keyboard</c>; DOCS
/// message-keyboards.md "Command Processing by the Chatbot", events.md).
/// </summary>
public sealed class CustomerActionTests
{
    private const string Keyboard = """
        {"BOT_ID":456,"BUTTONS":[
          {"TEXT":"Open website","LINK":"https://www.example.com/"},
          {"TYPE":"NEWLINE"},
          {"TEXT":"Help","COMMAND":"help","COMMAND_PARAMS":"topic"},
          {"TEXT":"Status","COMMAND":"/status","COMMAND_PARAMS":"order 42"},
          {"TEXT":"Off","COMMAND":"help","DISABLED":"Y"},
          {"TEXT":"Unknown","COMMAND":"unregistered"}]}
        """;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> SendKeyboardAsync(TestPortal portal, int botId, string token = V2.Token)
    {
        JsonNode? result = (await portal.CallAsync(V2.MessageSend, V2.Body(botId, token, new JsonObject
        {
            ["dialogId"] = V2.Chat112,
            ["fields"] = new JsonObject { ["message"] = "Choose", ["keyboard"] = JsonNode.Parse(Keyboard.Replace("456", Id(botId), StringComparison.Ordinal)) },
        }))).AssertSuccess();
        return result!["id"]!.GetValue<int>();
    }

    private static async Task<int> RegisterCommandAsync(TestPortal portal, int botId, string command)
    {
        JsonNode? result = (await portal.CallAsync(V2.CommandRegister, V2.Body(botId, rest: new JsonObject
        {
            ["fields"] = new JsonObject { ["command"] = command, ["title"] = new JsonObject { ["en"] = command } },
        }))).AssertSuccess();
        return result!["command"]!["id"]!.GetValue<int>();
    }

    private static Task<ApiResponse> PressAsync(TestPortal portal, JsonObject body, int chatId = DemoPortal.ChatId) =>
        portal.Http.PostJsonAsync($"_emulator/chats/{chatId}/commands", body);

    [Fact]
    public async Task The_customer_message_endpoint_posts_to_the_transcript_and_answers_the_id()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync($"_emulator/chats/{DemoPortal.ChatId}/messages", new JsonObject { ["text"] = "Is anyone there?" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        int messageId = response.Json!["messageId"]!.GetValue<int>();
        TranscriptMessage last = portal.Chat.Transcript[^1];
        Assert.Equal((messageId, DemoPortal.CustomerId, "Chris Customer", "Is anyone there?", false), (last.Id, last.AuthorId, last.AuthorName, last.Text, last.IsSystem));
        Assert.Equal(messageId + 1, portal.Portal.PostCustomerMessage(DemoPortal.ChatId, "And from C#"));
    }

    [Theory]
    [InlineData(999, """{"text":"x"}""", 404, "no chat 999")]
    [InlineData(112, """{}""", 400, "text is required: a non-empty string")]
    [InlineData(112, """{"text":"   "}""", 400, "text is required: a non-empty string")]
    [InlineData(112, """{"text":42}""", 400, "text is required: a non-empty string")]
    [InlineData(112, """not json""", 400, "the body must be a JSON object, e.g. {\"text\": \"Hello\"}")]
    public async Task The_customer_message_endpoint_refuses_what_it_cannot_post(int chatId, string body, int status, string error)
    {
        await using var portal = await TestPortal.StartAsync();
        int before = portal.Chat.Transcript.Count;

        ApiResponse response = await portal.Http.PostRawAsync($"_emulator/chats/{chatId}/messages", body, "application/json");

        Assert.Equal((status, error), ((int)response.Status, response.Json!["error"]!.GetValue<string>()));
        Assert.Equal(before, portal.Chat.Transcript.Count);
        Assert.Throws<ArgumentException>(() => portal.Portal.PostCustomerMessage(DemoPortal.ChatId, " "));
        Assert.Throws<KeyNotFoundException>(() => portal.Portal.PostCustomerMessage(999, "x"));
    }

    [Fact]
    public async Task Adding_a_bot_to_a_chat_sends_JOINCHAT_with_whoever_added_it_once()
    {
        await using var portal = await TestPortal.StartAsync();
        int invited = await BotEvents.RegisterFetchBotAsync(portal, "invited_bot", "invited_token");
        int byCustomer = await BotEvents.RegisterFetchBotAsync(portal, "second_bot", "second_token");

        portal.Portal.State.AddChatMember(DemoPortal.ChatId, invited, DemoPortal.FirstOperatorId);
        portal.Portal.State.AddChatMember(DemoPortal.ChatId, invited, DemoPortal.FirstOperatorId); // already in: no second event
        portal.Portal.State.AddChatMember(DemoPortal.ChatId, byCustomer);

        QueuedBotEvent join = Assert.Single(portal.Portal.State.QueuedEvents(invited));
        Assert.Equal(BotEventTypes.JoinChat, join.Type);
        Assert.Equal((DemoPortal.FirstOperatorId, "chat112"), (join.Data["user"]!["id"]!.GetValue<int>(), join.Data["dialogId"]!.GetValue<string>()));
        Assert.Equal(DemoPortal.CustomerId, Assert.Single(portal.Portal.State.QueuedEvents(byCustomer)).Data["user"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_chat_of_the_line_sends_JOINCHAT_then_the_first_message()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        portal.Portal.State.AddUser(new PortalUser(20, "Nina Newcomer"));

        portal.Portal.State.AddChat(113, DemoPortal.LineId, 20, DemoPortal.BotId, firstMessage: "Hi, I am new here");

        IReadOnlyList<QueuedBotEvent> events = portal.Portal.State.QueuedEvents(botId);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.JoinChat, BotEventTypes.MessageAdd], events.Select(e => e.Type)); // chat 112, then 113
        Assert.Equal(("chat113", 20), (events[1].Data["dialogId"]!.GetValue<string>(), events[1].Data["user"]!["id"]!.GetValue<int>()));
        Assert.Equal(("Hi, I am new here", 113), (events[2].Data["message"]!["text"]!.GetValue<string>(), events[2].Data["message"]!["chatId"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Seeded_chats_and_members_raise_no_events()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
        {
            state.AddUser(new PortalUser(30, "Seeded Bot"));
            state.AddBot(new ChatBot(30, "seeded_bot", null, "seeded_token") { RegisteredWithV2 = true, Type = BotTypes.OpenLine });
            state.AddChatMember(DemoPortal.ChatId, 30);
            state.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "before the portal started");
        });

        Assert.Empty(portal.Portal.State.QueuedEvents(30));
        portal.Portal.PostCustomerMessage(DemoPortal.ChatId, "after");
        Assert.Equal([BotEventTypes.MessageAdd], portal.Portal.State.QueuedEvents(30).Select(e => e.Type));
    }

    [Fact]
    public async Task Pressing_a_command_button_sends_COMMANDADD_to_the_webhook_bot_and_the_bot_can_answer_it()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        int commandId = await RegisterCommandAsync(portal, botId, "help");
        int messageId = await SendKeyboardAsync(portal, botId);

        ApiResponse response = await PressAsync(portal, new JsonObject { ["messageId"] = messageId, ["button"] = 1 }); // LINK is 0; NEWLINE is not counted
        await portal.Portal.WhenEventsDeliveredAsync();

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            new JsonObject { ["delivered"] = true, ["botId"] = botId, ["commandId"] = commandId, ["command"] = "/help", ["params"] = "topic", ["reason"] = null }.ToJsonString(),
            response.Json!.ToJsonString());
        ReceivedEvent command = (await receiver.WaitForAsync(2))[1];
        Assert.Equal(BotEventTypes.CommandAdd, command.Event);
        Assert.Equal(["bot", "command", "message", "chat", "user", "language"], command.KeysUnder("data"));
        Assert.Equal((Id(commandId), "/help", "topic", "keyboard"), (
            command["data[command][id]"], command["data[command][command]"], command["data[command][params]"], command["data[command][context]"]));
        Assert.Equal((Id(messageId), Id(botId), "Choose"), (command["data[message][id]"], command["data[message][authorId]"], command["data[message][text]"]));
        Assert.Equal((Id(DemoPortal.CustomerId), "LINES"), (command["data[user][id]"], command["data[chat][entityType]"]));
        Assert.Equal(portal.Portal.State.ApplicationTokenOfBot(botId), command["auth[application_token]"]);

        // The documented answer: Command.answer with the event's message and command ids.
        (await portal.CallAsync(V2.CommandAnswer, V2.Body(botId, rest: new JsonObject
        {
            ["commandId"] = int.Parse(command["data[command][id]"], CultureInfo.InvariantCulture),
            ["messageId"] = int.Parse(command["data[message][id]"], CultureInfo.InvariantCulture),
            ["dialogId"] = command["data[chat][dialogId]"],
            ["fields"] = new JsonObject { ["message"] = "Here is the help." },
        }))).AssertSuccess();
        Assert.Equal("Here is the help.", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_button_found_by_its_command_takes_given_params_and_a_fetch_bot_queues_it()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        int statusId = await RegisterCommandAsync(portal, botId, "status");
        int messageId = await SendKeyboardAsync(portal, botId);

        ApiResponse withParams = await PressAsync(portal, new JsonObject { ["messageId"] = messageId, ["command"] = "status", ["params"] = "order 7" });
        EmulatedCommandPress fromCSharp = portal.Portal.PressKeyboardCommand(DemoPortal.ChatId, messageId, "/status");

        Assert.True(withParams.Json!["delivered"]!.GetValue<bool>());
        Assert.Equal(new EmulatedCommandPress(botId, statusId, "/status", "order 42", true, null), fromCSharp);
        JsonObject[] commands = portal.Portal.State.QueuedEvents(botId).Where(e => e.Type == BotEventTypes.CommandAdd).Select(e => e.Data).ToArray();
        Assert.Equal(
            ["""{"id":1,"command":"/status","params":"order 7","context":"keyboard"}""", """{"id":1,"command":"/status","params":"order 42","context":"keyboard"}"""],
            commands.Select(c => c["command"]!.ToJsonString()));
        Assert.Equal(botId, commands[0]["bot"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_command_the_bot_did_not_register_is_answered_but_delivers_nothing()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        int messageId = await SendKeyboardAsync(portal, botId);
        int queued = portal.Portal.State.QueuedEvents(botId).Count;

        ApiResponse response = await PressAsync(portal, new JsonObject { ["messageId"] = messageId, ["button"] = 4 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Json!["delivered"]!.GetValue<bool>());
        Assert.Equal(0, response.Json["commandId"]!.GetValue<int>());
        Assert.Contains("has no registered command \"unregistered\"", response.Json["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(queued, portal.Portal.State.QueuedEvents(botId).Count);
    }

    [Theory]
    [InlineData("""{"button":1}""", 400, "messageId is required: the id of the bot's message with the keyboard")]
    [InlineData("""{"messageId":"12","button":1}""", 400, "messageId is required: the id of the bot's message with the keyboard")]
    [InlineData("""{"messageId":"MSG"}""", 400, "give either button (its place on the keyboard) or command (the button's COMMAND)")]
    [InlineData("""{"messageId":"MSG","button":1,"command":"help"}""", 400, "give either button (its place on the keyboard) or command (the button's COMMAND)")]
    [InlineData("""{"messageId":"MSG","button":"one"}""", 400, "button must be an integer: the button's place among the keyboard's buttons, from 0, line breaks not counted")]
    [InlineData("""{"messageId":"MSG","button":0}""", 400, "Button 0 (\"Open website\") of message MSG has no COMMAND: a LINK, ACTION or APP_ID button is handled by the client, and the bot gets no event.")]
    [InlineData("""{"messageId":"MSG","button":5}""", 400, "Message MSG has 5 button(s) (line breaks not counted); there is no button 5.")]
    [InlineData("""{"messageId":"MSG","button":3}""", 400, "The button \"Off\" of message MSG is disabled (DISABLED: Y).")]
    [InlineData("""{"messageId":"MSG","command":"nope"}""", 400, "Message MSG has no keyboard button with COMMAND \"nope\".")]
    [InlineData("""{"messageId":1,"button":0}""", 400, "Message 1 has no keyboard.")]
    [InlineData("""{"messageId":99999,"button":0}""", 400, "Message 99999 is not in chat 112.")]
    public async Task A_press_that_cannot_happen_is_400_with_the_reason(string body, int status, string error)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        int messageId = await SendKeyboardAsync(portal, botId);

        ApiResponse response = await portal.Http.PostRawAsync(
            $"_emulator/chats/{DemoPortal.ChatId}/commands", body.Replace("\"MSG\"", Id(messageId), StringComparison.Ordinal), "application/json");

        Assert.Equal((status, error.Replace("MSG", Id(messageId), StringComparison.Ordinal)), ((int)response.Status, response.Json!["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_press_in_an_unknown_chat_is_404()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await PressAsync(portal, new JsonObject { ["messageId"] = 1, ["button"] = 0 }, chatId: 999);

        Assert.Equal((404, "no chat 999"), ((int)response.Status, response.Json!["error"]!.GetValue<string>()));
        Assert.Throws<KeyNotFoundException>(() => portal.Portal.PressKeyboardButton(999, 1, 0));
    }
}
