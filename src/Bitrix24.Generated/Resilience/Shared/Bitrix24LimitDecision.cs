namespace Bitrix24;

/// <summary>What <see cref="IBitrix24SharedLimits.ReserveAsync"/> decided.</summary>
public enum Bitrix24LimitDecision
{
    /// <summary>A slot is reserved: send after <see cref="Bitrix24LimitReservation.Wait"/>.</summary>
    Granted,

    /// <summary>The next free slot is further away than the call can wait; nothing was reserved.</summary>
    TooLong,

    /// <summary>The method is blocked by its operating limit until <see cref="Bitrix24LimitReservation.BlockedUntil"/>; nothing was reserved.</summary>
    MethodBlocked,
}
