using System.Collections.Concurrent;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Benchmarks.Throughput;

/// <summary>
/// Sends messages to the emulator with its real leaky bucket (Standard plan: 2 requests a second,
/// bucket 50) through a client with default options, on a <see cref="TimeScaledClock"/> both share.
/// </summary>
internal static class ThroughputRun
{
    private const string SendMethod = "imopenlines.bot.session.message.send";

    /// <summary>
    /// One call per message, from <paramref name="senders"/> concurrent workers (a bot's send queue).
    /// A worker waits for a permit at most the call's time budget (2 min by default), so the pool is
    /// kept near the bucket's size: a thousand calls started at once would rightly fail the tail.
    /// </summary>
    public static async Task<ThroughputResult> SendOneByOneAsync(int messages, int senders, double scale)
    {
        var clock = new TimeScaledClock(scale);
        await using EmulatedPortal portal = await StartPortalAsync(clock);
        using var client = new Bitrix24Client(ClientOptions(portal, clock));
        var limitErrors = 0;
        var otherErrors = new ConcurrentBag<string>();

        DateTimeOffset started = clock.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = senders }, async (i, cancellationToken) =>
        {
            try
            {
                await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, Text("send", i), cancellationToken);
            }
            catch (Exception ex) when (IsLimitError(ex))
            {
                Interlocked.Increment(ref limitErrors);
            }
            catch (Bitrix24Exception ex)
            {
                otherErrors.Add(ex.Message);
            }
        });
        TimeSpan duration = clock.GetUtcNow() - started;

        return Summarize("One call per message", portal, SendMethod, "send", messages, limitErrors, otherErrors, started, duration,
            TheoreticalMinimum(messages, EmulatedRateLimit.Standard));
    }

    /// <summary>The same messages queued in one <see cref="Bitrix24Batch"/>, which sends them 50 to a call.</summary>
    public static async Task<ThroughputResult> SendInBatchAsync(int messages, double scale)
    {
        var clock = new TimeScaledClock(scale);
        await using EmulatedPortal portal = await StartPortalAsync(clock);
        using var client = new Bitrix24Client(ClientOptions(portal, clock));
        var otherErrors = new ConcurrentBag<string>();
        int limitErrors = 0;

        DateTimeOffset started = clock.GetUtcNow();
        Bitrix24Batch batch = client.CreateBatch();
        var items = Enumerable.Range(0, messages)
            .Select(i => batch.ImOpenLines.Bot.Session.Message.Send(DemoPortal.ChatId, AutoMessageType.Default, Text("batch", i)))
            .ToList();
        try
        {
            await batch.ExecuteAsync();
        }
        catch (Exception ex) when (IsLimitError(ex))
        {
            limitErrors++;
        }
        catch (Bitrix24Exception ex)
        {
            otherErrors.Add(ex.Message);
        }

        TimeSpan duration = clock.GetUtcNow() - started;
        foreach (Bitrix24BatchItem<bool> item in items.Where(item => item.Status != Bitrix24BatchItemStatus.Succeeded))
        {
            if (item.Failure is { } failure && IsLimitError(failure))
            {
                limitErrors++;
            }
            else
            {
                otherErrors.Add(item.ToString());
            }
        }

        int calls = (messages + Bitrix24Batch.MaxCommandsPerCall - 1) / Bitrix24Batch.MaxCommandsPerCall;
        return Summarize("Batch, 50 commands a call", portal, "batch", "batch", messages, limitErrors, otherErrors, started, duration,
            TheoreticalMinimum(calls, EmulatedRateLimit.Standard));
    }

    private static Task<EmulatedPortal> StartPortalAsync(TimeScaledClock clock) =>
        EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, RateLimit = EmulatedRateLimit.Standard });

    /// <summary>Defaults throughout (Standard pacing, retries, time budget); only the clock is the scaled one.</summary>
    private static Bitrix24ClientOptions ClientOptions(EmulatedPortal portal, TimeScaledClock clock)
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
        options.TimeProvider = clock;
        return options;
    }

    /// <summary>The bucket's burst goes at once, the rest at the drain rate.</summary>
    private static TimeSpan TheoreticalMinimum(int requests, EmulatedRateLimit limit) =>
        TimeSpan.FromSeconds(Math.Max(0, requests - limit.BucketSize) / limit.DrainPerSecond);

    private static string Text(string run, int i) => $"throughput {run} {i:D4}";

    private static bool IsLimitError(Exception ex) => ex switch
    {
        Bitrix24ApiException api => api.Code == "QUERY_LIMIT_EXCEEDED",
        Bitrix24TransportException transport => transport.Failure == Bitrix24TransportFailure.RateLimited,
        _ => false,
    };

    private static ThroughputResult Summarize(
        string name, EmulatedPortal portal, string method, string run, int messages, int limitErrors, IEnumerable<string> otherErrors,
        DateTimeOffset started, TimeSpan duration, TimeSpan theoreticalMinimum)
    {
        var requests = portal.Requests.For(method);
        double Seconds(DateTimeOffset at) => (at - started).TotalSeconds;
        string prefix = $"throughput {run} ";
        var texts = portal.State.GetChat(DemoPortal.ChatId).Transcript
            .Select(message => message.Text)
            .Where(text => text.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        List<string> errors = otherErrors.ToList();
        foreach (string error in errors.Distinct().Take(3))
        {
            Console.Error.WriteLine($"{name}: {error}");
        }

        return new ThroughputResult(
            name,
            messages,
            HttpCalls: requests.Count,
            Refused: requests.Count(r => r.Status == 503),
            SurfacedLimitErrors: limitErrors,
            OtherErrors: errors.Count,
            Delivered: texts.Distinct(StringComparer.Ordinal).Count(),
            Duplicates: texts.Count - texts.Distinct(StringComparer.Ordinal).Count(),
            duration,
            theoreticalMinimum,
            AcceptedAt: requests.Where(r => r.Status == 200).Select(r => Seconds(r.Time)).ToList(),
            RefusedAt: requests.Where(r => r.Status == 503).Select(r => Seconds(r.Time)).ToList());
    }
}
