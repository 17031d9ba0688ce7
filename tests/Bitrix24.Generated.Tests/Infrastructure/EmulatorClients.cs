using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>SDK clients pointed at an <see cref="EmulatedPortal"/>.</summary>
public static class EmulatorClients
{
    /// <summary>
    /// No pacing and no retries: every answer of the portal reaches the test as it came. For tests of
    /// what one HTTP exchange maps to, not of how the SDK copes.
    /// </summary>
    public static readonly Action<Bitrix24ClientOptions> SingleAttempt = options =>
    {
        options.RateLimit = Bitrix24RateLimit.Off;
        options.Retry.Enabled = false;
    };

    /// <summary>A client on the portal's demo webhook (scopes imopenlines and imbot).</summary>
    public static Bitrix24Client Webhook(EmulatedPortal portal, Action<Bitrix24ClientOptions>? configure = null) =>
        Create(Bitrix24ClientOptions.Webhook(portal.WebhookUrl), configure);

    /// <summary>A client on another webhook of the portal.</summary>
    public static Bitrix24Client Webhook(EmulatedPortal portal, EmulatedWebhook webhook, Action<Bitrix24ClientOptions>? configure = null) =>
        Create(Bitrix24ClientOptions.Webhook(portal.GetWebhookUrl(webhook)), configure);

    /// <summary>An OAuth client with fresh tokens the portal issued for its application.</summary>
    public static Bitrix24Client OAuth(EmulatedPortal portal, Action<Bitrix24ClientOptions>? configure = null) =>
        OAuth(portal, portal.IssueTokens(), configure);

    /// <summary>An OAuth client with the given tokens.</summary>
    public static Bitrix24Client OAuth(EmulatedPortal portal, EmulatedOAuthTokens tokens, Action<Bitrix24ClientOptions>? configure = null) =>
        Create(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ClientEndpoint, tokens.ServerEndpoint, tokens.ExpiresAt),
            portal.Application.ClientId,
            portal.Application.ClientSecret), configure);

    private static Bitrix24Client Create(Bitrix24ClientOptions options, Action<Bitrix24ClientOptions>? configure)
    {
        configure?.Invoke(options);
        return new Bitrix24Client(options);
    }
}
