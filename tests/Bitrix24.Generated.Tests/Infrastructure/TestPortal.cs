namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>The credentials the tests use, and clients built on them for a loopback server.</summary>
public static class TestPortal
{
    public const string WebhookCode = "abc123xyz";
    public const string AccessToken = "access-token-1";
    public const string RefreshToken = "refresh-token-1";
    public const string ClientId = "app.client";
    public const string ClientSecret = "client-secret";

    /// <summary>Every secret a client may hold; none may leak into text the SDK produces.</summary>
    public static readonly string[] Secrets = [WebhookCode, AccessToken, RefreshToken, ClientSecret];

    /// <summary>The webhook path prefix the webhook client posts under.</summary>
    public const string WebhookPath = "/rest/1/" + WebhookCode + "/";

    public static Bitrix24ClientOptions WebhookOptions(string baseUrl) =>
        Bitrix24ClientOptions.Webhook(baseUrl + WebhookPath);

    public static Bitrix24ClientOptions OAuthOptions(string baseUrl) =>
        Bitrix24ClientOptions.OAuth(new Bitrix24OAuthTokens(AccessToken, RefreshToken, new Uri(baseUrl + "/rest/")), ClientId, ClientSecret);

    public static Bitrix24Client WebhookClient(LoopbackServer server) => new(WebhookOptions(server.BaseUrl));

    public static Bitrix24Client OAuthClient(LoopbackServer server) => new(OAuthOptions(server.BaseUrl));
}
