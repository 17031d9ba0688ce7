using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Hosting;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>The URL forms and who a call runs as (FACTS §6), and the system errors for them (FACTS §2, §3).</summary>
public sealed class RoutingTests
{
    [Theory]
    [InlineData(".json")]
    [InlineData("")]
    public async Task A_webhook_call_works_with_and_without_the_json_suffix(string suffix)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.WebhookPath("profile", suffix: suffix));

        Assert.Equal("1", response.AssertSuccess()?["ID"]?.GetValue<string>());
        Assert.Equal(EmulatedAuthKind.Webhook, portal.Portal.Requests.All.Single().AuthKind);
        Assert.Equal("profile", portal.Portal.Requests.All.Single().Method);
    }

    [Fact]
    public async Task A_webhook_GET_with_parameters_in_the_query_string_works()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync(TestPortal.WebhookPath(BotMethods.MessageSend) + "?CHAT_ID=112&NAME=DEFAULT&MESSAGE=From%20a%20GET");

        response.AssertTrue();
        Assert.Equal("From a GET", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task The_portal_WebhookUrl_is_the_first_webhook_and_ends_with_a_slash()
    {
        await using var portal = await TestPortal.StartAsync();

        Assert.Equal(new Uri(portal.Portal.BaseUrl, "rest/1/emulatorhookcode/"), portal.Portal.WebhookUrl);
        Assert.Equal("127.0.0.1", portal.Portal.BaseUrl.Host);
        Assert.Equal(new Uri(portal.Portal.BaseUrl, "rest/"), portal.Portal.ClientEndpoint);
        Assert.Equal(new Uri(portal.Portal.BaseUrl, "oauth/token/"), portal.Portal.TokenEndpoint);
    }

    [Fact]
    public async Task An_OAuth_call_works_with_auth_in_the_query_string()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.OAuthPath("profile", tokens.AccessToken));

        response.AssertSuccess();
        Assert.Equal(EmulatedAuthKind.OAuth, portal.Portal.Requests.All.Single().AuthKind);
    }

    [Fact]
    public async Task An_OAuth_call_works_with_auth_in_a_JSON_body()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.OAuthPath("profile"), new JsonObject { ["auth"] = tokens.AccessToken });

        response.AssertSuccess();
    }

    [Fact]
    public async Task An_OAuth_call_works_with_auth_in_a_form_body()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostFormAsync(TestPortal.OAuthPath("profile"), ("auth", tokens.AccessToken));

        response.AssertSuccess();
    }

    [Fact]
    public async Task An_OAuth_call_without_the_json_suffix_works()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostJsonAsync("rest/profile", new JsonObject { ["auth"] = tokens.AccessToken });

        response.AssertSuccess();
    }

    [Fact]
    public async Task Method_names_match_without_regard_to_case()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("IMOPENLINES.BOT.SESSION.MESSAGE.SEND", new JsonObject { ["CHAT_ID"] = 112 });

        response.AssertTrue();
    }

    [Fact]
    public async Task An_unknown_method_is_404_ERROR_METHOD_NOT_FOUND_on_a_webhook()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("imopenlines.bot.session.no.such.method");

        response.AssertError(404, "ERROR_METHOD_NOT_FOUND");
    }

    [Fact]
    public async Task An_unknown_method_is_404_ERROR_METHOD_NOT_FOUND_with_OAuth()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.CallOAuthAsync("crm.deal.list", tokens.AccessToken);

        response.AssertError(404, "ERROR_METHOD_NOT_FOUND");
    }

    [Fact]
    public async Task A_webhook_URL_without_a_method_is_404_ERROR_METHOD_NOT_FOUND()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync("rest/1/emulatorhookcode/");

        response.AssertError(404, "ERROR_METHOD_NOT_FOUND");
    }

    [Theory]
    [InlineData("rest/1/wrongcode/profile.json")]
    [InlineData("rest/2/emulatorhookcode/profile.json")]
    public async Task A_wrong_webhook_code_or_user_is_401_NO_AUTH_FOUND(string path)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(path);

        response.AssertError(401, "NO_AUTH_FOUND");
        Assert.Equal("Wrong authorization data", response.ErrorDescription);
        Assert.Equal(EmulatedAuthKind.None, portal.Portal.Requests.All.Single().AuthKind);
    }

    [Fact]
    public async Task A_bad_webhook_is_401_even_for_an_unknown_method()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync("rest/1/wrongcode/no.such.method.json");

        response.AssertError(401, "NO_AUTH_FOUND");
    }

    [Fact]
    public async Task An_OAuth_call_without_auth_is_401_NO_AUTH_FOUND()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(TestPortal.OAuthPath("profile"));

        response.AssertError(401, "NO_AUTH_FOUND");
    }

    [Fact]
    public async Task An_unknown_access_token_is_401_NO_AUTH_FOUND()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallOAuthAsync("profile", "0123456789abcdef");

        response.AssertError(401, "NO_AUTH_FOUND");
    }

    [Theory]
    [MemberData(nameof(BotMethods.AllData), MemberType = typeof(BotMethods))]
    public async Task A_webhook_without_the_bot_scopes_gets_403_insufficient_scope(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(method, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3, ["CLIENT_ID"] = DemoPortal.BotClientId }, DemoPortal.WebhookWithoutBotScopes);

        response.AssertError(403, "insufficient_scope");
        Assert.False(portal.Portal.Requests.All.Single().Processed);
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task A_webhook_with_imopenlines_but_without_imbot_gets_403_insufficient_scope()
    {
        var halfScoped = new EmulatedWebhook(1, "imopenlinesonly", ["imopenlines"]);
        await using var portal = await TestPortal.StartAsync(o => o.Webhooks.Add(halfScoped));

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112 }, halfScoped);

        response.AssertError(403, "insufficient_scope");
    }

    [Fact]
    public async Task A_webhook_without_the_bot_scopes_may_still_call_a_method_that_needs_none()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync("profile", webhook: DemoPortal.WebhookWithoutBotScopes);

        response.AssertSuccess();
    }

    [Theory]
    [MemberData(nameof(BotMethods.AllData), MemberType = typeof(BotMethods))]
    public async Task Session_authorization_is_refused_with_403_WRONG_AUTH_TYPE(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(
            TestPortal.OAuthPath(method),
            new JsonObject { ["sessid"] = "abc123", ["CHAT_ID"] = 112, ["USER_ID"] = 3, ["CLIENT_ID"] = DemoPortal.BotClientId });

        response.AssertError(403, "WRONG_AUTH_TYPE");
        Assert.Equal("Access for this method not allowed by session authorization.", response.ErrorDescription);
        Assert.Equal(EmulatedAuthKind.Session, portal.Portal.Requests.All.Single().AuthKind);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task Session_authorization_is_refused_before_CHAT_ID_is_checked()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostFormAsync(TestPortal.OAuthPath(BotMethods.MessageSend), ("sessid", "abc123"));

        response.AssertError(403, "WRONG_AUTH_TYPE");
    }

    [Fact]
    public async Task Session_authorization_may_call_other_methods()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostFormAsync(TestPortal.OAuthPath("profile"), ("sessid", "abc123"));

        Assert.Equal("1", response.AssertSuccess()?["ID"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_path_outside_rest_is_a_plain_404()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync("api/profile");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Empty(portal.Portal.Requests.All);
    }

    [Theory]
    [InlineData("1/code/profile.json", "profile", "1", "code")]
    [InlineData("1/code/profile", "profile", "1", "code")]
    [InlineData("1/code/imopenlines.bot.session.finish.JSON", "imopenlines.bot.session.finish", "1", "code")]
    [InlineData("1/code/", "", "1", "code")]
    [InlineData("profile.json", "profile", null, null)]
    [InlineData("profile", "profile", null, null)]
    [InlineData("1/code", "1/code", null, null)]
    [InlineData("x1/code/profile", "x1/code/profile", null, null)]
    public void RestRoute_tells_the_webhook_form_from_the_OAuth_form(string path, string method, string? userId, string? code)
    {
        RestRoute route = RestRoute.Parse(path);

        Assert.Equal(new RestRoute(method, userId, code), route);
        Assert.Equal(code is not null, route.IsWebhook);
    }
}
