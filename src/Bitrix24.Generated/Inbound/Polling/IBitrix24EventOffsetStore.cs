namespace Bitrix24.Inbound;

/// <summary>
/// Where the poller keeps each bot's <c>offset</c>: the id below which every event was handled. It is saved
/// after each handled event, so a restart fetches again only what was not handled.
/// </summary>
public interface IBitrix24EventOffsetStore
{
    /// <summary>The saved offset of a bot (its key names the portal and the bot), or null before the first.</summary>
    ValueTask<long?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Saves a bot's offset.</summary>
    ValueTask SaveAsync(string key, long offset, CancellationToken cancellationToken);
}
