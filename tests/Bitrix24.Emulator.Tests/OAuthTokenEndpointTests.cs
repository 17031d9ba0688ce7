using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>The emulated OAuth server's <c>/oauth/token/</c> (FACTS §6): refresh and authorization-code grants, and its errors.</summary>
public sealed class OAuthTokenEndpointTests
{
    private static readonly EmulatedApplication App = DemoPortal.Application;

    private static string RefreshQuery(string refreshToken, string? clientSecret = null) =>
        "oauth/token/?grant_type=refresh_token"
        + "&client_id=" + Uri.EscapeDataString(App.ClientId)
        + "&client_secret=" + Uri.EscapeDataString(clientSecret ?? App.ClientSecret)
        + "&refresh_token=" + Uri.EscapeDataString(refreshToken);

    [Fact]
    public async Task A_GET_refresh_returns_a_new_pair_with_every_documented_field()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        portal.Clock.Advance(TimeSpan.FromHours(2));

        ApiResponse response = await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));

        Assert.Equal(200, (int)response.Status);
        Assert.Equal("application/json", response.ContentType);
        JsonObject body = Assert.IsType<JsonObject>(response.Json);
        string[] expected = ["access_token", "refresh_token", "expires_in", "expires", "client_endpoint", "server_endpoint", "member_id", "scope", "domain", "status", "user_id"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(3600, body["expires_in"]!.GetValue<long>());
        Assert.Equal(TestClock.Epoch.AddHours(3).ToUnixTimeSeconds(), body["expires"]!.GetValue<long>());
        Assert.Equal(portal.Portal.ClientEndpoint.ToString(), body["client_endpoint"]!.GetValue<string>());
        Assert.EndsWith("/rest/", body["server_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("imopenlines,imbot,user", body["scope"]!.GetValue<string>());
        Assert.Equal(portal.Portal.BaseUrl.Authority, body["domain"]!.GetValue<string>());
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "L", "F", "D", "T", "P" });
        Assert.Equal("1", body["user_id"]!.ToString());
        Assert.False(string.IsNullOrEmpty(body["member_id"]!.GetValue<string>()));
        Assert.NotEqual(tokens.AccessToken, body["access_token"]!.GetValue<string>());
        Assert.NotEqual(tokens.RefreshToken, body["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_new_access_token_works_at_the_portal_where_the_expired_one_did_not()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        portal.Clock.Advance(TimeSpan.FromHours(2));
        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertError(401, "expired_token");

        ApiResponse refreshed = await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));

        (await portal.CallOAuthAsync("profile", refreshed.Json!["access_token"]!.GetValue<string>())).AssertSuccess();
    }

    [Fact]
    public async Task A_form_POST_refresh_works()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostFormAsync(
            "oauth/token/",
            ("grant_type", "refresh_token"), ("client_id", App.ClientId), ("client_secret", App.ClientSecret), ("refresh_token", tokens.RefreshToken));

        Assert.Equal(200, (int)response.Status);
        Assert.NotNull(response.Json?["access_token"]);
    }

    [Fact]
    public async Task A_refresh_token_works_once_then_the_old_one_is_invalid_grant()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        ApiResponse first = await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));
        Assert.Equal(200, (int)first.Status);

        ApiResponse again = await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));

        again.AssertError(400, "invalid_grant");
        Assert.Equal(200, (int)(await portal.Http.GetAsync(RefreshQuery(first.Json!["refresh_token"]!.GetValue<string>()))).Status);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_invalid_grant()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.Http.GetAsync(RefreshQuery("not-a-token"))).AssertError(400, "invalid_grant");
    }

    [Fact]
    public async Task A_refresh_token_lasts_180_days()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens young = portal.Portal.IssueTokens();
        EmulatedOAuthTokens old = portal.Portal.IssueTokens();

        portal.Clock.Advance(TimeSpan.FromDays(179));
        Assert.Equal(200, (int)(await portal.Http.GetAsync(RefreshQuery(young.RefreshToken))).Status);
        portal.Clock.Advance(TimeSpan.FromDays(1));

        (await portal.Http.GetAsync(RefreshQuery(old.RefreshToken))).AssertError(400, "invalid_grant");
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, "local.someone.else")]
    public async Task A_wrong_client_secret_or_id_is_invalid_client(string? secret, string? clientId)
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.PostFormAsync(
            "oauth/token/",
            ("grant_type", "refresh_token"), ("client_id", clientId ?? App.ClientId), ("client_secret", secret ?? App.ClientSecret), ("refresh_token", tokens.RefreshToken));

        response.AssertError(401, "invalid_client");
        Assert.Equal(0, portal.Portal.TokenRefreshCount);
        Assert.Equal(200, (int)(await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken))).Status);
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("refresh_token")]
    public async Task A_missing_parameter_is_invalid_request(string missing)
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        (string Key, string Value)[] fields =
            new[] { ("grant_type", "refresh_token"), ("client_id", App.ClientId), ("client_secret", App.ClientSecret), ("refresh_token", tokens.RefreshToken) }
            .Where(f => f.Item1 != missing).ToArray();

        ApiResponse response = await portal.Http.PostFormAsync("oauth/token/", fields);

        response.AssertError(400, "invalid_request");
    }

    [Fact]
    public async Task An_authorization_code_without_code_is_invalid_request()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync($"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}");

        response.AssertError(400, "invalid_request");
    }

    [Fact]
    public async Task An_unsupported_grant_type_is_invalid_request()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync($"oauth/token/?grant_type=password&client_id={App.ClientId}&client_secret={App.ClientSecret}");

        response.AssertError(400, "invalid_request");
    }

    [Fact]
    public async Task TokenRefreshCount_counts_granted_refreshes_only()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        Assert.Equal(0, portal.Portal.TokenRefreshCount);

        ApiResponse first = await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));
        await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));
        await portal.Http.GetAsync(RefreshQuery(first.Json!["refresh_token"]!.GetValue<string>()));
        await portal.Http.GetAsync($"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}&code={portal.Portal.IssueAuthorizationCode()}");

        Assert.Equal(2, portal.Portal.TokenRefreshCount);
    }

    [Fact]
    public async Task An_authorization_code_is_exchanged_once_for_tokens_of_its_user()
    {
        await using var portal = await TestPortal.StartAsync();
        string code = portal.Portal.IssueAuthorizationCode(DemoPortal.FirstOperatorId);
        string query = $"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}&code={code}";

        ApiResponse response = await portal.Http.GetAsync(query);

        Assert.Equal(200, (int)response.Status);
        Assert.Equal(DemoPortal.FirstOperatorId.ToString(CultureInfo.InvariantCulture), response.Json!["user_id"]!.ToString());
        JsonNode? profile = (await portal.CallOAuthAsync("profile", response.Json["access_token"]!.GetValue<string>())).AssertSuccess();
        Assert.Equal("3", profile?["ID"]?.GetValue<string>());
        (await portal.Http.GetAsync(query)).AssertError(400, "invalid_grant");
    }

    [Fact]
    public async Task An_authorization_code_works_within_30_seconds()
    {
        await using var portal = await TestPortal.StartAsync();
        string code = portal.Portal.IssueAuthorizationCode();
        portal.Clock.Advance(TimeSpan.FromSeconds(29));

        ApiResponse response = await portal.Http.GetAsync($"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}&code={code}");

        Assert.Equal(200, (int)response.Status);
    }

    [Fact]
    public async Task An_authorization_code_older_than_30_seconds_is_invalid_grant()
    {
        await using var portal = await TestPortal.StartAsync();
        string code = portal.Portal.IssueAuthorizationCode();
        portal.Clock.Advance(TimeSpan.FromSeconds(30));

        ApiResponse response = await portal.Http.GetAsync($"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}&code={code}");

        response.AssertError(400, "invalid_grant");
    }

    [Fact]
    public async Task A_refresh_token_cannot_be_used_as_an_authorization_code()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.Http.GetAsync($"oauth/token/?grant_type=authorization_code&client_id={App.ClientId}&client_secret={App.ClientSecret}&code={tokens.RefreshToken}");

        response.AssertError(400, "invalid_grant");
    }

    [Fact]
    public async Task Token_endpoint_calls_are_not_REST_requests()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        await portal.Http.GetAsync(RefreshQuery(tokens.RefreshToken));

        Assert.Empty(portal.Portal.Requests.All);
    }
}
