namespace Bitrix24.Emulator.Auth;

/// <summary>Tokens the emulated OAuth server issued, with the endpoints an app receives alongside them.</summary>
/// <param name="AccessToken">Sent as <c>auth</c> with every call; expires at <paramref name="ExpiresAt"/>.</param>
/// <param name="RefreshToken">Exchanged once for a new pair at the token endpoint; the old one then stops working.</param>
/// <param name="ExpiresAt">When the access token expires.</param>
/// <param name="ClientEndpoint">The portal's REST root, <c>{portal}/rest/</c>.</param>
/// <param name="ServerEndpoint">The OAuth server's REST root; its host serves <c>/oauth/token/</c>.</param>
/// <param name="UserId">The user the tokens act for.</param>
public sealed record EmulatedOAuthTokens(
    string AccessToken,
    string RefreshToken,
    DateTimeOffset ExpiresAt,
    Uri ClientEndpoint,
    Uri ServerEndpoint,
    int UserId)
{
    /// <summary>Never shows the tokens.</summary>
    public override string ToString() => $"OAuth tokens for user {UserId}, expiring {ExpiresAt:O}";
}
