using System.Threading.RateLimiting;

namespace Bitrix24;

/// <summary>
/// How the client paces its requests so the portal's leaky bucket never overflows (which it answers
/// with 503 <c>QUERY_LIMIT_EXCEEDED</c>). By default every client of one portal in this process
/// shares one token bucket sized for the portal's plan; a <see cref="RateLimiter"/> of your own (for
/// example one shared between processes) replaces it.
/// </summary>
public sealed class Bitrix24RateLimit
{
    private Bitrix24RateLimit(double requestsPerSecond, int burst, RateLimiter? limiter)
    {
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
        Limiter = limiter;
    }

    /// <summary>The pace of a standard plan: 2 a second, bursts of 50.</summary>
    public static Bitrix24RateLimit Standard { get; } = new(2, 50, null);

    /// <summary>The pace of an Enterprise plan: 5 a second, bursts of 250.</summary>
    public static Bitrix24RateLimit Enterprise { get; } = new(5, 250, null);

    /// <summary>No client-side pacing (the portal's 503s are still retried).</summary>
    public static Bitrix24RateLimit Off { get; } = new(0, 0, null);

    /// <summary>Sustained requests per second; 0 when off or when <see cref="Limiter"/> is set.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>How many requests may go at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>The caller's own limiter, or null for the shared per-portal bucket.</summary>
    public RateLimiter? Limiter { get; }

    /// <summary>Whether requests are paced at all.</summary>
    public bool IsEnabled => Limiter is not null || RequestsPerSecond > 0;

    /// <summary>The pace for a plan.</summary>
    public static Bitrix24RateLimit For(Bitrix24Plan plan) => plan switch
    {
        Bitrix24Plan.Standard => Standard,
        Bitrix24Plan.Enterprise => Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Unknown plan."),
    };

    /// <summary>A pace of your own, e.g. below the plan's to leave room for other apps on the same portal and IP.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public static Bitrix24RateLimit Custom(double requestsPerSecond, int burst)
    {
        if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be a positive number of requests per second.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        return new Bitrix24RateLimit(requestsPerSecond, burst, null);
    }

    /// <summary>Paces with your own limiter (one permit per HTTP request); you own and dispose it.</summary>
    public static Bitrix24RateLimit Use(RateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        return new Bitrix24RateLimit(0, 0, limiter);
    }

    /// <inheritdoc/>
    public override string ToString() => Limiter is not null
        ? "custom limiter"
        : IsEnabled ? $"{RequestsPerSecond:0.###}/s, burst {Burst}" : "off";
}
