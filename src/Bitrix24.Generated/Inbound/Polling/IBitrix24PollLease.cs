namespace Bitrix24.Inbound;

/// <summary>
/// Lets one replica poll a bot while the others stand by: two pollers of one bot would fetch the same events and handle
/// them twice. Register one (with a shared <see cref="IBitrix24EventOffsetStore"/>, such as the Redis ones of package
/// <c>Bitrix24.Generated.Redis</c>) when the app runs as several processes; without one, every poller polls.
/// </summary>
public interface IBitrix24PollLease
{
    /// <summary>
    /// Takes or renews the right to poll <paramref name="key"/> (the same key as the offset's) for
    /// <paramref name="owner"/> until <paramref name="duration"/> from now; false while another owner holds it.
    /// </summary>
    /// <param name="key">The portal and bot.</param>
    /// <param name="owner">This poller's id, unique per process.</param>
    /// <param name="duration">How long the right lasts unless renewed: longer than one round of polling and handling.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    ValueTask<bool> TryHoldAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken);
}
