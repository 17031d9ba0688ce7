using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Inbound;

/// <summary>
/// Fetch mode: for each configured bot, fetches events with <c>imbot.v2.Event.get</c> through the configured
/// client (so through its rate limiter and retries), hands them to the same handlers as webhook deliveries,
/// and moves the bot's offset past an event only once its handlers finished (at least once; a handler that
/// keeps failing gets the event <see cref="Bitrix24EventPollingOptions.MaxHandlerAttempts"/> times, then it is
/// skipped and logged). The offset is saved after each event, so a restart neither loses nor repeats one.
/// </summary>
internal sealed class Bitrix24EventPoller(
    Bitrix24Client client,
    Bitrix24EventPollingOptions options,
    EventDispatcher dispatcher,
    IBitrix24EventOffsetStore offsets,
    IBitrix24PollLease? lease,
    TimeProvider time,
    ILogger<Bitrix24EventPoller> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");

    protected override global::System.Threading.Tasks.Task ExecuteAsync(CancellationToken stoppingToken) =>
        global::System.Threading.Tasks.Task.WhenAll(options.Bots.Select(bot => PollAsync(bot, stoppingToken)));

    /// <summary>The offset's key: the portal and the bot, so one store can serve several portals.</summary>
    internal static string KeyOf(Bitrix24Client client, int botId) => client.Portal.Host + ":" + client.Portal.Port + "/bot/" + botId;

    private async global::System.Threading.Tasks.Task PollAsync(Bitrix24PolledBot bot, CancellationToken stoppingToken)
    {
        // Off the host's start-up path.
        await global::System.Threading.Tasks.Task.Yield();
        string key = KeyOf(client, bot.BotId);
        var attempts = new Dictionary<long, int>();
        TimeSpan errorDelay = TimeSpan.Zero;
        long? offset = null;
        bool started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (lease is not null && !await lease.TryHoldAsync(key, _owner, options.LeaseDuration, stoppingToken).ConfigureAwait(false))
                {
                    // Another replica polls this bot; standing by, ready to take over when its lease runs out.
                    started = false;
                    await global::System.Threading.Tasks.Task.Delay(options.IdleDelay, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (!started)
                {
                    // Read again on every takeover: the replica that polled before moved the offset on.
                    offset = await offsets.GetAsync(key, stoppingToken).ConfigureAwait(false);
                    EventLog.PollingStarted(logger, bot.BotId, offset);
                    started = true;
                }

                EventPage result = await client.CallForResultAsync(EventGetCall.Descriptor, new EventGetRequest(bot.BotId, bot.BotToken, offset, options.BatchSize), stoppingToken)
                    .ConfigureAwait(false);
                errorDelay = TimeSpan.Zero;
                (offset, bool stopped) = await HandleAsync(bot, key, result, offset, attempts, stoppingToken).ConfigureAwait(false);
                wait = stopped ? options.HandlerRetryDelay : result.HasMore ? options.MoreDelay : options.IdleDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The client already repeated what can be repeated; this waits longer before the next poll.
                errorDelay = errorDelay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(errorDelay.Ticks * 2, options.MaxErrorDelay.Ticks));
                wait = errorDelay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
                EventLog.PollFailed(logger, bot.BotId, ex.GetType().Name + ": " + ex.Message, wait.TotalMilliseconds);
            }

            try
            {
                await global::System.Threading.Tasks.Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>The offset after the batch, and whether a failing event stopped it (to be fetched again).</returns>
    private async global::System.Threading.Tasks.Task<(long? Offset, bool Stopped)> HandleAsync(
        Bitrix24PolledBot bot, string key, EventPage result, long? offset, Dictionary<long, int> attempts, CancellationToken cancellationToken)
    {
        foreach (PolledEvent polled in result.Events.OrderBy(e => e.EventId))
        {
            if (offset is { } acknowledged && polled.EventId < acknowledged)
            {
                // Already handled and acknowledged: a portal sending it again must not run it twice.
                continue;
            }

            if (!await HandleOneAsync(bot, polled, attempts, cancellationToken).ConfigureAwait(false))
            {
                return (offset, true);
            }

            attempts.Remove(polled.EventId);
            offset = polled.EventId + 1;
            await offsets.SaveAsync(key, offset.Value, cancellationToken).ConfigureAwait(false);
        }

        // Every event of the batch is done: the portal's next offset (or, from older portals, lastEventId + 1) is safe to keep.
        long? next = result.NextOffset ?? (result.LastEventId is { } last ? last + 1 : null);
        if (next is { } n && (offset is null || n > offset))
        {
            offset = n;
            await offsets.SaveAsync(key, n, cancellationToken).ConfigureAwait(false);
        }

        return (offset, false);
    }

    /// <returns>True when the event is done with (handled, without a handler, unreadable, or given up on).</returns>
    private async global::System.Threading.Tasks.Task<bool> HandleOneAsync(Bitrix24PolledBot bot, PolledEvent polled, Dictionary<long, int> attempts, CancellationToken cancellationToken)
    {
        string name = polled.Type;
        if (dispatcher.Find(name) is not { } type)
        {
            return true;
        }

        object data;
        try
        {
            data = type.ReadData(polled.Data.IsEmpty ? "{}"u8.ToArray() : polled.Data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Fetching it again would bring the same data.
            EventLog.PolledEventSkipped(logger, polled.EventId, name, bot.BotId, "its data is not as its spec says: " + ex.Message);
            return true;
        }

        try
        {
            await dispatcher.DispatchAsync(type, data, scope => new Bitrix24EventContext(type, Bitrix24EventSource.Poll, () => client, scope)
            {
                EventId = polled.EventId,
                Timestamp = polled.Date,
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            int attempt = attempts.TryGetValue(polled.EventId, out int before) ? before + 1 : 1;
            if (attempt >= options.MaxHandlerAttempts)
            {
                EventLog.HandlerFailed(logger, ex, name, client.Portal.Host, null, polled.EventId);
                EventLog.PolledEventSkipped(logger, polled.EventId, name, bot.BotId, $"its handler failed {attempt} times");
                attempts.Remove(polled.EventId);
                return true;
            }

            attempts[polled.EventId] = attempt;
            EventLog.PolledHandlerFailed(logger, ex, polled.EventId, name, bot.BotId, attempt, options.MaxHandlerAttempts);
            return false;
        }
    }
}
