using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// imbot.v2.Command.* against the examples of their pages (api-reference/chat-bots/chat-bots-v2/imbot.v2/commands/*.md)
/// and of the change log. The JS, PHP, BX24.js and PHP CRest tabs send the cURL (OAuth) body without auth; the Go
/// tabs of register and update differ from the cURL tabs and have their own files.
/// </summary>
public sealed class CommandExampleTests
{
    // ----- Command.register (commands/command-register.md) ----------------------------------------------------

    private static ImBotV2CommandRegisterRequest RegisterHelp(string? botToken) => new()
    {
        BotId = 456,
        BotToken = botToken,
        Fields = new()
        {
            Command = "help",
            Title = new Dictionary<string, string> { ["en"] = "Show help", ["de"] = "Hilfe anzeigen" },
            Params = new Dictionary<string, string> { ["en"] = "query", ["de"] = "Anfrage" },
        },
    };

    [Fact]
    public async Task Register_sends_the_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.register", "command-register.webhook.json", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(RegisterHelp(BotToken)));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.register", "command-register.oauth.json", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(RegisterHelp(null)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.register", "command-register.oauth.json", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(RegisterHelp(null)), WithoutAuth);
    }

    [Fact]
    public async Task Register_sends_the_go_example()
    {
        var request = new ImBotV2CommandRegisterRequest
        {
            BotId = 456,
            BotToken = BotToken,
            Fields = new()
            {
                Command = "help",
                Title = new Dictionary<string, string> { ["en"] = "Show help" },
                Params = new Dictionary<string, string> { ["en"] = "query" },
            },
        };
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.register", "command-register.go.json", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(request));
    }

    [Fact]
    public async Task Register_sends_the_change_log_example_of_the_fields_form()
    {
        // change-log.md BOT-BC-0330-1 "Now" (botToken "..." as the page writes it). The legacy flat form the same
        // entry shows ("Previously") is not what the SDK sends: it has no top-level command parameters.
        var request = new ImBotV2CommandRegisterRequest
        {
            BotId = 456,
            BotToken = "...",
            Fields = new() { Command = "help", Title = new Dictionary<string, string> { ["en"] = "Help" }, Hidden = false },
        };
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.register", "change-log.command-register-fields.json", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(request));

        System.Text.Json.Nodes.JsonNode legacy = Json("change-log.command-register-legacy.json");
        Assert.False(System.Text.Json.Nodes.JsonNode.DeepEquals(legacy, Json("change-log.command-register-fields.json")));
    }

    [Fact]
    public async Task Register_reads_the_response_example()
    {
        (CommandRegisterResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Command.register", "command-register.response.json",
            c => c.ImBot.V2.Command.RegisterAsync(RegisterHelp(BotToken)));

        BotCommand command = result.Command;
        Assert.Equal(42, command.Id);
        Assert.Equal(456, command.BotId);
        Assert.Equal("/help", command.Command);
        Assert.False(command.Common);
        Assert.False(command.Hidden);
        Assert.False(command.ExtranetSupport);
        Assert.Null(command.Title);                               // only Command.list carries it
    }

    // ----- Command.update (commands/command-update.md) --------------------------------------------------------

    private const string RotatedToken = "b15f6e80ef345c97e23db31e727281f4";

    private static ImBotV2CommandUpdateRequest UpdateTitles(string? botToken, Dictionary<string, string?> title) => new()
    {
        BotId = 456,
        BotToken = botToken,
        CommandId = 42,
        Fields = new() { Title = title },
    };

    [Fact]
    public async Task Update_example_1_updating_translations()
    {
        var title = new Dictionary<string, string?> { ["en"] = "Updated help", ["de"] = "Aktualisierte Hilfe" };
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-1.webhook.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(RotatedToken, title)));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.update", "command-update-1.oauth.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(null, title)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-1.oauth.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(null, title)), WithoutAuth);
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-1.go.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(RotatedToken, new() { ["en"] = "Updated help" })));
    }

    [Fact]
    public async Task Update_example_2_removes_a_translation_with_null()
    {
        var title = new Dictionary<string, string?> { ["de"] = "Hilfe", ["en"] = null };
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-2.webhook.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(RotatedToken, title)));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.update", "command-update-2.oauth.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(null, title)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-2.oauth.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(null, title)), WithoutAuth);
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.update", "command-update-2.go.json", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(RotatedToken, new() { ["en"] = null })));
    }

    [Fact]
    public async Task Update_reads_the_response_example()
    {
        (CommandUpdateResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Command.update", "command-update.response.json",
            c => c.ImBot.V2.Command.UpdateAsync(UpdateTitles(null, new() { ["de"] = "Hilfe" })));

        Assert.Equal(42, result.Command.Id);
        Assert.Equal(456, result.Command.BotId);
        Assert.Equal("/help", result.Command.Command);
    }

    // ----- Command.list / unregister / answer -----------------------------------------------------------------

    [Fact]
    public async Task List_sends_the_examples_and_reads_the_response_example()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.list", "command-list.webhook.json", "command-list.response.json",
            c => c.ImBot.V2.Command.ListAsync(456, BotToken));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.list", "command-list.oauth.json", "command-list.response.json",
            c => c.ImBot.V2.Command.ListAsync(456), WithoutAuth);
        CommandListResult result = await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.list", "command-list.oauth.json", "command-list.response.json",
            c => c.ImBot.V2.Command.ListAsync(456));

        BotCommand command = Assert.Single(result.Commands);
        Assert.Equal(42, command.Id);
        Assert.Equal("/help", command.Command);
        Assert.Equal("Show Help", command.Title);
        Assert.Equal("request text", command.Params);
        Assert.Equal("My Bot", command.Category);
        Assert.Equal("", command.Context);
    }

    [Fact]
    public async Task Unregister_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.unregister", "command-unregister.webhook.json", "command-unregister.response.json",
            c => c.ImBot.V2.Command.UnregisterAsync(456, 42, BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.unregister", "command-unregister.oauth.json", "command-unregister.response.json",
            c => c.ImBot.V2.Command.UnregisterAsync(456, 42)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.unregister", "command-unregister.oauth.json", "command-unregister.response.json",
            c => c.ImBot.V2.Command.UnregisterAsync(456, 42), WithoutAuth);
    }

    [Fact]
    public async Task Answer_sends_the_examples()
    {
        static ImBotV2CommandAnswerRequest Request(string? token) => new()
        {
            BotId = 456, BotToken = token, CommandId = 42, MessageId = 789, DialogId = "chat5", Fields = new() { Message = "Here is the help text..." },
        };

        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.answer", "command-answer.webhook.json", "command-answer.response.json",
            c => c.ImBot.V2.Command.AnswerAsync(Request(BotToken))));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Command.answer", "command-answer.oauth.json", "command-answer.response.json",
            c => c.ImBot.V2.Command.AnswerAsync(Request(null))));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Command.answer", "command-answer.oauth.json", "command-answer.response.json",
            c => c.ImBot.V2.Command.AnswerAsync(Request(null)), WithoutAuth);
    }
}
