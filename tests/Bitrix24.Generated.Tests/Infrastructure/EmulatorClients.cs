using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>SDK clients pointed at an <see cref="EmulatedPortal"/>.</summary>
public static class EmulatorClients
{
    /// <summary>A client on the portal's demo webhook (scopes imopenlines and imbot).</summary>
    public static Bitrix24Client Webhook(EmulatedPortal portal) =>
        new(Bitrix24ClientOptions.Webhook(portal.WebhookUrl));

    /// <summary>A client on another webhook of the portal.</summary>
    public static Bitrix24Client Webhook(EmulatedPortal portal, EmulatedWebhook webhook) =>
        new(Bitrix24ClientOptions.Webhook(portal.GetWebhookUrl(webhook)));

    /// <summary>An OAuth client with fresh tokens the portal issued for its application.</summary>
    public static Bitrix24Client OAuth(EmulatedPortal portal) => OAuth(portal, portal.IssueTokens());

    /// <summary>An OAuth client with the given tokens.</summary>
    public static Bitrix24Client OAuth(EmulatedPortal portal, EmulatedOAuthTokens tokens) =>
        new(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ClientEndpoint),
            portal.Application.ClientId,
            portal.Application.ClientSecret));
}
