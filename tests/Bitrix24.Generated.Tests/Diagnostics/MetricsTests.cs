using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.Diagnostics;

/// <summary>
/// The meter <c>Bitrix24.Generated</c>: what a call, a repeat and a refresh record. Alone in its collection, which runs
/// with nothing beside it: a meter listener hears every client of the process.
/// </summary>
[Collection(nameof(MetricsTests))]
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task A_repeated_call_and_a_refresh_are_measured_by_method_and_outcome()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        using var recorder = new Recorder();
        using var client = EmulatorClients.OAuth(portal, o =>
        {
            o.RateLimit = Bitrix24RateLimit.Off;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "measured");
        portal.ExpireAccessTokens();
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);
        await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(1, recorder.Sum("bitrix24.client.calls", (Send, "ok")));
        Assert.Equal(1, recorder.Sum("bitrix24.client.calls", ("imopenlines.bot.session.operator", "ok")));
        Assert.Equal(1, recorder.Sum("bitrix24.client.calls", ("imopenlines.bot.session.operator", "WRONG_CHAT")));
        Assert.Equal(1, recorder.Sum("bitrix24.client.retries", (Send, "QUERY_LIMIT_EXCEEDED")));
        Assert.Equal(1, recorder.Sum("bitrix24.client.token.refreshes", (null, "refreshed")));
        Assert.Equal(3, recorder.Count("bitrix24.client.call.duration"));
    }

    /// <summary>Listens to the meter.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, string? Method, string? Outcome, double Value)> _measurements = new();

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Bitrix24Metrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        public double Sum(string instrument, (string? Method, string Outcome) key) =>
            _measurements.Where(m => m.Instrument == instrument && m.Method == key.Method && m.Outcome == key.Outcome).Sum(m => m.Value);

        public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? method = null, outcome = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                switch (tag.Key)
                {
                    case "bitrix24.method": method = tag.Value as string; break;
                    case "bitrix24.outcome" or "bitrix24.reason": outcome = tag.Value as string; break;
                }
            }

            _measurements.Enqueue((instrument.Name, method, outcome, value));
        }
    }
}
