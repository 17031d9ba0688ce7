using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// Several replicas (separate multiplexers) and many concurrent callers share one portal: every send time is replayed
/// through an independent leaky bucket, which must never overflow, and the pace after the first burst must hold.
/// </summary>
public sealed class SharedBucketModelTests : IClassFixture<RedisServer>
{
    private const int Replicas = 4;
    private const int CallersPerReplica = 10;
    private const int CallsPerCaller = 5;
    private const double Pace = 50;
    private const int Burst = 10;
    private const int Headroom = 2;

    private readonly RedisServer _server;
    private readonly ITestOutputHelper _output;

    public SharedBucketModelTests(RedisServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
    }

    [RedisFact]
    public async Task FourReplicas_TenCallersEach_NeverOverflowTheBucket_AndKeepThePace()
    {
        var scope = new Bitrix24LimitScope(Redis.NewPortal(), "app.one", Pace, Burst);
        var connections = new List<ConnectionMultiplexer>();
        var replicas = new List<RedisBitrix24SharedLimits>();
        var logger = new ListLogger<RedisBitrix24SharedLimits>();
        for (int i = 0; i < Replicas; i++)
        {
            // The multiplexer's own timeout and the limits' are long here: this test is about the shared bucket, and a busy
            // machine (2 cores, other test runs) can stall a call for a second; the fault tests cover timeouts.
            ConnectionMultiplexer connection = await _server.ConnectAsync(asyncTimeoutMs: 5000);
            connections.Add(connection);
            replicas.Add(new RedisBitrix24SharedLimits(connection, new RedisBitrix24SharedLimitsOptions { Headroom = Headroom, OperationTimeout = TimeSpan.FromSeconds(5) }, logger: logger));
        }

        try
        {
            // Warm up each replica (connection, script cache, JIT) on a portal of its own.
            var warmUp = new Bitrix24LimitScope(Redis.NewPortal(), "app.one", Pace, Burst);
            foreach (RedisBitrix24SharedLimits replica in replicas)
            {
                await replica.ReserveAsync(warmUp, "crm.deal.list", TimeSpan.Zero, default);
            }

            var slots = new ConcurrentBag<double>(); // reply received + wait: when the caller sends
            var sends = new ConcurrentBag<double>(); // when its timer actually fired
            TestThreadPool.EnsureThreads();
            var latencies = new ConcurrentBag<double>();
            var clock = Stopwatch.StartNew();
            IEnumerable<Task> callers = replicas.SelectMany(replica => Enumerable.Range(0, CallersPerReplica).Select(_ => Task.Run(async () =>
            {
                for (int call = 0; call < CallsPerCaller; call++)
                {
                    double t0 = clock.Elapsed.TotalMilliseconds;
                    Bitrix24LimitReservation reservation = await replica.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromSeconds(30), default);
                    latencies.Add(clock.Elapsed.TotalMilliseconds - t0);
                    Assert.Equal(Bitrix24LimitDecision.Granted, reservation.Decision);
                    slots.Add(clock.Elapsed.TotalSeconds + reservation.Wait.TotalSeconds);
                    if (reservation.Wait > TimeSpan.Zero)
                    {
                        await Task.Delay(reservation.Wait);
                    }

                    sends.Add(clock.Elapsed.TotalSeconds);
                }
            })));
            await Task.WhenAll(callers);

            const int total = Replicas * CallersPerReplica * CallsPerCaller;
            Assert.Equal(total, slots.Count);
            Assert.True(replicas.All(replica => replica.FallbackCount == 0), string.Join("\n", logger.Entries.Select(e => e.Message)));

            (double slotPeak, double slotRate) = Replay(slots);
            (double sendPeak, double sendRate) = Replay(sends);
            _output.WriteLine($"{total} calls in {clock.Elapsed.TotalSeconds:0.00} s; slots: peak level {slotPeak:0.00} of {Burst}, rate after the burst {slotRate:0.00}/s; " +
                $"actual sends: peak {sendPeak:0.00}, rate {sendRate:0.00}/s (pace {Pace}/s, capacity {Burst - Headroom}); " +
                $"slowest reservation {latencies.Max():0.0} ms");

            Assert.True(slotPeak <= Burst - Headroom + 1, $"The slots pass the capacity by more than one request: peak level {slotPeak:0.00} > {Burst - Headroom} + 1.");
            Assert.True(sendPeak <= Burst, $"The sends overflow the bucket: peak level {sendPeak:0.00} > {Burst}.");
            Assert.True(slotRate >= 0.95 * Pace, $"The slots' rate after the burst is {slotRate:0.00}/s, below 95 % of {Pace}/s.");
            Assert.True(sendRate >= 0.95 * Pace, $"The sends' rate after the burst is {sendRate:0.00}/s, below 95 % of {Pace}/s.");
        }
        finally
        {
            foreach (RedisBitrix24SharedLimits replica in replicas)
            {
                replica.Dispose();
            }

            foreach (ConnectionMultiplexer connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The portal's bucket as Bitrix24 describes it: each request adds 1, the level drains at the pace. Returns the highest
    /// level right after a request, and the rate of the requests after the first burst (Burst − Headroom of them).
    /// </summary>
    private static (double Peak, double Rate) Replay(IEnumerable<double> times)
    {
        double[] sorted = times.OrderBy(t => t).ToArray();
        double level = 0, peak = 0, previous = sorted[0];
        foreach (double time in sorted)
        {
            level = Math.Max(0, level - (time - previous) * Pace) + 1;
            peak = Math.Max(peak, level);
            previous = time;
        }

        int first = Burst - Headroom;
        double rate = (sorted.Length - 1 - first) / (sorted[^1] - sorted[first]);
        return (peak, rate);
    }
}
