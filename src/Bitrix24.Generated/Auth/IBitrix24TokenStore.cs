namespace Bitrix24;

/// <summary>
/// Where an OAuth application keeps its tokens. After every refresh the client hands the new tokens
/// here before it goes on: the refresh token rotates, so the old one no longer works and the new one
/// must be saved (180 days of validity, renewed at each refresh).
/// </summary>
public interface IBitrix24TokenStore
{
    /// <summary>Saves tokens the OAuth server has just issued.</summary>
    /// <param name="tokens">The new access and refresh token, with the endpoints.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken);
}
