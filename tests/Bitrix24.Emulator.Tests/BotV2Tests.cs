using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>imbot.v2.Bot.register</c>, <c>.update</c>, <c>.get</c>, <c>.list</c>, <c>.unregister</c> and <c>imbot.v2.Revision.get</c>
/// (BOTS-V2.md §1.2, §1.7; DOCS chat-bots-v2/imbot.v2/bots/*.md).
/// </summary>
public sealed class BotV2Tests
{
    // bot-register.md, "cURL (Webhook)", verbatim.
    private const string RegisterWebhookExample = """
        {
          "fields": {
            "code": "support_bot",
            "botToken": "my_bot_token",
            "properties": {"name": "Support Bot", "workPosition": "AI Assistant"},
            "type": "bot",
            "eventMode": "fetch"
          }
        }
        """;

    private static JsonObject Fields(JsonObject? extra = null, bool token = true)
    {
        var fields = new JsonObject
        {
            ["code"] = "support_bot",
            ["properties"] = new JsonObject { ["name"] = "Support Bot" },
        };
        if (token)
        {
            fields["botToken"] = V2.Token;
        }

        foreach ((string key, JsonNode? value) in extra ?? new JsonObject())
        {
            fields[key] = value?.DeepClone();
        }

        return fields;
    }

    private static Task<ApiResponse> Register(TestPortal portal, JsonObject fields) =>
        portal.CallAsync(V2.BotRegister, new JsonObject { ["fields"] = fields });

    // --- Bot.register ---

