using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Who may drive a bot through <c>imbot.v2</c> (BOTS-V2.md §1.1 "Common errors", §2; DOCS send-command.md): the common
/// errors of every bot-bound method, in the changelog's order, OAuth without <c>botToken</c>, camelCase names read exactly,
/// the scope, and the methods the emulator does not model.
/// </summary>
public sealed class BotV2AuthTests
{
    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task A_webhook_call_without_botToken_is_400_BOT_TOKEN_NOT_SPECIFIED(string method)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        ApiResponse missing = await portal.CallAsync(method, new JsonObject { ["botId"] = botId, ["dialogId"] = V2.Chat112 });
        ApiResponse empty = await portal.CallAsync(method, new JsonObject { ["botId"] = botId, ["botToken"] = "" });
        ApiResponse noBotIdEither = await portal.CallAsync(method);

        missing.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        Assert.Equal("Bot token is not specified", missing.ErrorDescription);
        empty.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        noBotIdEither.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED"); // the token is checked first
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task A_missing_or_non_positive_botId_is_400_BOT_ID_REQUIRED(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse missing = await portal.CallAsync(method, new JsonObject { ["botToken"] = V2.Token });
        ApiResponse zero = await portal.CallAsync(method, new JsonObject { ["botToken"] = V2.Token, ["botId"] = 0 });
        ApiResponse text = await portal.CallAsync(method, new JsonObject { ["botToken"] = V2.Token, ["botId"] = "abc" });

        missing.AssertError(400, "BOT_ID_REQUIRED");
        Assert.Equal("Bot ID is required", missing.ErrorDescription);
        zero.AssertError(400, "BOT_ID_REQUIRED");
        text.AssertError(400, "BOT_ID_REQUIRED");
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task An_unknown_bot_is_400_BOT_NOT_FOUND(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse unknown = await portal.CallAsync(method, V2.Body(999));
        ApiResponse user = await portal.CallAsync(method, V2.Body(DemoPortal.CustomerId));
        ApiResponse huge = await portal.CallAsync(method, new JsonObject { ["botId"] = 3_000_000_000L, ["botToken"] = V2.Token });

        unknown.AssertError(400, "BOT_NOT_FOUND");
        Assert.Equal("Bot not found", unknown.ErrorDescription);
        user.AssertError(400, "BOT_NOT_FOUND");
        huge.AssertError(400, "BOT_NOT_FOUND");
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task Another_applications_bot_is_403_BOT_OWNERSHIP_ERROR(string method)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse otherToken = await portal.CallAsync(method, V2.Body(botId, "someone_elses_token"));
        ApiResponse oauthApp = await portal.CallOAuthAsync(method, tokens.AccessToken, new JsonObject { ["botId"] = botId });
        ApiResponse v1BotWithWrongToken = await portal.CallAsync(method, V2.Body(DemoPortal.BotId));

        otherToken.AssertError(403, "BOT_OWNERSHIP_ERROR");
        Assert.Equal("Bot is registered by another application", otherToken.ErrorDescription);
        oauthApp.AssertError(403, "BOT_OWNERSHIP_ERROR"); // a webhook's bot is not the OAuth app's
        v1BotWithWrongToken.AssertError(403, "BOT_OWNERSHIP_ERROR");
        Assert.NotNull(portal.Portal.State.FindBot(botId));
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task A_rotated_away_token_is_403_BOT_OWNERSHIP_ERROR(string method)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);
        (await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "rotated_token" } }))).AssertSuccess();

        ApiResponse response = await portal.CallAsync(method, V2.Body(botId));

        response.AssertError(403, "BOT_OWNERSHIP_ERROR");
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task A_browser_session_is_refused_with_403_WRONG_AUTH_TYPE(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.OAuthPath(method), new JsonObject { ["sessid"] = "browser", ["botId"] = DemoPortal.BotId });

        response.AssertError(403, "WRONG_AUTH_TYPE");
    }

    [Theory]
    [MemberData(nameof(V2.BotBoundData), MemberType = typeof(V2))]
    public async Task Without_the_imbot_scope_every_method_is_403_insufficient_scope(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId), DemoPortal.WebhookWithoutBotScopes);

        response.AssertError(403, "insufficient_scope");
    }

    [Theory]
    [InlineData(V2.BotRegister)]
    [InlineData(V2.BotGet)]
    [InlineData(V2.BotList)]
    public async Task The_bot_methods_without_botId_refuse_a_browser_session_too(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.OAuthPath(method), new JsonObject { ["sessid"] = "browser", ["code"] = "demo_support_bot" });

        response.AssertError(403, "WRONG_AUTH_TYPE");
    }

    [Fact]
    public async Task OAuth_calls_need_no_botToken_the_bot_belongs_to_the_client_id()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        // chat-get.md, "cURL (OAuth)", for the demo application's bot and chat.
        string body = V2.Docs("""{"botId":456,"dialogId":"chat5","auth":"TOKEN"}""", DemoPortal.BotId).Replace("TOKEN", tokens.AccessToken, StringComparison.Ordinal);
        ApiResponse response = await portal.Http.PostRawAsync(TestPortal.OAuthPath(V2.ChatGet), body, "application/json");

        Assert.Equal(112, response.AssertSuccess()!["chat"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_v1_demo_bot_is_driven_through_the_demo_webhook_with_its_CLIENT_ID_as_botToken()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await portal.CallAsync(V2.MessageSend, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject
        {
            ["dialogId"] = V2.Chat112,
            ["fields"] = new JsonObject { ["message"] = "Hello from v2" },
        }))).AssertSuccess();

        TranscriptMessage last = portal.Chat.Transcript[^1];
        Assert.Equal((result!["id"]!.GetValue<int>(), DemoPortal.BotId, "Hello from v2"), (last.Id, last.AuthorId, last.Text));
    }

    [Theory]
    [InlineData("botid")]
    [InlineData("BOT_ID")]
    [InlineData("BotId")]
    public async Task Parameter_names_are_camelCase_and_case_sensitive(string botIdKey)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse wrongBotId = await portal.CallAsync(V2.ChatGet, new JsonObject { [botIdKey] = DemoPortal.BotId, ["botToken"] = DemoPortal.BotClientId, ["dialogId"] = V2.Chat112 });
        ApiResponse wrongToken = await portal.CallAsync(V2.ChatGet, new JsonObject { ["botId"] = DemoPortal.BotId, ["BOTTOKEN"] = DemoPortal.BotClientId, ["dialogId"] = V2.Chat112 });
        ApiResponse wrongDialog = await portal.CallAsync(V2.ChatGet, new JsonObject { ["botId"] = DemoPortal.BotId, ["botToken"] = DemoPortal.BotClientId, ["DIALOG_ID"] = V2.Chat112 });

        wrongBotId.AssertError(400, "BOT_ID_REQUIRED");
        wrongToken.AssertError(400, "BOT_TOKEN_NOT_SPECIFIED");
        wrongDialog.AssertError(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task A_form_encoded_body_works_like_JSON()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallFormAsync(V2.MessageSend,
            ("botId", "7"), ("botToken", DemoPortal.BotClientId), ("dialogId", V2.Chat112), ("fields[message]", "From a form"), ("fields[system]", "Y"));

        response.AssertSuccess();
        TranscriptMessage last = portal.Chat.Transcript[^1];
        Assert.Equal(("From a form", true, 0), (last.Text, last.IsSystem, last.AuthorId));
    }

    [Theory]
    [InlineData("imbot.v2.Chat.add")]
    [InlineData("imbot.v2.Chat.Message.read")]
    [InlineData("imbot.v2.Command.update")]
    [InlineData("imbot.v2.Chat.Message.get")]
    [InlineData("imbot.v2.File.upload")]
    public async Task Methods_the_emulator_does_not_model_answer_404_ERROR_METHOD_NOT_FOUND(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId));

        response.AssertError(404, "ERROR_METHOD_NOT_FOUND");
    }

    [Fact]
    public async Task Bot_methods_run_inside_batch()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await portal.CallAsync("batch", new JsonObject
        {
            ["cmd"] = new JsonObject
            {
                ["revision"] = V2.RevisionGet,
                ["send"] = $"{V2.MessageSend}?botId=7&botToken={DemoPortal.BotClientId}&dialogId=chat112&fields[message]=batched",
                ["denied"] = $"{V2.ChatGet}?botId=7&botToken=wrong&dialogId=chat112",
            },
        })).AssertSuccess();

        Assert.Equal(36, result!["result"]!["revision"]!["rest"]!.GetValue<int>());
        Assert.Equal(portal.Chat.Transcript[^1].Id, result["result"]!["send"]!["id"]!.GetValue<int>());
        Assert.Equal("BOT_OWNERSHIP_ERROR", result["result_error"]!["denied"]!["error"]!.GetValue<string>());
        Assert.Equal("batched", portal.Chat.Transcript[^1].Text);
    }
}
