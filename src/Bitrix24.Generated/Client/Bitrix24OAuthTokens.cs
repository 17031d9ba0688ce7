namespace Bitrix24;

/// <summary>
/// The OAuth data of an installed application, as the token endpoint or the install event returns
/// it. <see cref="ToString"/> never shows the tokens.
/// </summary>
public sealed class Bitrix24OAuthTokens
{
    /// <summary>Creates the token set.</summary>
    /// <param name="accessToken">The access token (<c>access_token</c>, <c>AUTH_ID</c>); it lives one hour.</param>
    /// <param name="refreshToken">The refresh token (<c>refresh_token</c>, <c>REFRESH_ID</c>); each refresh returns a new one.</param>
    /// <param name="clientEndpoint">The portal's REST address (<c>client_endpoint</c>), e.g. <c>https://example.bitrix24.com/rest/</c>.</param>
    /// <param name="serverEndpoint">The OAuth server's REST address (<c>server_endpoint</c>); its host is regional, so it is not hard-coded.</param>
    /// <param name="expiresAt">When the access token expires (<c>expires</c>), if known.</param>
    public Bitrix24OAuthTokens(string accessToken, string refreshToken, Uri clientEndpoint, Uri? serverEndpoint = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        ArgumentNullException.ThrowIfNull(clientEndpoint);
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        ClientEndpoint = clientEndpoint;
        ServerEndpoint = serverEndpoint;
        ExpiresAt = expiresAt;
    }

    /// <summary>The access token sent as <c>auth</c>.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token.</summary>
    public string RefreshToken { get; }

    /// <summary>The portal's REST address; methods are called at <c>{ClientEndpoint}{method}</c>.</summary>
    public Uri ClientEndpoint { get; }

    /// <summary>The OAuth server's REST address, if known.</summary>
    public Uri? ServerEndpoint { get; }

    /// <summary>When the access token expires, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Bitrix24OAuthTokens {{ ClientEndpoint = {ClientEndpoint}, AccessToken = ***, RefreshToken = *** }}";
}
