
namespace Bitrix24.Inbound;

/// <summary>
/// Decides whether a delivery comes from the portal it names, failing closed: the top-level
/// <c>auth[application_token]</c> must equal the token known for that portal. A webhook-registered bot knows
/// one token from configuration (and, if configured, the one portal it belongs to); an OAuth application knows
/// a token per portal from its installation store, which <c>ONAPPINSTALL</c> fills and <c>ONAPPUNINSTALL</c>
/// empties. <c>data.bot.auth.application_token</c> is never trusted, as the docs say.
/// </summary>
internal sealed class DeliveryVerifier
{
    public const string AppInstall = "ONAPPINSTALL";
    public const string AppUninstall = "ONAPPUNINSTALL";

    private readonly string? _configuredToken;
    private readonly string? _configuredMemberId;
    private readonly IBitrix24InstallationStore _installations;
    private readonly TimeProvider _time;

    public DeliveryVerifier(string? configuredToken, string? configuredMemberId, IBitrix24InstallationStore installations, TimeProvider time)
    {
        _configuredToken = string.IsNullOrEmpty(configuredToken) ? null : configuredToken;
        _configuredMemberId = string.IsNullOrEmpty(configuredMemberId) ? null : configuredMemberId;
        _installations = installations;
        _time = time;
    }

    /// <returns>
    /// The problem, null when the delivery is genuine (otherwise why not, in words fit for a log, no token); and the
    /// portal's installation the check used, if any, so nothing looks it up again.
    /// </returns>
    public async ValueTask<(string? Problem, Bitrix24Installation? Installation)> VerifyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        string? token = envelope.Auth?.ApplicationToken;
        if (token is null)
        {
            return ("the delivery has no auth[application_token]", null);
        }

        string? memberId = envelope.Auth!.MemberId;
        if (_configuredToken is not null)
        {
            if (_configuredMemberId is not null && !string.Equals(memberId, _configuredMemberId, StringComparison.Ordinal))
            {
                return ("the delivery names another portal than the configured member id", null);
            }

            return (ApplicationTokens.AreEqual(token, _configuredToken) ? null : "the application token is wrong", null);
        }

        if (memberId is null)
        {
            return ("the delivery has no auth[member_id]", null);
        }

        Bitrix24Installation? installation = await _installations.FindAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (string.Equals(envelope.EventName, AppInstall, StringComparison.OrdinalIgnoreCase))
        {
            // The first delivery of a portal cannot be checked against anything: it is trusted, and its token
            // is what every later one must carry. A second ONAPPINSTALL must carry the token already known, or
            // anyone could take a portal over by posting one.
            if (installation is not null && !ApplicationTokens.AreEqual(token, installation.ApplicationToken))
            {
                return ("ONAPPINSTALL for a portal already installed, with another application token (uninstall first)", null);
            }

            Bitrix24Installation installed = ToInstallation(memberId, token, envelope.Auth);
            await _installations.SaveAsync(installed, cancellationToken).ConfigureAwait(false);
            return (null, installed);
        }

        if (installation is null)
        {
            return ("the application is not installed on the portal the delivery names", null);
        }

        if (!ApplicationTokens.AreEqual(token, installation.ApplicationToken))
        {
            return ("the application token is wrong", null);
        }

        if (string.Equals(envelope.EventName, AppUninstall, StringComparison.OrdinalIgnoreCase))
        {
            await _installations.RemoveAsync(memberId, cancellationToken).ConfigureAwait(false);
        }

        return (null, installation);
    }

    private Bitrix24Installation ToInstallation(string memberId, string token, Bitrix24EventAuth auth) => new(memberId, token)
    {
        Domain = auth.Domain,
        ClientEndpoint = auth.ClientEndpoint,
        ServerEndpoint = auth.ServerEndpoint,
        AccessToken = auth.AccessToken,
        RefreshToken = auth.RefreshToken,
        ExpiresAt = auth.ExpiresAt,
        InstalledAt = _time.GetUtcNow(),
    };
}
