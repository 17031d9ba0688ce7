namespace Bitrix24.Redis;

/// <summary>How <see cref="RedisBitrix24SharedLimits"/> keeps the shared budget and what it does when Redis is unreachable.</summary>
public sealed class RedisBitrix24SharedLimitsOptions
{
    /// <summary>
    /// The start of every key, <c>b24:</c> by default. A portal's keys are <c>{prefix}{{portal}}:rl</c> (its request
    /// budget) and <c>{prefix}{{portal}}:opblk:{credential}:{method}</c> (a method's operating-limit block); the
    /// portal is the hash tag, so one portal's keys stay in one Redis Cluster slot. Must not contain <c>{</c> or <c>}</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "b24:";

    /// <summary>
    /// How many requests of the portal's bucket are left free, 2 by default: a burst is admitted up to the bucket's
    /// size minus this (at least 1), because timers fire late and other callers of the portal may be invisible here.
    /// </summary>
    public int Headroom { get; set; } = 2;

    /// <summary>
    /// The share of the portal's pace and burst this process takes while Redis is unreachable, 0.25 by default (one of
    /// four replicas). Greater than 0, at most 1.
    /// </summary>
    public double FallbackShare { get; set; } = 0.25;

    /// <summary>How long one Redis call may take before the process falls back to its own share, 500 ms by default.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many consecutive failed Redis calls open the circuit breaker, 3 by default.</summary>
    public int BreakerFailures { get; set; } = 3;

    /// <summary>
    /// How long an open breaker sends every call straight to the process's own share, 5 s by default; then one call tries
    /// Redis again, and its success closes the breaker.
    /// </summary>
    public TimeSpan BreakerCoolDown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        if (KeyPrefix is null || KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException($"{nameof(KeyPrefix)} must be a string without '{{' or '}}' (the portal is the key's hash tag).", nameof(KeyPrefix));
        }

        if (Headroom < 0)
        {
            throw new ArgumentException($"{nameof(Headroom)} must be 0 or more requests; it was {Headroom}.", nameof(Headroom));
        }

        if (!(FallbackShare > 0 && FallbackShare <= 1))
        {
            throw new ArgumentException($"{nameof(FallbackShare)} must be greater than 0 and at most 1 (e.g. 0.25 for one of four replicas); it was {FallbackShare}.", nameof(FallbackShare));
        }

        if (OperationTimeout <= TimeSpan.Zero || OperationTimeout > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException($"{nameof(OperationTimeout)} must be positive and at most a minute; it was {OperationTimeout}.", nameof(OperationTimeout));
        }

        if (BreakerFailures < 1)
        {
            throw new ArgumentException($"{nameof(BreakerFailures)} must be at least 1; it was {BreakerFailures}.", nameof(BreakerFailures));
        }

        if (BreakerCoolDown <= TimeSpan.Zero || BreakerCoolDown > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"{nameof(BreakerCoolDown)} must be positive and at most a day; it was {BreakerCoolDown}.", nameof(BreakerCoolDown));
        }
    }
}
