using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Bitrix24;

/// <summary>
/// One token bucket per portal (and pace, and clock) for the whole process: the portal counts the
/// requests of every app and webhook from one IP together, so every client of it must draw from the
/// same bucket. Buckets live as long as the process; there is one per portal.
/// </summary>
internal static class PortalRateLimiters
{
    private static readonly ConcurrentDictionary<Key, ClockedTokenBucket> s_buckets = new();

    /// <summary>The limiter for a client with these options, or null when pacing is off.</summary>
    public static RateLimiter? For(Bitrix24ClientOptions options)
    {
        Bitrix24RateLimit rate = options.RateLimit;
        if (rate.Limiter is not null || !rate.IsEnabled)
        {
            return rate.Limiter;
        }

        var key = new Key(options.Portal.Authority.ToLowerInvariant(), rate.RequestsPerSecond, rate.Burst, options.TimeProvider);
        return s_buckets.GetOrAdd(key, static k => new ClockedTokenBucket(k.RequestsPerSecond, k.Burst, k.Clock));
    }

    private readonly record struct Key(string Portal, double RequestsPerSecond, int Burst, TimeProvider Clock);
}
