namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// A portal no test calls: fixed credentials on <c>https://example.bitrix24.com</c>, for tests of
/// options, URL rules and argument checks that send nothing. Tests that call a portal start an
/// emulated one and build their clients with <see cref="EmulatorClients"/>.
/// </summary>
public static class ExamplePortal
{
    public const string Url = "https://example.bitrix24.com";
    public const string WebhookCode = "abc123xyz";
    public const string AccessToken = "access-token-1";
    public const string RefreshToken = "refresh-token-1";
    public const string ClientId = "app.client";
    public const string ClientSecret = "client-secret";

    /// <summary>Every secret a client of this portal may hold; none may leak into text the SDK produces.</summary>
    public static readonly string[] Secrets = [WebhookCode, AccessToken, RefreshToken, ClientSecret];

    /// <summary>The webhook URL <c>{Url}/rest/1/{WebhookCode}/</c>.</summary>
    public static Bitrix24ClientOptions WebhookOptions() => Bitrix24ClientOptions.Webhook(Url + "/rest/1/" + WebhookCode + "/");

    /// <summary>The tokens, with <paramref name="clientEndpoint"/> (by default <c>{Url}/rest/</c>).</summary>
    public static Bitrix24OAuthTokens Tokens(string clientEndpoint = Url + "/rest/") => new(AccessToken, RefreshToken, new Uri(clientEndpoint));

    public static Bitrix24ClientOptions OAuthOptions() => Bitrix24ClientOptions.OAuth(Tokens(), ClientId, ClientSecret);
}
