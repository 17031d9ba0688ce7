namespace Bitrix24;

/// <summary>
/// Keeps a portal's request budget and its methods' operating-limit blocks where every process calling that portal
/// sees them, so several replicas of an app pace themselves as one caller (package <c>Bitrix24.Generated.Redis</c>
/// keeps them in Redis). Set it as <see cref="Bitrix24ClientOptions.SharedLimits"/>; without one, each process paces
/// itself alone. Implementations must not throw for a store that is down: they fall back to a budget of their own.
/// </summary>
public interface IBitrix24SharedLimits
{
    /// <summary>
    /// Reserves the next slot of the portal's budget for one request of <paramref name="method"/>: granted with the
    /// time to wait before sending (the caller waits, and every caller in every process gets its own slot, in order),
    /// refused when that wait would pass <paramref name="maxWait"/>, or refused because the method is blocked by its
    /// operating limit (then no slot is taken).
    /// </summary>
    /// <param name="scope">The portal, the credential and the plan's pace.</param>
    /// <param name="method">The REST method about to be called.</param>
    /// <param name="maxWait">The longest wait the call can afford.</param>
    /// <param name="cancellationToken">Cancels the reservation.</param>
    ValueTask<Bitrix24LimitReservation> ReserveAsync(Bitrix24LimitScope scope, string method, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Gives back a granted slot that was not used (the caller was cancelled while waiting for it); best effort.</summary>
    /// <param name="scope">The scope the slot was reserved in.</param>
    /// <param name="cancellationToken">Cancels the refund.</param>
    ValueTask RefundAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The portal answered <c>QUERY_LIMIT_EXCEEDED</c>: its bucket is full (other apps or addresses may share it), so
    /// every caller of the portal must wait as if it were.
    /// </summary>
    /// <param name="scope">The portal.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    ValueTask MarkFullAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The portal answered <c>OPERATION_TIME_LIMIT</c> for <paramref name="method"/>: no caller with this credential
    /// may call it before <paramref name="until"/>. Never shortens a longer block already known.
    /// </summary>
    /// <param name="scope">The portal and credential.</param>
    /// <param name="method">The blocked method.</param>
    /// <param name="until">When it may be tried again.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    ValueTask BlockMethodAsync(Bitrix24LimitScope scope, string method, DateTimeOffset until, CancellationToken cancellationToken);
}
