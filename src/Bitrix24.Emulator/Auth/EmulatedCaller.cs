namespace Bitrix24.Emulator.Auth;

/// <summary>Who is calling, as the portal sees it after checking the authorization.</summary>
/// <param name="AuthKind">Webhook, OAuth token or browser session.</param>
/// <param name="UserId">The user the call runs as.</param>
/// <param name="AppClientId">For OAuth calls, the application's client id; null otherwise.</param>
/// <param name="Scopes">What the webhook or application may call.</param>
/// <param name="LimitKey">Whose operating time a call is counted against: one webhook or one application.</param>
public sealed record EmulatedCaller(EmulatedAuthKind AuthKind, int UserId, string? AppClientId, IReadOnlySet<string> Scopes, string LimitKey)
{
    /// <summary>Whether the webhook or app was granted <paramref name="scope"/>.</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope);
}
