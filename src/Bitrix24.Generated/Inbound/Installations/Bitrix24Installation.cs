namespace Bitrix24.Inbound;

/// <summary>
/// What an OAuth application knows about one portal it is installed on, captured from <c>ONAPPINSTALL</c>:
/// the portal, its endpoints, the application token every later delivery must carry, and the OAuth pair.
/// <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class Bitrix24Installation
{
    /// <summary>Creates an installation record.</summary>
    /// <param name="memberId">The portal's unique id (<c>member_id</c>).</param>
    /// <param name="applicationToken">The application token of that portal.</param>
    public Bitrix24Installation(string memberId, string applicationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentException.ThrowIfNullOrEmpty(applicationToken);
        MemberId = memberId;
        ApplicationToken = applicationToken;
    }

    /// <summary>The portal's unique id.</summary>
    public string MemberId { get; }

    /// <summary>The application token deliveries from this portal carry (<c>auth[application_token]</c>).</summary>
    public string ApplicationToken { get; }

    /// <summary>The portal's domain.</summary>
    public string? Domain { get; init; }

    /// <summary>The portal's REST address.</summary>
    public Uri? ClientEndpoint { get; init; }

    /// <summary>The OAuth server's REST address.</summary>
    public Uri? ServerEndpoint { get; init; }

    /// <summary>The OAuth access token given at installation.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The OAuth refresh token given at installation.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the installation was recorded.</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"Bitrix24Installation {{ MemberId = {MemberId}, Domain = {Domain}, ApplicationToken = ***, AccessToken = {(AccessToken is null ? "none" : "***")} }}";
}
