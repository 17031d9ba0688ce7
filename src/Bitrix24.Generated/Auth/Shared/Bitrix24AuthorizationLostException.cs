namespace Bitrix24;

/// <summary>
/// The application's refresh token was refused (<c>invalid_grant</c>) and no process has stored a newer pair: the chain
/// of tokens is broken (unused for 180 days, the application removed, or a refresh lost before it was stored), and a
/// user of the portal must authorize the application again. Calls on this portal fail with it until new tokens come.
/// </summary>
public sealed class Bitrix24AuthorizationLostException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The call that needed the refresh.</param>
    /// <param name="portal">The portal (its address), for the message.</param>
    /// <param name="innerException">The token endpoint's refusal.</param>
    public Bitrix24AuthorizationLostException(string method, string portal, Exception? innerException)
        : base(method, $"The OAuth refresh token for {portal} was refused and no newer pair is stored: the application must be authorized again on the portal.", innerException)
    {
        Portal = portal;
    }

    /// <summary>The portal's address.</summary>
    public string Portal { get; }
}
