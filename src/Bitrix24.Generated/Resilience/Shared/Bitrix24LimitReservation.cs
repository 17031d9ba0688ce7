namespace Bitrix24;

/// <summary>The answer of <see cref="IBitrix24SharedLimits.ReserveAsync"/>.</summary>
public readonly struct Bitrix24LimitReservation : IEquatable<Bitrix24LimitReservation>
{
    private Bitrix24LimitReservation(Bitrix24LimitDecision decision, TimeSpan wait, DateTimeOffset? blockedUntil)
    {
        Decision = decision;
        Wait = wait;
        BlockedUntil = blockedUntil;
    }

    /// <summary>Granted, too long, or method blocked.</summary>
    public Bitrix24LimitDecision Decision { get; }

    /// <summary>Granted: how long to wait before sending. Too long: how long the wait would have been.</summary>
    public TimeSpan Wait { get; }

    /// <summary>Method blocked: until when.</summary>
    public DateTimeOffset? BlockedUntil { get; }

    /// <summary>A slot, to be used after <paramref name="wait"/> (zero or more).</summary>
    public static Bitrix24LimitReservation Granted(TimeSpan wait) => new(Bitrix24LimitDecision.Granted, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, null);

    /// <summary>No slot: the wait would have been <paramref name="wait"/>.</summary>
    public static Bitrix24LimitReservation TooLong(TimeSpan wait) => new(Bitrix24LimitDecision.TooLong, wait, null);

    /// <summary>No slot: the method is blocked until <paramref name="until"/>.</summary>
    public static Bitrix24LimitReservation MethodBlocked(DateTimeOffset until) => new(Bitrix24LimitDecision.MethodBlocked, TimeSpan.Zero, until);

    /// <inheritdoc/>
    public bool Equals(Bitrix24LimitReservation other) => Decision == other.Decision && Wait == other.Wait && BlockedUntil == other.BlockedUntil;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bitrix24LimitReservation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Decision, Wait, BlockedUntil);

    /// <inheritdoc/>
    public override string ToString() => Decision switch
    {
        Bitrix24LimitDecision.Granted => $"Granted, wait {Wait.TotalMilliseconds} ms",
        Bitrix24LimitDecision.TooLong => $"Too long ({Wait.TotalMilliseconds} ms)",
        _ => $"Method blocked until {BlockedUntil:O}",
    };
}
