namespace Bitrix24.Inbound;

/// <summary>
/// Fetch mode: which bots a hosted poller fetches events for with <c>imbot.v2.Event.get</c>, and how often.
/// The defaults follow the docs: every 5 s (they allow 5 to 30) when idle, at least 2 s after <c>hasMore</c>.
/// </summary>
public sealed class Bitrix24EventPollingOptions
{
    /// <summary>The bots to poll, through the configured client; none means no poller runs.</summary>
    public IList<Bitrix24PolledBot> Bots { get; } = new List<Bitrix24PolledBot>();

    /// <summary>The wait after a poll that found nothing more; 5 s by default.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after a poll answering <c>hasMore</c>; 2 s by default, the docs' least.</summary>
    public TimeSpan MoreDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many events one poll asks for (<c>limit</c>, 1 to 1000); 100 by default.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many times a failing handler is given the same event before it is skipped and logged; 5 by default.</summary>
    public int MaxHandlerAttempts { get; set; } = 5;

    /// <summary>The wait before a failed event is fetched again; 1 s by default.</summary>
    public TimeSpan HandlerRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls after transport errors (the wait doubles from 1 s up to it); 60 s by default.</summary>
    public TimeSpan MaxErrorDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// With an <see cref="IBitrix24PollLease"/> registered (several replicas): how long a poller's right to poll a bot lasts
    /// unless renewed, which it is at every round. Longer than a round of polling and handling; 60 s by default.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);
}
