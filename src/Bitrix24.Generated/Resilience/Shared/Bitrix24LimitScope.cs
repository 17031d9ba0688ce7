namespace Bitrix24;

/// <summary>What a shared budget is kept for: a portal, the credential calling it, and the pace of the portal's plan.</summary>
public sealed class Bitrix24LimitScope : IEquatable<Bitrix24LimitScope>
{
    /// <summary>Creates a scope.</summary>
    /// <param name="portal">The portal: its <c>member_id</c> when known, else its host (lower case), e.g. <c>example.bitrix24.com</c>.</param>
    /// <param name="credential">
    /// Who calls: an OAuth application's client id, or a digest of a webhook's URL (never the URL: it holds the secret).
    /// Operating-limit blocks are kept per credential; the request budget per portal, since the portal counts every
    /// caller from one address together.
    /// </param>
    /// <param name="requestsPerSecond">How fast the bucket drains (2 on Standard plans).</param>
    /// <param name="burst">How many requests the bucket holds (50 on Standard plans).</param>
    /// <exception cref="ArgumentException">A name is empty, the pace is not positive, or the burst is below 1.</exception>
    public Bitrix24LimitScope(string portal, string credential, double requestsPerSecond, int burst)
    {
        ArgumentException.ThrowIfNullOrEmpty(portal);
        ArgumentException.ThrowIfNullOrEmpty(credential);
        if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The pace must be a positive number of requests per second.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        Portal = portal;
        Credential = credential;
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
    }

    /// <summary>The portal's <c>member_id</c>, or its host.</summary>
    public string Portal { get; }

    /// <summary>The client id, or a digest of the webhook URL.</summary>
    public string Credential { get; }

    /// <summary>How fast the portal's bucket drains.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>How many requests the portal's bucket holds.</summary>
    public int Burst { get; }

    /// <inheritdoc/>
    public bool Equals(Bitrix24LimitScope? other) =>
        other is not null && Portal == other.Portal && Credential == other.Credential && RequestsPerSecond.Equals(other.RequestsPerSecond) && Burst == other.Burst;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Bitrix24LimitScope);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Portal, Credential, RequestsPerSecond, Burst);

    /// <inheritdoc/>
    public override string ToString() => $"{Portal} ({RequestsPerSecond}/s, burst {Burst})";
}
