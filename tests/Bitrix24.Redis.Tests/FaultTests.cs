using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Bitrix24.Redis.Tests;

/// <summary>Redis killed, restarted and paused under the limits: calls keep being answered, from this process's share, and come back.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public FaultTests(ITestOutputHelper output)
    {
        _output = output;
        TestThreadPool.EnsureThreads();
    }

    /// <summary>20/s, burst 10, headroom 2: 8 shared; at a share of 0.25 the process alone has 2 at once, then one every 200 ms.</summary>
    private static Bitrix24LimitScope Scope() => new(Redis.NewPortal(), "app.one", 20, 10);

    private static RedisBitrix24SharedLimitsOptions Options() => new()
    {
        OperationTimeout = TimeSpan.FromMilliseconds(300),
        BreakerFailures = 3,
        BreakerCoolDown = TimeSpan.FromMilliseconds(500),
        FallbackShare = 0.25,
    };

    [RedisFact]
    public async Task Killed_CallsGoOnAtTheProcessShare_AndAfterARestartTheSharedBucketIsBack()
    {
        using RedisServer server = await RedisServer.StartNewAsync();
        await using ConnectionMultiplexer redis = await server.ConnectAsync();
        var logger = new ListLogger<RedisBitrix24SharedLimits>();
        using var limits = new RedisBitrix24SharedLimits(redis, Options(), logger: logger);
        Bitrix24LimitScope scope = Scope();

        Assert.Equal(Bitrix24LimitDecision.Granted, (await limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);
        Assert.False(limits.IsUsingFallback);

        server.Kill();
        var waits = new List<double>();
        var calls = new List<(double Start, double End)>();
        var run = Stopwatch.StartNew();
        for (int i = 0; i < 6; i++)
        {
            double start = run.Elapsed.TotalMilliseconds;
            Bitrix24LimitReservation reservation = await limits.ReserveAsync(scope, "crm.deal.list", Long, default);
            double took = run.Elapsed.TotalMilliseconds - start;
            Assert.True(took < 1000, $"A reservation with Redis down took {took:0} ms.");
            Assert.Equal(Bitrix24LimitDecision.Granted, reservation.Decision);
            waits.Add(reservation.Wait.TotalMilliseconds);
            calls.Add((start, run.Elapsed.TotalMilliseconds));
        }

        _output.WriteLine("waits with Redis down: " + string.Join(", ", waits.Select(w => w.ToString("0"))));
        Assert.True(limits.IsUsingFallback);
        Assert.Equal(6, limits.FallbackCount);
        // The process alone: one every 200 ms (a quarter of the pace), starting full (no burst on top of the others').
        for (int k = 0; k < waits.Count; k++)
        {
            double slot = (k + 1) * 200;
            Assert.InRange(waits[k], Math.Max(0, slot - (calls[k].End - calls[0].Start)) - 1, slot - (calls[k].Start - calls[0].End) + 1);
        }

        // Marking full and refunding go to the process's own share as well, and never throw.
        await limits.MarkFullAsync(scope, default);
        await limits.RefundAsync(scope, default);
        await limits.BlockMethodAsync(scope, "crm.deal.add", DateTimeOffset.UtcNow.AddSeconds(30), default);
        Assert.Equal(Bitrix24LimitDecision.MethodBlocked, (await limits.ReserveAsync(scope, "crm.deal.add", Long, default)).Decision);

        IReadOnlyList<string> warnings = logger.At(LogLevel.Warning);
        string warning = Assert.Single(warnings);
        Assert.Contains(scope.Portal, warning);

        await server.RestartAsync();
        var recovery = Stopwatch.StartNew();
        Bitrix24LimitScope after = Scope();
        while (limits.IsUsingFallback && recovery.Elapsed < TimeSpan.FromSeconds(10))
        {
            await limits.ReserveAsync(after, "crm.deal.list", Long, default);
            await Task.Delay(50);
        }

        _output.WriteLine($"back on Redis {recovery.Elapsed.TotalMilliseconds:0} ms after the restart; {limits.FallbackCount} calls answered alone");
        Assert.False(limits.IsUsingFallback, "Still on the fallback 10 s after the restart.");
        Assert.Contains(logger.At(LogLevel.Information), line => line.Contains("answers again", StringComparison.Ordinal));
        long fallbacks = limits.FallbackCount;
        Assert.Equal(Bitrix24LimitDecision.Granted, (await limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);
        Assert.Equal(fallbacks, limits.FallbackCount);
        Assert.True(await redis.GetDatabase().KeyExistsAsync(Redis.BucketKey(scope.Portal)), "The shared bucket was not written after the recovery.");
        Assert.Single(logger.At(LogLevel.Warning));
    }

    [RedisFact]
    public async Task Paused_CallsDoNotWaitForThePause_BeyondTheOperationTimeout()
    {
        using RedisServer server = await RedisServer.StartNewAsync();
        // The multiplexer would wait 5 s; only the limits' own 300 ms bound the calls.
        await using ConnectionMultiplexer redis = await server.ConnectAsync(asyncTimeoutMs: 5000);
        await using ConnectionMultiplexer admin = await server.ConnectAsync(admin: true);
        var logger = new ListLogger<RedisBitrix24SharedLimits>();
        using var limits = new RedisBitrix24SharedLimits(redis, Options(), logger: logger);
        Bitrix24LimitScope scope = Scope();
        Assert.Equal(Bitrix24LimitDecision.Granted, (await limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);

        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "1500", "WRITE");
        var paused = Stopwatch.StartNew();
        TimeSpan[] durations = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            Bitrix24LimitReservation reservation = await limits.ReserveAsync(scope, "crm.deal.list", Long, default);
            Assert.Equal(Bitrix24LimitDecision.Granted, reservation.Decision);
            return clock.Elapsed;
        })));

        _output.WriteLine("durations during the pause (ms): " + string.Join(", ", durations.Select(d => d.TotalMilliseconds.ToString("0"))));
        Assert.All(durations, duration => Assert.True(duration < TimeSpan.FromMilliseconds(300 + 1000), $"A call took {duration.TotalMilliseconds:0} ms."));
        Assert.True(paused.Elapsed < TimeSpan.FromMilliseconds(1500), "The calls waited for the pause.");
        Assert.True(limits.IsUsingFallback);
        Assert.Equal(10, limits.FallbackCount);
        Assert.Single(logger.At(LogLevel.Warning));

        // Once the pause ends and the breaker has cooled down, the shared bucket is used again.
        var recovery = Stopwatch.StartNew();
        while (limits.IsUsingFallback && recovery.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            await limits.ReserveAsync(Scope(), "crm.deal.list", Long, default);
        }

        Assert.False(limits.IsUsingFallback, "Still on the fallback 10 s after the pause.");
    }
}
