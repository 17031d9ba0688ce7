namespace Bitrix24.Inbound;

/// <summary>
/// The top-level <c>auth</c> of a webhook delivery: which portal sent it and, for an application, the OAuth
/// tokens of the user whose action fired it (absent when a robot or workflow did). The application token that
/// proves the delivery genuine is checked by the receiver and not exposed here. <see cref="ToString"/> never
/// shows a token.
/// </summary>
public sealed class Bitrix24EventAuth
{
    /// <summary>The portal's unique id (<c>member_id</c>).</summary>
    public string? MemberId { get; init; }

    /// <summary>The portal's domain, such as <c>example.bitrix24.com</c>.</summary>
    public string? Domain { get; init; }

    /// <summary>The portal's REST address (<c>client_endpoint</c>), such as <c>https://example.bitrix24.com/rest/</c>.</summary>
    public Uri? ClientEndpoint { get; init; }

    /// <summary>The OAuth server's REST address (<c>server_endpoint</c>).</summary>
    public Uri? ServerEndpoint { get; init; }

    /// <summary>The OAuth access token for calls in reply, or null.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The refresh token, in deliveries that carry one (such as <c>ONAPPINSTALL</c>), or null.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> expires (<c>expires</c>, or now plus <c>expires_in</c>), or null.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The scopes granted, comma separated.</summary>
    public string? Scope { get; init; }

    /// <summary>The portal's plan status: L local, F free, D demo, T trial, P paid.</summary>
    public string? Status { get; init; }

    /// <summary>The user whose action fired the event, or null.</summary>
    public int? UserId { get; init; }

    /// <summary>The application token (kept for verification and the installation store only).</summary>
    internal string? ApplicationToken { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Bitrix24EventAuth {{ Domain = {Domain}, MemberId = {MemberId}, UserId = {UserId}, AccessToken = {(AccessToken is null ? "none" : "***")} }}";
}
