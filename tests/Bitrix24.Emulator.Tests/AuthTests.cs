using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>OAuth access tokens at the portal: issue, use, expire (FACTS §6), and who a call runs as.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Issued_tokens_work_and_expire_an_hour_later_on_the_portal_clock()
    {
        await using var portal = await TestPortal.StartAsync();

        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        Assert.Equal(TestClock.Epoch.AddHours(1), tokens.ExpiresAt);
        Assert.Equal(portal.Portal.ClientEndpoint, tokens.ClientEndpoint);
        Assert.Equal(DemoPortal.AdminId, tokens.UserId);
        Assert.NotEqual(tokens.AccessToken, tokens.RefreshToken);
        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertSuccess();
    }

    [Fact]
    public async Task An_access_token_still_works_just_before_the_hour()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        portal.Clock.Advance(TimeSpan.FromMinutes(59));

        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertSuccess();
    }

    [Fact]
    public async Task After_an_hour_the_access_token_is_401_expired_token()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        portal.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        ApiResponse response = await portal.CallOAuthAsync(BotMethods.MessageSend, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112 });

        response.AssertError(401, "expired_token");
        Assert.Equal(EmulatedAuthKind.None, portal.Portal.Requests.All.Single().AuthKind);
        Assert.False(portal.Portal.Requests.All.Single().Processed);
    }

    [Fact]
    public async Task ExpireAccessTokens_expires_every_token_issued_so_far_but_not_later_ones()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens first = portal.Portal.IssueTokens();
        EmulatedOAuthTokens second = portal.Portal.IssueTokens(DemoPortal.FirstOperatorId);

        portal.Portal.ExpireAccessTokens();
        EmulatedOAuthTokens later = portal.Portal.IssueTokens();

        (await portal.CallOAuthAsync("profile", first.AccessToken)).AssertError(401, "expired_token");
        (await portal.CallOAuthAsync("profile", second.AccessToken)).AssertError(401, "expired_token");
        (await portal.CallOAuthAsync("profile", later.AccessToken)).AssertSuccess();
    }

    [Fact]
    public async Task The_access_token_lifetime_is_configurable()
    {
        await using var portal = await TestPortal.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5));
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        portal.Clock.Advance(TimeSpan.FromMinutes(5));

        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertError(401, "expired_token");
    }

    [Fact]
    public async Task An_OAuth_call_runs_as_the_user_the_tokens_were_issued_for()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens(DemoPortal.FirstOperatorId);

        JsonNode? profile = (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertSuccess();

        Assert.Equal("3", profile?["ID"]?.GetValue<string>());
        Assert.Equal("Oliver", profile?["NAME"]?.GetValue<string>());
        Assert.Equal("Operator", profile?["LAST_NAME"]?.GetValue<string>());
        Assert.False(profile?["ADMIN"]?.GetValue<bool>());
    }

    [Fact]
    public async Task A_webhook_call_runs_as_the_webhook_user()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? profile = (await portal.CallAsync("profile")).AssertSuccess();

        Assert.Equal("1", profile?["ID"]?.GetValue<string>());
        Assert.True(profile?["ADMIN"]?.GetValue<bool>());
    }

    [Fact]
    public async Task The_auth_parameter_is_taken_out_before_the_method_sees_the_parameters()
    {
        JsonObject? seen = null;
        var echo = new EmulatedMethod("test.echo", [], call =>
        {
            seen = (JsonObject)call.Parameters.DeepClone();
            return true;
        });
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(echo));
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        (await portal.CallOAuthAsync("test.echo", tokens.AccessToken, new JsonObject { ["X"] = 1 })).AssertSuccess();

        Assert.Equal("""{"X":1}""", seen?.ToJsonString());
    }

    [Fact]
    public async Task The_application_scopes_limit_OAuth_calls()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Application = DemoPortal.Application with { Scopes = ["imopenlines"] });
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.CallOAuthAsync(BotMethods.MessageSend, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112 });

        response.AssertError(403, "insufficient_scope");
    }

    [Fact]
    public void Credentials_do_not_show_in_ToString()
    {
        var tokens = new EmulatedOAuthTokens("access-secret", "refresh-secret", TestClock.Epoch, new Uri("http://127.0.0.1/rest/"), new Uri("http://127.0.0.1/rest/"), 1);

        Assert.DoesNotContain("secret", tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortal.Application.ClientSecret, DemoPortal.Application.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortal.Webhook.Code, DemoPortal.Webhook.ToString(), StringComparison.Ordinal);
    }
}
