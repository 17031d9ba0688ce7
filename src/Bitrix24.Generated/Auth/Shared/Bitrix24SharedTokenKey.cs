namespace Bitrix24;

/// <summary>The key a client's tokens are shared under: the portal's address and the application's client id.</summary>
public static class Bitrix24SharedTokenKey
{
    /// <summary>The key for an OAuth client's options, e.g. <c>example.bitrix24.com/local.abc123</c>.</summary>
    /// <exception cref="ArgumentException">The options are not an OAuth client's.</exception>
    public static string For(Bitrix24ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ClientId is { } clientId
            ? options.Portal.Authority.ToLowerInvariant() + "/" + clientId
            : throw new ArgumentException("Only an OAuth client's tokens can be shared; a webhook has none.", nameof(options));
    }
}
