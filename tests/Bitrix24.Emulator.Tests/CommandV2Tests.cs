using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary><c>imbot.v2.Command.register</c>, <c>.list</c>, <c>.unregister</c> and <c>.answer</c> (BOTS-V2.md §1.5; DOCS commands/*.md).</summary>
public sealed class CommandV2Tests
{
    // command-register.md, cURL (Webhook), verbatim but for the bot id.
    private const string RegisterExample =
        """{"botId":456,"botToken":"my_bot_token","fields":{"command":"help","title":{"en":"Show help","de":"Hilfe anzeigen"},"params":{"en":"query","de":"Anfrage"}}}""";

    private static Task<ApiResponse> Register(TestPortal portal, int botId, JsonObject fields, string token = V2.Token) =>
        portal.CallAsync(V2.CommandRegister, V2.Body(botId, token, new JsonObject { ["fields"] = fields }));

    private static async Task<int> RegisterHelpAsync(TestPortal portal, int botId, string token = V2.Token) =>
        (await portal.CallJsonAsync(V2.CommandRegister, V2.Docs(RegisterExample, botId).Replace(V2.Token, token, StringComparison.Ordinal))).AssertSuccess()!["command"]!["id"]!.GetValue<int>();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Register_with_the_docs_example_returns_the_command_with_its_slash()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? result = (await portal.CallJsonAsync(V2.CommandRegister, V2.Docs(RegisterExample, botId))).AssertSuccess();

        BotCommand stored = Assert.Single(portal.Portal.State.Commands);
        Assert.Equal(
            new JsonObject { ["command"] = new JsonObject { ["id"] = stored.Id, ["botId"] = botId, ["command"] = "/help", ["common"] = false, ["hidden"] = false, ["extranetSupport"] = false } }.ToJsonString(),
            result!.ToJsonString());
        Assert.Equal(("help", botId), (stored.Command, stored.BotId));
        Assert.Equal("Hilfe anzeigen", stored.Title["de"]);
        Assert.Equal("query", stored.Params["en"]);
    }

    [Fact]
    public async Task Register_is_idempotent_for_the_same_command_and_bot_and_does_not_update_it()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        int other = await V2.RegisterAsync(portal, "other_bot");
        int first = await RegisterHelpAsync(portal, botId);

        JsonNode? again = (await Register(portal, botId, new JsonObject { ["command"] = "help", ["common"] = true, ["hidden"] = true })).AssertSuccess();
        JsonNode? otherBots = (await Register(portal, other, new JsonObject { ["command"] = "help", ["hidden"] = true })).AssertSuccess();

        Assert.Equal((first, false, false), (again!["command"]!["id"]!.GetValue<int>(), again["command"]!["common"]!.GetValue<bool>(), again["command"]!["hidden"]!.GetValue<bool>()));
        Assert.NotEqual(first, otherBots!["command"]!["id"]!.GetValue<int>());
        Assert.Equal(2, portal.Portal.State.Commands.Count);
    }

    [Fact]
    public async Task Booleans_and_a_hidden_command_without_title_are_accepted()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? result = (await Register(portal, botId, new JsonObject { ["command"] = "secret", ["hidden"] = "Y", ["common"] = "Y", ["extranetSupport"] = true })).AssertSuccess();

        Assert.Equal((true, true, true), (result!["command"]!["hidden"]!.GetValue<bool>(), result["command"]!["common"]!.GetValue<bool>(), result["command"]!["extranetSupport"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("""{"title":{"en":"No name"}}""", "COMMAND_REQUIRED", "Command is required")]
    [InlineData("""{"command":"","title":{"en":"Empty"}}""", "COMMAND_REQUIRED", "Command is required")]
    [InlineData("""{"command":42,"title":{"en":"A number"}}""", "COMMAND_NAME_INVALID", "Command name is invalid")]
    [InlineData("""{"command":["help"],"title":{"en":"A list"}}""", "COMMAND_NAME_INVALID", "Command name is invalid")]
    [InlineData("""{"command":"/help","title":{"en":"With its slash"}}""", "COMMAND_NAME_INVALID", "Command name is invalid")]
    [InlineData("""{"command":"two words","title":{"en":"Spaced"}}""", "COMMAND_NAME_INVALID", "Command name is invalid")]
    [InlineData("""{"command":"help"}""", "COMMAND_TITLE_REQUIRED", "Command title is required")]
    [InlineData("""{"command":"help","hidden":false,"title":{}}""", "COMMAND_TITLE_REQUIRED", "Command title is required")]
    [InlineData("""{"command":"help","title":"Show help"}""", "COMMAND_TITLE_REQUIRED", "Command title is required")]
    public async Task Invalid_commands_answer_the_documented_400_errors(string fields, string code, string description)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        ApiResponse response = await Register(portal, botId, JsonNode.Parse(fields)!.AsObject());

        response.AssertError(400, code);
        Assert.Equal(description, response.ErrorDescription);
        Assert.Empty(portal.Portal.State.Commands);
    }

    [Fact]
    public async Task The_legacy_flat_format_is_read_when_fields_is_absent()
    {
        // change-log.md BOT-BC-0330-1, the "Previously (legacy)" body.
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? result = (await portal.CallJsonAsync(V2.CommandRegister, V2.Docs("""{"botId":456,"botToken":"my_bot_token","command":"help","title":{"en":"Help"},"hidden":false}""", botId))).AssertSuccess();

        Assert.Equal("/help", result!["command"]!["command"]!.GetValue<string>());
        Assert.Equal("Help", Assert.Single(portal.Portal.State.Commands).Title["en"]);
    }

    [Fact]
    public async Task List_with_the_docs_example_shows_localized_titles_and_the_bots_name_as_category()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        int help = await RegisterHelpAsync(portal, botId);
        int hidden = (await Register(portal, botId, new JsonObject { ["command"] = "stats", ["hidden"] = true, ["title"] = new JsonObject { ["de"] = "Statistik" } })).AssertSuccess()!["command"]!["id"]!.GetValue<int>();
        await RegisterHelpAsync(portal, DemoPortal.BotId, DemoPortal.BotClientId);

        JsonNode? result = (await portal.CallJsonAsync(V2.CommandList, V2.Docs("""{"botId":456,"botToken":"my_bot_token"}""", botId))).AssertSuccess();

        JsonArray commands = result!["commands"]!.AsArray();
        Assert.Equal([help, hidden], commands.Select(c => c!["id"]!.GetValue<int>()));
        Assert.Equal(
            new JsonObject
            {
                ["id"] = help, ["botId"] = botId, ["command"] = "/help", ["common"] = false, ["hidden"] = false, ["extranetSupport"] = false,
                ["title"] = "Show help", ["params"] = "query", ["category"] = "Support Bot", ["context"] = string.Empty,
            }.ToJsonString(),
            commands[0]!.ToJsonString());
        Assert.Equal(("Statistik", string.Empty), (commands[1]!["title"]!.GetValue<string>(), commands[1]!["params"]!.GetValue<string>())); // no English: the first one given
    }

    [Fact]
    public async Task Unregister_with_the_docs_example_deletes_the_command_and_a_foreign_or_unknown_one_is_COMMAND_NOT_FOUND()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        int help = await RegisterHelpAsync(portal, botId);
        int demoBots = await RegisterHelpAsync(portal, DemoPortal.BotId, DemoPortal.BotClientId);

        ApiResponse response = await portal.CallJsonAsync(V2.CommandUnregister, V2.Docs("""{"botId":456,"botToken":"my_bot_token","commandId":42}""", botId).Replace("42", Id(help), StringComparison.Ordinal));
        ApiResponse again = await portal.CallAsync(V2.CommandUnregister, V2.Body(botId, rest: new JsonObject { ["commandId"] = help }));
        ApiResponse foreign = await portal.CallAsync(V2.CommandUnregister, V2.Body(botId, rest: new JsonObject { ["commandId"] = demoBots }));

        V2.AssertResultTrue(response);
        again.AssertError(400, "COMMAND_NOT_FOUND");
        Assert.Equal("Command not found", again.ErrorDescription);
        foreign.AssertError(400, "COMMAND_NOT_FOUND");
        Assert.Equal([demoBots], portal.Portal.State.Commands.Select(c => c.Id));
    }

    [Fact]
    public async Task Answer_with_the_docs_example_replies_to_a_typed_command_in_the_chat()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int commandId = await RegisterHelpAsync(portal, botId);
        TranscriptMessage typed = portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "/help delivery");

        ApiResponse response = await portal.CallJsonAsync(V2.CommandAnswer,
            V2.Docs("""{"botId":456,"botToken":"my_bot_token","commandId":42,"messageId":789,"dialogId":"chat5","fields":{"message":"Here is the help text..."}}""", botId)
                .Replace("42", Id(commandId), StringComparison.Ordinal).Replace("789", Id(typed.Id), StringComparison.Ordinal));

        V2.AssertResultTrue(response);
        TranscriptMessage answer = portal.Chat.Transcript[^1];
        Assert.Equal((botId, "Here is the help text...", false), (answer.AuthorId, answer.Text, answer.IsSystem));
    }

    [Fact]
    public async Task Answer_may_reply_where_the_bot_is_not_a_member_as_a_system_message_with_its_name()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        int commandId = (await Register(portal, botId, new JsonObject { ["command"] = "status", ["common"] = true, ["title"] = new JsonObject { ["en"] = "Status" } })).AssertSuccess()!["command"]!["id"]!.GetValue<int>();
        TranscriptMessage typed = portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "/status");

        V2.AssertResultTrue(await portal.CallAsync(V2.CommandAnswer, V2.Body(botId, rest: new JsonObject
        {
            ["commandId"] = commandId,
            ["messageId"] = typed.Id,
            ["dialogId"] = V2.Chat112,
            ["fields"] = new JsonObject { ["message"] = "All systems go", ["keyboard"] = new JsonArray(new JsonObject { ["TEXT"] = "Details", ["COMMAND"] = "status" }) },
        })));

        TranscriptMessage answer = portal.Chat.Transcript[^1];
        Assert.Equal((0, "Support Bot", true, botId, "All systems go"), (answer.AuthorId, answer.AuthorName, answer.IsSystem, answer.BotId, answer.Text));
        Assert.NotNull(answer.Keyboard);
        Assert.DoesNotContain(botId, portal.Chat.Members);
    }

    [Fact]
    public async Task Answer_replies_to_a_keyboard_buttons_command_on_the_bots_own_message()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int commandId = await RegisterHelpAsync(portal, botId);
        int withButton = (await portal.CallAsync(V2.MessageSend, V2.Body(botId, rest: new JsonObject
        {
            ["dialogId"] = V2.Chat112,
            ["fields"] = new JsonObject { ["message"] = "Need help?", ["keyboard"] = new JsonObject { ["BOT_ID"] = botId, ["BUTTONS"] = new JsonArray(new JsonObject { ["TEXT"] = "Help", ["COMMAND"] = "help" }) } },
        }))).AssertSuccess()!["id"]!.GetValue<int>();

        V2.AssertResultTrue(await portal.CallAsync(V2.CommandAnswer, V2.Body(botId, rest: new JsonObject
        {
            ["commandId"] = commandId, ["messageId"] = withButton, ["dialogId"] = V2.Chat112, ["fields"] = new JsonObject { ["message"] = "Help is here" },
        })));

        Assert.Equal("Help is here", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Answer_without_a_valid_command_token_or_content_is_400_COMMAND_ANSWER_FAILED()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.AddChat(113, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId, firstMessage: "/help in another chat"));
        int botId = await V2.RegisterInChat112Async(portal);
        int commandId = await RegisterHelpAsync(portal, botId);
        int demoCommand = await RegisterHelpAsync(portal, DemoPortal.BotId, DemoPortal.BotClientId);
        int typed = portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "/help").Id;
        int notACommand = portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "/helpme please").Id;
        int otherChat = portal.Portal.State.GetChat(113).Transcript[0].Id;
        int before = portal.Chat.Transcript.Count;

        JsonObject Answer(int command, int message, string dialogId = V2.Chat112, string text = "answer") => V2.Body(botId, rest: new JsonObject
        {
            ["commandId"] = command, ["messageId"] = message, ["dialogId"] = dialogId, ["fields"] = new JsonObject { ["message"] = text },
        });

        ApiResponse[] failures =
        [
            await portal.CallAsync(V2.CommandAnswer, Answer(999, typed)),
            await portal.CallAsync(V2.CommandAnswer, Answer(demoCommand, typed)),
            await portal.CallAsync(V2.CommandAnswer, Answer(commandId, notACommand)),
            await portal.CallAsync(V2.CommandAnswer, Answer(commandId, otherChat)),
            await portal.CallAsync(V2.CommandAnswer, Answer(commandId, 999)),
            await portal.CallAsync(V2.CommandAnswer, Answer(commandId, typed, "chat999")),
            await portal.CallAsync(V2.CommandAnswer, Answer(commandId, typed, text: "")),
        ];

        Assert.All(failures, f => f.AssertError(400, "COMMAND_ANSWER_FAILED"));
        Assert.Equal("Command answer failed", failures[0].ErrorDescription);
        Assert.Equal(before, portal.Chat.Transcript.Count);
        (await portal.CallAsync(V2.CommandAnswer, Answer(commandId, typed))).AssertSuccess();
    }

    [Fact]
    public async Task Extended_bot_counters_count_commands_chats_and_messages()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        await RegisterHelpAsync(portal, botId);
        await V2.SendAsync(portal, botId, "one");
        await V2.SendAsync(portal, botId, "two");

        JsonNode? bot = (await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["botId"] = botId })).AssertSuccess()!["bot"];

        Assert.Equal((2, 1, 1, 1), (bot!["countMessage"]!.GetValue<int>(), bot["countCommand"]!.GetValue<int>(), bot["countChat"]!.GetValue<int>(), bot["countUser"]!.GetValue<int>()));
    }
}
