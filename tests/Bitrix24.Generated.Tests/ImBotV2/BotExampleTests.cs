using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// imbot.v2.Bot.* against the examples of their pages (api-reference/chat-bots/chat-bots-v2/imbot.v2/bots/*.md):
/// the SDK's typed request sends each request example, and each response example reads into the typed result.
/// </summary>
public sealed class BotExampleTests
{
    // ----- Bot.register (bots/bot-register.md) ----------------------------------------------------------------

    private static ImBotV2BotRegisterRequest RegisterRequest(string? botToken) => new()
    {
        Fields = new()
        {
            Code = "support_bot",
            BotToken = botToken,
            Properties = new() { Name = "Support Bot", WorkPosition = "AI Assistant" },
            Type = "bot",
            EventMode = "fetch",
        },
    };

    [Fact]
    public async Task Register_sends_the_webhook_example_with_botToken_inside_fields()
    {
        // The cURL (Webhook) tab; the Go tab sends the same.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "bot-register.webhook.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(RegisterRequest(BotToken)));
    }

    [Fact]
    public async Task Register_sends_the_oauth_example()
    {
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Bot.register", "bot-register.oauth.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(RegisterRequest(botToken: null)));
    }

    [Fact]
    public async Task Register_sends_the_js_php_and_crest_examples()
    {
        // The JS, PHP, BX24.js and PHP CRest tabs send the cURL (OAuth) body without auth.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "bot-register.oauth.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(RegisterRequest(botToken: null)), WithoutAuth);
    }

    [Fact]
    public async Task Register_reads_the_response_example()
    {
        (BotRegisterResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(RegisterRequest(BotToken)));

        Bot bot = result.Bot;
        Assert.Equal(456, bot.Id);
        Assert.Equal("support_bot", bot.Code);
        Assert.Equal("bot", bot.Type);
        Assert.False(bot.IsHidden);
        Assert.False(bot.IsSupportOpenline);
        Assert.True(bot.IsReactionsEnabled);
        Assert.Null(bot.BackgroundId);
        Assert.Equal("en", bot.Language);
        Assert.Equal("rest", bot.ModuleId);
        Assert.Equal("fetch", bot.EventMode);
        Assert.Equal(0, bot.CountMessage);
        Assert.Equal(0, bot.CountUser);

        User user = Assert.Single(result.Users!);
        Assert.Equal(456, user.Id);
        Assert.True(user.Active);
        Assert.Equal("Support Bot", user.Name);
        Assert.Equal("Support", user.FirstName);
        Assert.Equal("Bot", user.LastName);
        Assert.Equal("AI Assistant", user.WorkPosition);
        Assert.Equal("#df532d", user.Color);
        Assert.Equal("", user.Avatar);
        Assert.Equal("M", user.Gender);
        Assert.Equal("", user.Birthday);
        Assert.True(user.Bot);
        Assert.False(user.Connector);
        Assert.Equal("bot", user.ExternalAuthId);
        Assert.Equal("online", user.Status);
        Assert.Null(user.Idle);                                   // false on the wire
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)), user.LastActivityDate);
        Assert.Null(user.Absent);                                 // false on the wire
        Assert.Equal([1], user.Departments!);
        Assert.Null(user.Phones);                                 // false on the wire
        Assert.Equal("bot", user.Type);
        Assert.Null(user.Email);                                  // not in this example
    }

    [Fact]
    public async Task Register_with_response_reads_the_time_block_of_the_example()
    {
        (Bitrix24Response<BotRegisterResult> response, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterWithResponseAsync(RegisterRequest(BotToken)));

        Assert.Equal(456, response.Result.Bot.Id);
        Assert.Equal(TimeSpan.FromSeconds(0.111), response.Time.Duration);
        Assert.Equal(new DateTimeOffset(2024, 10, 11, 10, 0, 0, TimeSpan.FromHours(1)), response.Time.DateStart);
        Assert.Equal(200, response.StatusCode);
    }

    // ----- Bot.update (bots/bot-update.md) --------------------------------------------------------------------

    private static ImBotV2BotUpdateRequest UpdateRequest(string? botToken) => new()
    {
        BotId = 456,
        BotToken = botToken,
        Fields = new() { Properties = new() { Name = "Updated Bot" }, IsHidden = true },
    };

    [Fact]
    public async Task Update_sends_the_webhook_example()
    {
        // The cURL (Webhook) tab; the Go tab sends the same.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.update", "bot-update.webhook.json", "bot-update.response.json",
            c => c.ImBot.V2.Bot.UpdateAsync(UpdateRequest(BotToken)));
    }

    [Fact]
    public async Task Update_sends_the_oauth_example_and_the_code_tabs()
    {
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Bot.update", "bot-update.oauth.json", "bot-update.response.json",
            c => c.ImBot.V2.Bot.UpdateAsync(UpdateRequest(botToken: null)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.update", "bot-update.oauth.json", "bot-update.response.json",
            c => c.ImBot.V2.Bot.UpdateAsync(UpdateRequest(botToken: null)), WithoutAuth);
    }

    [Fact]
    public async Task Update_reads_the_response_example_with_its_partial_users()
    {
        (BotUpdateResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Bot.update", "bot-update.response.json",
            c => c.ImBot.V2.Bot.UpdateAsync(UpdateRequest(BotToken)));

        Assert.Equal(456, result.Bot.Id);
        Assert.True(result.Bot.IsHidden);
        Assert.Equal("de", result.Bot.Language);
        Assert.Equal(150, result.Bot.CountMessage);
        Assert.Equal(3, result.Bot.CountCommand);
        Assert.Equal(12, result.Bot.CountChat);
        Assert.Equal(45, result.Bot.CountUser);
        User user = Assert.Single(result.Users!);
        Assert.Equal("Updated Bot", user.Name);
        Assert.True(user.Bot);
        Assert.Equal("bot", user.Type);
        Assert.Null(user.FirstName);                              // the example's user has only five members
    }

    [Fact]
    public async Task Update_sends_backgroundId_null_when_set_to_null_and_nothing_when_unset()
    {
        var reset = new ImBotV2BotUpdateRequest { BotId = 456, Fields = new() { BackgroundId = null } };
        (_, string body) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Bot.update", "bot-update.response.json", c => c.ImBot.V2.Bot.UpdateAsync(reset));
        AssertSameJson(System.Text.Json.Nodes.JsonNode.Parse("""{"botId":456,"fields":{"backgroundId":null}}""")!, body);

        var unchanged = new ImBotV2BotUpdateRequest { BotId = 456, Fields = new() { IsHidden = false } };
        (_, body) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Bot.update", "bot-update.response.json", c => c.ImBot.V2.Bot.UpdateAsync(unchanged));
        AssertSameJson(System.Text.Json.Nodes.JsonNode.Parse("""{"botId":456,"fields":{"isHidden":false}}""")!, body);
    }

    // ----- Bot.get (bots/bot-get.md) --------------------------------------------------------------------------

    [Fact]
    public async Task Get_sends_the_webhook_and_oauth_examples_by_code()
    {
        // The cURL (Webhook) and Go tabs; the cURL (OAuth) tab; the JS, PHP, BX24.js and CRest tabs ({"code"} only).
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.get", "bot-get.webhook.json", "bot-get.response.json",
            c => c.ImBot.V2.Bot.GetAsync(new ImBotV2BotGetRequest { BotToken = BotToken, Code = "support_bot" }));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Bot.get", "bot-get.oauth.json", "bot-get.response.json",
            c => c.ImBot.V2.Bot.GetAsync(code: "support_bot"));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.get", "bot-get.oauth.json", "bot-get.response.json",
            c => c.ImBot.V2.Bot.GetAsync(code: "support_bot"), WithoutAuth);
    }

    [Fact]
    public async Task Get_reads_the_response_example()
    {
        (BotGetResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Bot.get", "bot-get.response.json",
            c => c.ImBot.V2.Bot.GetAsync(code: "support_bot"));

        Assert.Equal(456, result.Bot.Id);
        Assert.Equal("support_bot", result.Bot.Code);
        Assert.Equal("fetch", result.Bot.EventMode);
        Assert.Equal(45, result.Bot.CountUser);
        Assert.Equal("Support Bot", Assert.Single(result.Users!).Name);
    }

    // ----- Bot.list (bots/bot-list.md) ------------------------------------------------------------------------

    [Fact]
    public async Task List_sends_the_webhook_and_oauth_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.list", "bot-list.webhook.json", "bot-list.response.json",
            c => c.ImBot.V2.Bot.ListAsync(new ImBotV2BotListRequest { BotToken = BotToken, Filter = new() { Type = "bot" }, Limit = 10 }));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Bot.list", "bot-list.oauth.json", "bot-list.response.json",
            c => c.ImBot.V2.Bot.ListAsync(filter: new BotListFilter { Type = "bot" }, limit: 10));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.list", "bot-list.oauth.json", "bot-list.response.json",
            c => c.ImBot.V2.Bot.ListAsync(filter: new BotListFilter { Type = "bot" }, limit: 10), WithoutAuth);
    }

    [Fact]
    public async Task List_reads_the_response_example()
    {
        (BotListResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Bot.list", "bot-list.response.json",
            c => c.ImBot.V2.Bot.ListAsync(limit: 10));

        Bot bot = Assert.Single(result.Bots);
        Assert.Equal(456, bot.Id);
        Assert.Equal("support_bot", bot.Code);
        Assert.Equal(150, bot.CountMessage);
        Assert.Equal(456, Assert.Single(result.Users!).Id);
        Assert.False(result.HasNextPage);
    }

    // ----- Bot.unregister (bots/bot-unregister.md) ------------------------------------------------------------

    [Fact]
    public async Task Unregister_sends_the_examples_and_reads_the_inner_result()
    {
        bool webhook = await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.unregister", "bot-unregister.webhook.json", "bot-unregister.response.json",
            c => c.ImBot.V2.Bot.UnregisterAsync(456, BotToken));
        bool oauth = await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Bot.unregister", "bot-unregister.oauth.json", "bot-unregister.response.json",
            c => c.ImBot.V2.Bot.UnregisterAsync(456));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.unregister", "bot-unregister.oauth.json", "bot-unregister.response.json",
            c => c.ImBot.V2.Bot.UnregisterAsync(new ImBotV2BotUnregisterRequest { BotId = 456 }), WithoutAuth);

        Assert.True(webhook);                                     // {"result": {"result": true}}
        Assert.True(oauth);
    }
}