    [Fact]
    public async Task Register_with_the_docs_webhook_example_returns_the_extended_bot_and_its_user()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await portal.CallJsonAsync(V2.BotRegister, RegisterWebhookExample)).AssertSuccess();

        JsonObject bot = result!["bot"]!.AsObject();
        Assert.Equal(
            ["id", "code", "type", "isHidden", "isSupportOpenline", "isReactionsEnabled", "backgroundId", "language", "moduleId", "eventMode", "countMessage", "countCommand", "countChat", "countUser"],
            bot.Select(p => p.Key));
        Assert.Equal(
            """{"code":"support_bot","type":"bot","isHidden":false,"isSupportOpenline":false,"isReactionsEnabled":true,"backgroundId":null,"language":"en","moduleId":"rest","eventMode":"fetch","countMessage":0,"countCommand":0,"countChat":0,"countUser":0}""",
            Without(bot, "id").ToJsonString());
        int botId = bot["id"]!.GetValue<int>();
        Assert.Equal(9, botId); // the next user id after the demo's 1..8: bots are users
        JsonObject user = Assert.Single(result["users"]!.AsArray())!.AsObject();
        Assert.Equal((botId, true, "Support Bot", "AI Assistant", true, "bot", "bot"), (
            user["id"]!.GetValue<int>(), user["active"]!.GetValue<bool>(), user["name"]!.GetValue<string>(),
            user["workPosition"]!.GetValue<string>(), user["bot"]!.GetValue<bool>(), user["type"]!.GetValue<string>(), user["externalAuthId"]!.GetValue<string>()));
        Assert.Equal(JsonValueKind.False, user["idle"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, user["phones"]!.GetValueKind());
        Assert.Null(bot["appId"]); // removed in rev 35

        ChatBot stored = portal.Portal.State.FindBot(botId)!;
        Assert.Equal(("support_bot", null, V2.Token, true), (stored.Code, stored.AppClientId, stored.WebhookClientId, stored.RegisteredWithV2));
        Assert.Equal(new BotProfile("Support Bot", WorkPosition: "AI Assistant"), stored.Profile);
        Assert.Equal("Support Bot", portal.Portal.State.Users.Single(u => u.Id == botId).Name);
    }

    [Fact]
    public async Task Register_with_the_docs_OAuth_example_needs_no_botToken_and_belongs_to_the_application()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        // bot-register.md, "cURL (OAuth)", with a real token.
        string body = """{"fields":{"code":"support_bot","properties":{"name":"Support Bot","workPosition":"AI Assistant"},"type":"bot","eventMode":"fetch"},"auth":"TOKEN"}""".Replace("TOKEN", tokens.AccessToken, StringComparison.Ordinal);

        JsonNode? result = (await portal.Http.PostRawAsync(TestPortal.OAuthPath(V2.BotRegister), body, "application/json")).AssertSuccess();

        ChatBot stored = portal.Portal.State.FindBot(result!["bot"]!["id"]!.GetValue<int>())!;
        Assert.Equal((DemoPortal.Application.ClientId, (string?)null), (stored.AppClientId, stored.WebhookClientId));
    }

    [Fact]
    public async Task Register_is_idempotent_per_application_and_code_and_does_not_update_the_data()
    {
        await using var portal = await TestPortal.StartAsync();
        int first = await V2.RegisterAsync(portal);

        JsonNode? again = (await Register(portal, Fields(new JsonObject
        {
            ["properties"] = new JsonObject { ["name"] = "Renamed" },
            ["type"] = "supervisor",
            ["isHidden"] = true,
        }))).AssertSuccess();

        Assert.Equal(first, again!["bot"]!["id"]!.GetValue<int>());
        Assert.Equal(("bot", false), (again["bot"]!["type"]!.GetValue<string>(), again["bot"]!["isHidden"]!.GetValue<bool>()));
        Assert.Equal("Support Bot", again["users"]![0]!["name"]!.GetValue<string>());
        Assert.Single(portal.Portal.State.Bots, b => b.Code == "support_bot");
    }

    [Fact]
    public async Task A_code_taken_by_another_application_is_400_BOT_CODE_ALREADY_TAKEN()
    {
        await using var portal = await TestPortal.StartAsync();
        await V2.RegisterAsync(portal);
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse otherToken = await Register(portal, Fields(new JsonObject { ["botToken"] = "another_token" }));
        ApiResponse otherApp = await portal.CallOAuthAsync(V2.BotRegister, tokens.AccessToken, new JsonObject { ["fields"] = Fields(token: false) });
        ApiResponse v1Code = await Register(portal, Fields(new JsonObject { ["code"] = "demo_support_bot" }));

        otherToken.AssertError(400, "BOT_CODE_ALREADY_TAKEN");
        Assert.Equal("Bot code is already taken", otherToken.ErrorDescription);
        otherApp.AssertError(400, "BOT_CODE_ALREADY_TAKEN");
        v1Code.AssertError(400, "BOT_CODE_ALREADY_TAKEN"); // v1 bots are visible in v2
        Assert.Equal(2, portal.Portal.State.Bots.Count);
    }

    [Fact]
    public async Task An_application_may_register_100_bots_and_the_101st_is_400_BOT_LIMIT_EXCEEDED()
    {
        await using var portal = await TestPortal.StartAsync(o => o.RateLimit = null);
        for (int i = 0; i < 100; i++)
        {
            (await Register(portal, Fields(new JsonObject { ["code"] = $"bot_{i}" }))).AssertSuccess();
        }

        ApiResponse over = await Register(portal, Fields(new JsonObject { ["code"] = "bot_100" }));
        ApiResponse again = await Register(portal, Fields(new JsonObject { ["code"] = "bot_0" }));
        ApiResponse otherApplication = await Register(portal, Fields(new JsonObject { ["code"] = "bot_100", ["botToken"] = "second_app" }));

        over.AssertError(400, "BOT_LIMIT_EXCEEDED");
        again.AssertSuccess(); // idempotent re-registration is not a new bot
        otherApplication.AssertSuccess(); // the limit is per application
        Assert.Equal(102, portal.Portal.State.Bots.Count); // 100 + the other application's + the demo's v1 bot
    }

    [Fact]
    public async Task A_webhook_call_without_botToken_is_400_BOT_TOKEN_NOT_SPECIFIED()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse missing = await Register(portal, Fields(token: false));
        ApiResponse blank = await Register(portal, Fields(new JsonObject { ["botToken"] = "   " }));

        missing.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        Assert.Equal("Bot token is not specified", missing.ErrorDescription);
        blank.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        Assert.Single(portal.Portal.State.Bots);
    }

    [Fact]
    public async Task The_quick_start_form_with_botToken_at_the_top_level_is_accepted_too()
    {
        // BOTS-V2.md §9.2: quick-start.md puts botToken next to fields.
        await using var portal = await TestPortal.StartAsync();
        const string QuickStart = """{"botToken":"my_secret_token_123","fields":{"code":"support_bot","properties":{"name":"Support Bot","workPosition":"AI Assistant"},"eventMode":"fetch"}}""";

        JsonNode? result = (await portal.CallJsonAsync(V2.BotRegister, QuickStart)).AssertSuccess();

        Assert.Equal("my_secret_token_123", portal.Portal.State.FindBot(result!["bot"]!["id"]!.GetValue<int>())!.WebhookClientId);
    }

    [Theory]
    [InlineData("""{"fields":{"botToken":"t","properties":{"name":"Bot"}}}""", "BOT_CODE_REQUIRED", "Bot code is required")]
    [InlineData("""{"fields":{"code":"  ","botToken":"t","properties":{"name":"Bot"}}}""", "BOT_CODE_REQUIRED", "Bot code is required")]
    [InlineData("""{"botToken":"t"}""", "BOT_CODE_REQUIRED", "Bot code is required")]
    [InlineData("""{"fields":{"code":"c","botToken":"t"}}""", "BOT_PROPERTIES_REQUIRED", "Bot properties are required")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"workPosition":"no name"}}}""", "BOT_PROPERTIES_REQUIRED", "Bot properties are required")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"type":"robot"}}""", "BOT_INVALID_TYPE", "Invalid bot type")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"type":"BOT"}}""", "BOT_INVALID_TYPE", "Invalid bot type")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"eventMode":"push"}}""", "BOT_INVALID_EVENT_MODE", "Invalid event mode")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"eventMode":"webhook"}}""", "BOT_WEBHOOK_URL_REQUIRED", "Webhook URL is required")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"eventMode":"webhook","webhookUrl":"not a url"}}""", "BOT_INVALID_CALLBACK", "Invalid callback URL")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot"},"eventMode":"webhook","webhookUrl":"ftp://example.com/h"}}""", "BOT_INVALID_CALLBACK", "Invalid callback URL")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot","avatar":"bm90IGFuIGltYWdl"}}}""", "BOT_AVATAR_INCORRECT_TYPE", "Avatar must be an image")]
    [InlineData("""{"fields":{"code":"c","botToken":"t","properties":{"name":"Bot","avatar":"%%%"}}}""", "BOT_AVATAR_INCORRECT_TYPE", "Avatar must be an image")]
    public async Task Invalid_registrations_answer_the_documented_400_errors(string body, string code, string description)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallJsonAsync(V2.BotRegister, body);

        response.AssertError(400, code);
        Assert.Equal(description, response.ErrorDescription);
        Assert.Single(portal.Portal.State.Bots);
    }

    [Theory]
    [InlineData("bot")]
    [InlineData("network")]
    [InlineData("openline")]
    [InlineData("supervisor")]
    [InlineData("personal")]
    public async Task Every_type_the_error_text_allows_is_accepted(string type)
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await Register(portal, Fields(new JsonObject { ["type"] = type }))).AssertSuccess();

        Assert.Equal(type, result!["bot"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_bot_keeps_its_handler_URL_and_a_PNG_avatar_is_an_image()
    {
        await using var portal = await TestPortal.StartAsync();
        string png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);

        JsonNode? result = (await Register(portal, Fields(new JsonObject
        {
            ["eventMode"] = "webhook",
            ["webhookUrl"] = "http://127.0.0.1:9000/bitrix24/events",
            ["properties"] = new JsonObject { ["name"] = "Support Bot", ["avatar"] = png },
        }))).AssertSuccess();

        Assert.Equal("webhook", result!["bot"]!["eventMode"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:9000/bitrix24/events", portal.Portal.State.FindBot(result["bot"]!["id"]!.GetValue<int>())!.WebhookUrl);
    }

    [Fact]
    public async Task Booleans_are_read_from_JSON_booleans_and_from_Y_N_strings()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? json = (await Register(portal, Fields(new JsonObject { ["isHidden"] = true, ["isReactionsEnabled"] = false, ["isSupportOpenline"] = true }))).AssertSuccess();
        JsonNode? strings = (await Register(portal, Fields(new JsonObject { ["code"] = "yn_bot", ["botToken"] = "yn", ["isHidden"] = "Y", ["isReactionsEnabled"] = "N", ["isSupportOpenline"] = "Y" }))).AssertSuccess();

        foreach (JsonNode? result in new[] { json, strings })
        {
            Assert.Equal((true, false, true), (
                result!["bot"]!["isHidden"]!.GetValue<bool>(), result["bot"]!["isReactionsEnabled"]!.GetValue<bool>(), result["bot"]!["isSupportOpenline"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public async Task An_openline_bot_supports_open_lines_and_says_so()
    {
        // BOTS-V2.md §9.5: the emulator treats type openline as isSupportOpenline, as v1 does for TYPE=O.
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await Register(portal, Fields(new JsonObject { ["type"] = "openline" }))).AssertSuccess();

        Assert.True(result!["bot"]!["isSupportOpenline"]!.GetValue<bool>());
        Assert.True(portal.Portal.State.FindBot(result["bot"]!["id"]!.GetValue<int>())!.SupportsOpenLines);
    }

    [Fact]
    public async Task The_open_lines_tutorial_registration_works_and_its_uppercase_colour_is_understood()
    {
        // tutorials/chat-bots/open-lines-bot.md step 1 (PHP tab), with a local handler; "GREEN" (BOTS-V2.md §9.9).
        await using var portal = await TestPortal.StartAsync();
        const string Tutorial = """{"fields":{"code":"open_line_bot","botToken":"my_bot_token","type":"bot","isSupportOpenline":true,"eventMode":"webhook","webhookUrl":"http://127.0.0.1:8080/handler","properties":{"name":"Support line","workPosition":"First line","color":"GREEN"}}}""";

        JsonNode? result = (await portal.CallJsonAsync(V2.BotRegister, Tutorial)).AssertSuccess();

        Assert.Equal("#64a513", result!["users"]![0]!["color"]!.GetValue<string>());
        Assert.True(result["bot"]!["isSupportOpenline"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("mint", "mint")]
    [InlineData("MINT", null)]
    [InlineData("rainbow", null)]
    public async Task An_invalid_backgroundId_becomes_null(string given, string? expected)
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await Register(portal, Fields(new JsonObject { ["backgroundId"] = given }))).AssertSuccess();

        Assert.Equal(expected, result!["bot"]!["backgroundId"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_botToken_over_40_characters_is_refused_from_6_August_2026_even_for_a_re_registration()
    {
        await using var portal = await TestPortal.StartAsync();
        string longToken = new('x', 41);

        ApiResponse response = await Register(portal, Fields(new JsonObject { ["botToken"] = longToken }));
        (await Register(portal, Fields(new JsonObject { ["code"] = "forty", ["botToken"] = new string('x', 40) }))).AssertSuccess();

        response.AssertError(400, "BOT_TOKEN_INVALID_LENGTH");
    }

    [Fact]
    public async Task A_botToken_over_40_characters_is_still_accepted_before_6_August_2026()
    {
        var before = new TestClock(new DateTimeOffset(2026, 8, 5, 12, 0, 0, TimeSpan.Zero));
        await using var portal = await TestPortal.StartAsync(o => o.TimeProvider = before);

        (await Register(portal, Fields(new JsonObject { ["botToken"] = new string('x', 64) }))).AssertSuccess();
    }

    // --- Bot.update ---

    [Fact]
    public async Task Update_with_the_docs_webhook_example_changes_the_name_and_hides_the_bot()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? result = (await portal.CallJsonAsync(V2.BotUpdate, V2.Docs("""{"botId":456,"botToken":"my_bot_token","fields":{"properties":{"name":"Updated Bot"},"isHidden":true}}""", botId))).AssertSuccess();

        Assert.True(result!["bot"]!["isHidden"]!.GetValue<bool>());
        Assert.Equal("rest", result["bot"]!["moduleId"]!.GetValue<string>());
        Assert.Equal("Updated Bot", result["users"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("AI Assistant", result["users"]![0]!["workPosition"]!.GetValue<string>()); // not named, not changed
        Assert.Equal("Updated Bot", portal.Portal.State.Users.Single(u => u.Id == botId).Name);
    }

    [Fact]
    public async Task Rotating_the_botToken_locks_the_old_token_out_at_once()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        (await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "new_token" } }))).AssertSuccess();
        ApiResponse old = await portal.CallAsync(V2.ChatGet, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112 }));
        ApiResponse oldUpdate = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "third" } }));
        ApiResponse current = await portal.CallAsync(V2.BotGet, new JsonObject { ["botId"] = botId, ["botToken"] = "new_token" });

        old.AssertError(403, "BOT_OWNERSHIP_ERROR");
        Assert.Equal("Bot is registered by another application", old.ErrorDescription);
        oldUpdate.AssertError(403, "BOT_OWNERSHIP_ERROR");
        Assert.Equal("rest", current.AssertSuccess()!["bot"]!["moduleId"]!.GetValue<string>()); // the owner's extended form
        Assert.Equal("new_token", portal.Portal.State.FindBot(botId)!.WebhookClientId);
    }

    [Fact]
    public async Task After_a_rotation_the_session_methods_take_the_new_token_as_CLIENT_ID()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(V2.BotUpdate, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "rotated" } }))).AssertSuccess();

        (await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = DemoPortal.BotClientId })).AssertError(400, "BOT_ID_ERROR");
        (await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = "rotated" })).AssertTrue();
    }

    [Fact]
    public async Task Rotating_to_a_token_another_bot_holds_is_400_BOT_TOKEN_ROTATION_FAILED_and_changes_nothing()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        await V2.RegisterAsync(portal, "second_bot", "taken_token");

        ApiResponse response = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject
        {
            ["fields"] = new JsonObject { ["botToken"] = "taken_token", ["isHidden"] = true },
        }));

        response.AssertError(400, "BOT_TOKEN_ROTATION_FAILED");
        Assert.Equal((V2.Token, false), (portal.Portal.State.FindBot(botId)!.WebhookClientId, portal.Portal.State.FindBot(botId)!.IsHidden));
    }

    [Fact]
    public async Task Rotating_to_a_token_over_40_characters_is_400_BOT_TOKEN_INVALID_LENGTH_and_a_blank_one_is_ignored()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        ApiResponse tooLong = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = new string('t', 41) } }));
        ApiResponse blank = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "  " } }));

        tooLong.AssertError(400, "BOT_TOKEN_INVALID_LENGTH");
        blank.AssertSuccess();
        Assert.Equal(V2.Token, portal.Portal.State.FindBot(botId)!.WebhookClientId);
    }

    [Fact]
    public async Task Update_checks_the_event_mode_and_the_handler_URL()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        ApiResponse mode = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["eventMode"] = "sometimes" } }));
        ApiResponse noUrl = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["eventMode"] = "webhook" } }));
        ApiResponse ok = await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["eventMode"] = "webhook", ["webhookUrl"] = "https://bot.example.com/events" } }));

        mode.AssertError(400, "BOT_INVALID_EVENT_MODE");
        noUrl.AssertError(400, "BOT_INVALID_CALLBACK");
        Assert.Equal("webhook", ok.AssertSuccess()!["bot"]!["eventMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ignores_an_invalid_colour_and_gender_and_resets_backgroundId_with_null()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal, fields: new JsonObject { ["backgroundId"] = "sky", ["properties"] = new JsonObject { ["name"] = "Bot", ["color"] = "aqua", ["gender"] = "F" } });

        JsonNode? result = (await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject
        {
            ["fields"] = new JsonObject { ["backgroundId"] = null, ["properties"] = new JsonObject { ["color"] = "ultraviolet", ["gender"] = "X", ["lastName"] = "Two" } },
        }))).AssertSuccess();

        Assert.Null(result!["bot"]!["backgroundId"]);
        JsonNode user = result["users"]![0]!;
        Assert.Equal(("#1eb4aa", "F", "Bot Two", "Two"), (user["color"]!.GetValue<string>(), user["gender"]!.GetValue<string>(), user["name"]!.GetValue<string>(), user["lastName"]!.GetValue<string>()));
    }

    // --- Bot.get ---

    [Fact]
    public async Task Get_finds_a_bot_by_the_docs_example_code_or_by_id_with_the_extended_form_for_its_owner()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? byCode = (await portal.CallJsonAsync(V2.BotGet, """{"botToken":"my_bot_token","code":"support_bot"}""")).AssertSuccess();
        JsonNode? byId = (await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["botId"] = botId })).AssertSuccess();

        Assert.Equal(byCode!.ToJsonString(), byId!.ToJsonString());
        Assert.Equal(botId, byCode["bot"]!["id"]!.GetValue<int>());
        Assert.Equal("fetch", byCode["bot"]!["eventMode"]!.GetValue<string>());
        Assert.Equal(botId, byCode["users"]![0]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_shows_another_applications_bot_in_the_brief_form()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        JsonNode? result = (await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = "someone_else", ["botId"] = botId })).AssertSuccess();

        Assert.Equal(
            ["id", "code", "type", "isHidden", "isSupportOpenline", "isReactionsEnabled", "backgroundId", "language"],
            result!["bot"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Get_without_botId_or_code_is_400_PARAMS_REQUIRED_and_an_unknown_bot_400_BOT_NOT_FOUND()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse neither = await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token });
        ApiResponse unknownId = await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["botId"] = 999 });
        ApiResponse unknownCode = await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["code"] = "nobody" });
        ApiResponse notABot = await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["botId"] = DemoPortal.CustomerId });
        ApiResponse noToken = await portal.CallAsync(V2.BotGet, new JsonObject { ["code"] = "demo_support_bot" });

        neither.AssertError(400, "PARAMS_REQUIRED");
        unknownId.AssertError(400, "BOT_NOT_FOUND");
        unknownCode.AssertError(400, "BOT_NOT_FOUND");
        notABot.AssertError(400, "BOT_NOT_FOUND");
        noToken.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
    }

    // --- Bot.list ---

    [Fact]
    public async Task List_with_the_docs_example_returns_the_applications_bots_of_that_type()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        await V2.RegisterAsync(portal, "helper", fields: new JsonObject { ["type"] = "supervisor" });
        await V2.RegisterAsync(portal, "foreign", "other_token");

        JsonNode? result = (await portal.CallJsonAsync(V2.BotList, """{"botToken":"my_bot_token","filter":{"type":"bot"},"limit":10}""")).AssertSuccess();

        Assert.Equal([botId], result!["bots"]!.AsArray().Select(b => b!["id"]!.GetValue<int>()));
        Assert.Equal([botId], result["users"]!.AsArray().Select(u => u!["id"]!.GetValue<int>()));
        Assert.False(result["hasNextPage"]!.GetValue<bool>());
        Assert.Equal("rest", result["bots"]![0]!["moduleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_pages_with_limit_and_offset()
    {
        await using var portal = await TestPortal.StartAsync();
        int[] ids = [await V2.RegisterAsync(portal, "a"), await V2.RegisterAsync(portal, "b"), await V2.RegisterAsync(portal, "c")];

        JsonNode? first = (await portal.CallAsync(V2.BotList, new JsonObject { ["botToken"] = V2.Token, ["limit"] = 2 })).AssertSuccess();
        JsonNode? second = (await portal.CallAsync(V2.BotList, new JsonObject { ["botToken"] = V2.Token, ["limit"] = 2, ["offset"] = 2 })).AssertSuccess();
        JsonNode? all = (await portal.CallAsync(V2.BotList, new JsonObject { ["botToken"] = V2.Token })).AssertSuccess();

        Assert.Equal(ids[..2], first!["bots"]!.AsArray().Select(b => b!["id"]!.GetValue<int>()));
        Assert.True(first["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(ids[2..], second!["bots"]!.AsArray().Select(b => b!["id"]!.GetValue<int>()));
        Assert.False(second["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(ids, all!["bots"]!.AsArray().Select(b => b!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task List_always_succeeds_an_unknown_type_or_no_bots_give_an_empty_list()
    {
        await using var portal = await TestPortal.StartAsync();
        await V2.RegisterAsync(portal);

        JsonNode? unknownType = (await portal.CallAsync(V2.BotList, new JsonObject { ["botToken"] = V2.Token, ["filter"] = new JsonObject { ["type"] = "robot" } })).AssertSuccess();
        JsonNode? noBots = (await portal.CallAsync(V2.BotList, new JsonObject { ["botToken"] = "fresh_token" })).AssertSuccess();

        Assert.Equal("""{"bots":[],"users":[],"hasNextPage":false}""", unknownType!.ToJsonString());
        Assert.Equal("""{"bots":[],"users":[],"hasNextPage":false}""", noBots!.ToJsonString());
    }

    [Fact]
    public async Task List_without_botToken_on_a_webhook_is_400_BOT_TOKEN_NOT_SPECIFIED_and_with_OAuth_lists_the_apps_bots()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse webhook = await portal.CallAsync(V2.BotList, new JsonObject { ["filter"] = new JsonObject { ["type"] = "bot" } });
        JsonNode? oauth = (await portal.CallOAuthAsync(V2.BotList, tokens.AccessToken)).AssertSuccess();

        webhook.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        Assert.Equal([DemoPortal.BotId], oauth!["bots"]!.AsArray().Select(b => b!["id"]!.GetValue<int>()));
        Assert.Equal("openline", oauth["bots"]![0]!["type"]!.GetValue<string>());
    }

    // --- Bot.unregister ---

    [Fact]
    public async Task Unregister_with_the_docs_example_deletes_the_bot_its_commands_and_its_memberships()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        (await portal.CallAsync(V2.CommandRegister, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["command"] = "help", ["hidden"] = true } }))).AssertSuccess();

        ApiResponse response = await portal.CallJsonAsync(V2.BotUnregister, V2.Docs("""{"botId":456,"botToken":"my_bot_token"}""", botId));

        V2.AssertResultTrue(response);
        Assert.Null(portal.Portal.State.FindBot(botId));
        Assert.Empty(portal.Portal.State.Commands);
        Assert.DoesNotContain(botId, portal.Chat.Members);
        Assert.False(portal.Portal.State.Users.Single(u => u.Id == botId).IsActive);
        (await portal.CallAsync(V2.BotGet, new JsonObject { ["botToken"] = V2.Token, ["botId"] = botId })).AssertError(400, "BOT_NOT_FOUND");
        (await portal.CallAsync(V2.BotUnregister, V2.Body(botId))).AssertError(400, "BOT_NOT_FOUND");
        await V2.RegisterAsync(portal); // the code is free again
    }

    // --- Revision.get ---

    [Fact]
    public async Task Revision_get_needs_no_bot_and_returns_the_revisions_as_integers()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await portal.CallAsync(V2.RevisionGet)).AssertSuccess();
        JsonNode? session = (await portal.Http.PostJsonAsync(TestPortal.OAuthPath(V2.RevisionGet), new JsonObject { ["sessid"] = "browser" })).AssertSuccess();

        Assert.Equal("""{"rest":36,"web":130,"mobile":23,"desktop":6}""", result!.ToJsonString());
        Assert.Equal(result.ToJsonString(), session!.ToJsonString()); // "any user"
        (await portal.CallAsync(V2.RevisionGet, webhook: DemoPortal.WebhookWithoutBotScopes)).AssertError(403, "insufficient_scope");
    }

    private static JsonObject Without(JsonObject obj, string key)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }
}
