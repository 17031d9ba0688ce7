using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The views a page reads over HTTP, with names resolved: <c>GET /_emulator/chats</c>, the added fields of
/// <c>GET /_emulator/chats/{id}</c>, <c>GET /_emulator/lines</c>, and starting a dialog with
/// <c>POST /_emulator/lines/{id}/chats</c>.
/// </summary>
public sealed class ChatViewTests
{
    private static Task<ApiResponse> StartDialogAsync(TestPortal portal, string body, int lineId = DemoPortal.LineId) =>
        portal.Http.PostRawAsync($"_emulator/lines/{lineId}/chats", body, "application/json");

    [Fact]
    public async Task The_chat_list_summarises_each_chat_with_names()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync("_emulator/chats");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (response.Status, response.ContentType));
        JsonNode chat = Assert.Single(response.Json!.AsArray())!;
        var expected = new JsonObject
        {
            ["chatId"] = 112,
            ["dialogId"] = "chat112",
            ["lineId"] = 1,
            ["lineName"] = "Demo Support",
            ["customer"] = "Chris Customer",
            ["customerId"] = 8,
            ["sessionId"] = portal.Chat.SessionId,
            ["status"] = "Active",
            ["ownerKind"] = "bot",
            ["ownerId"] = 7,
            ["ownerName"] = "Support Bot",
            ["botIsMember"] = true,
            ["messageCount"] = 1,
            ["lastMessage"] = "Hi! I have a question about my order.",
            ["lastMessageTime"] = "2026-08-21T10:00:00.0000000+00:00",
        };
        Assert.Equal(expected.ToJsonString(), chat.ToJsonString());
    }

    [Fact]
    public async Task The_chat_list_names_the_operator_or_the_line_that_owns_a_dialog_and_orders_chats_by_id()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.StartDialog(DemoPortal.LineId, "Dana Doe");
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId })).AssertTrue();
        (await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 113, ["CLIENT_ID"] = DemoPortal.BotClientId, ["QUEUE_ID"] = 1 })).AssertTrue();

        JsonArray chats = (await portal.Http.GetAsync("_emulator/chats")).Json!.AsArray();

        Assert.Equal([112, 113], chats.Select(c => c!["chatId"]!.GetValue<int>()));
        Assert.Equal(("operator", 3, "Oliver Operator"), Owner(chats[0]!));
        Assert.Equal(("queue", 1, "Demo Support"), Owner(chats[1]!));
        Assert.Equal(("Dana Doe", 1, "The bot transferred the dialog to the queue of \"Demo Support\"."), (
            chats[1]!["customer"]!.GetValue<string>(), chats[1]!["messageCount"]!.GetValue<int>(), chats[1]!["lastMessage"]!.GetValue<string>()));

        static (string, int, string) Owner(JsonNode chat) =>
            (chat["ownerKind"]!.GetValue<string>(), chat["ownerId"]!.GetValue<int>(), chat["ownerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_chat_without_messages_has_no_last_message()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.StartDialog(DemoPortal.LineId, "Quiet Customer");

        JsonNode chat = (await portal.Http.GetAsync("_emulator/chats")).Json!.AsArray()[1]!;

        Assert.Equal((0, null, null), (chat["messageCount"]!.GetValue<int>(), chat["lastMessage"], chat["lastMessageTime"]));
    }

    [Fact]
    public async Task A_chat_shows_its_names_members_and_the_kind_of_each_messages_author()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        (await portal.CallAsync(V2.MessageSend, V2.Body(botId, rest: new JsonObject
        {
            ["dialogId"] = V2.Chat112,
            ["fields"] = new JsonObject { ["message"] = "A system note", ["system"] = true },
        }))).AssertSuccess();
        portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.FirstOperatorId, "Oliver here");
        portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.FirstOperatorId, "Ticket noted", isSystem: true);
        (await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId, ["NAME"] = "WELCOME" })).AssertTrue();

        JsonNode chat = (await portal.Http.GetAsync("_emulator/chats/112")).Json!;

        Assert.Equal(("Demo Support", "Chris Customer", 8), (chat["lineName"]!.GetValue<string>(), chat["customer"]!.GetValue<string>(), chat["customerId"]!.GetValue<int>()));
        Assert.Equal(("bot", botId, "Support Bot"), (chat["ownerKind"]!.GetValue<string>(), chat["ownerId"]!.GetValue<int>(), chat["ownerName"]!.GetValue<string>()));
        Assert.Equal($"bot {botId}", chat["owner"]!.GetValue<string>()); // the old field stays
        Assert.Equal(
            new JsonArray(
                new JsonObject { ["id"] = 8, ["name"] = "Chris Customer", ["isBot"] = false },
                new JsonObject { ["id"] = 7, ["name"] = "Support Bot", ["isBot"] = true },
                new JsonObject { ["id"] = botId, ["name"] = "Support Bot", ["isBot"] = true }).ToJsonString(),
            chat["memberNames"]!.ToJsonString());
        Assert.Equal(
            ["customer", "bot", "operator", "system", "bot"],
            chat["transcript"]!.AsArray().Select(m => m!["authorKind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_lines_view_shows_the_current_bot_the_connected_bots_and_the_queue()
    {
        await using var portal = await TestPortal.StartAsync();
        ApiResponse before = await portal.Http.GetAsync("_emulator/lines");
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        ApiResponse after = await portal.Http.GetAsync("_emulator/lines");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (after.Status, after.ContentType));
        var expected = new JsonArray(new JsonObject
        {
            ["id"] = 1,
            ["name"] = "Demo Support",
            ["greeting"] = DemoPortal.Greeting,
            ["currentBotId"] = botId,
            ["bots"] = new JsonArray(botId),
            ["queue"] = new JsonArray(
                new JsonObject { ["id"] = 3, ["name"] = "Oliver Operator", ["active"] = true },
                new JsonObject { ["id"] = 4, ["name"] = "Olga Operator", ["active"] = true }),
        });
        Assert.Equal(expected.ToJsonString(), after.Json!.ToJsonString());
        // Nothing connected yet: the bot a new dialog would get, the bot of the line's latest chat.
        Assert.Equal((DemoPortal.BotId, 0), (before.Json![0]!["currentBotId"]!.GetValue<int>(), before.Json![0]!["bots"]!.AsArray().Count));
    }

    [Fact]
    public async Task Starting_a_dialog_over_HTTP_answers_201_with_the_new_chat()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await StartDialogAsync(portal, """{"customer": " Dana Doe ", "text": "Hello"}""");
        ApiResponse silent = await StartDialogAsync(portal, """{"customer": "Eve"}""");

        Assert.Equal((HttpStatusCode.Created, "application/json"), (response.Status, response.ContentType));
        Assert.Equal("""{"chatId":113}""", response.Json!.ToJsonString());
        Assert.Equal(114, silent.Json!["chatId"]!.GetValue<int>());
        ChatSnapshot chat = portal.Portal.State.GetChat(113);
        Assert.Equal(("Dana Doe", "Hello"), (chat.Transcript[0].AuthorName, chat.Transcript[0].Text));
        Assert.Empty(portal.Portal.State.GetChat(114).Transcript);
    }

    [Theory]
    [InlineData(9, """{"customer":"Dana"}""", 404, "no open line 9")]
    [InlineData(1, """not json""", 400, "the body must be a JSON object, e.g. {\"customer\": \"Dana Doe\", \"text\": \"Hello\"}")]
    [InlineData(1, """[]""", 400, "the body must be a JSON object, e.g. {\"customer\": \"Dana Doe\", \"text\": \"Hello\"}")]
    [InlineData(1, """{}""", 400, "customer is required: the customer's name, 1 to 100 characters")]
    [InlineData(1, """{"customer":"  "}""", 400, "customer is required: the customer's name, 1 to 100 characters")]
    [InlineData(1, """{"customer":42}""", 400, "customer is required: the customer's name, 1 to 100 characters")]
    [InlineData(1, """{"customer":"Dana","text":7}""", 400, "text must be a string")]
    [InlineData(2, """{"customer":"Dana"}""", 409, "Open line 2 has no bot: connect one with ConnectBotToLine")]
    public async Task Starting_a_dialog_over_HTTP_refuses_what_it_cannot_start(int lineId, string body, int status, string error)
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.AddOpenLine(new OpenLine(2, "Sales", "Hi from sales", [DemoPortal.FirstOperatorId])));

        ApiResponse response = await StartDialogAsync(portal, body, lineId);

        Assert.Equal((status, error), ((int)response.Status, response.Json!["error"]!.GetValue<string>()));
        Assert.Equal([DemoPortal.ChatId], portal.Portal.State.ChatIds);
    }

    [Fact]
    public async Task A_name_over_100_characters_is_refused()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync("_emulator/lines/1/chats", new JsonObject { ["customer"] = new string('x', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
