
namespace Bitrix24;

/// <summary>Saves a portal client's refreshed pair into that portal's installation, so the next client made for it starts from it.</summary>
internal sealed class InstallationTokenStore(global::Bitrix24.Inbound.IBitrix24InstallationStore installations, string memberId) : IBitrix24TokenStore
{
    public async ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        if (await installations.FindAsync(memberId, cancellationToken).ConfigureAwait(false) is not { } installed)
        {
            return; // uninstalled meanwhile: nothing to keep the pair for
        }

        await installations.SaveAsync(new global::Bitrix24.Inbound.Bitrix24Installation(installed.MemberId, installed.ApplicationToken)
        {
            Domain = installed.Domain,
            ClientEndpoint = tokens.ClientEndpoint,
            ServerEndpoint = tokens.ServerEndpoint ?? installed.ServerEndpoint,
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            ExpiresAt = tokens.ExpiresAt,
            InstalledAt = installed.InstalledAt,
        }, cancellationToken).ConfigureAwait(false);
    }
}
