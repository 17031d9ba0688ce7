namespace Bitrix24.Emulator.Auth;

/// <summary>An OAuth application installed on the portal.</summary>
/// <param name="ClientId">The app's <c>client_id</c>; bots it registers are found by it.</param>
/// <param name="ClientSecret">The app's <c>client_secret</c>, which only the OAuth token endpoint accepts.</param>
/// <param name="Scopes">The scopes the app was granted.</param>
public sealed record EmulatedApplication(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"application {ClientId} ({string.Join(",", Scopes)})";
}
