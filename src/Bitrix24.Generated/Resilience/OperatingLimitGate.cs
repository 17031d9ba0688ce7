using System.Collections.Concurrent;

namespace Bitrix24;

/// <summary>
/// Remembers, per method, when the portal's operating-time limit lets it run again (REST docs: limits): the
/// <c>operating_reset_at</c> of the last answer, and after a 429 the moment the method is blocked
/// until. Other methods are never held back.
/// </summary>
internal sealed class OperatingLimitGate
{
    // The portal keeps operating time in one-minute buckets: if the reset moment has passed and the
    // method is still blocked, the next bucket drops out at most a minute later.
    private static readonly TimeSpan NextBucket = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastResetAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False while no method is blocked, so a call need not read the clock to learn it is free.</summary>
    public bool HasBlocks => !_blockedUntil.IsEmpty;

    /// <summary>Notes the reset moment from a successful answer.</summary>
    public void Observe(string method, DateTimeOffset? operatingResetAt)
    {
        // Written only when it changes (about once a minute): every write allocates a dictionary node.
        if (operatingResetAt is { } resetAt && (!_lastResetAt.TryGetValue(method, out DateTimeOffset known) || known != resetAt))
        {
            _lastResetAt[method] = resetAt;
        }

        if (!_blockedUntil.IsEmpty)
        {
            _blockedUntil.TryRemove(method, out _);
        }
    }

    /// <summary>Blocks <paramref name="method"/> after a 429, until the best-known reset moment.</summary>
    /// <returns>When the method may be tried again.</returns>
    public DateTimeOffset Block(string method, Bitrix24ResponseTime? errorTime, DateTimeOffset now)
    {
        DateTimeOffset until = errorTime?.OperatingResetAt is { } fromError && fromError > now
            ? fromError
            : _lastResetAt.TryGetValue(method, out DateTimeOffset last) && last > now ? last : now + NextBucket;
        _blockedUntil[method] = until;
        return until;
    }

    /// <summary>When <paramref name="method"/> may run again, or null when it is not blocked.</summary>
    public DateTimeOffset? BlockedUntil(string method, DateTimeOffset now) =>
        _blockedUntil.TryGetValue(method, out DateTimeOffset until) && until > now ? until : null;
}
