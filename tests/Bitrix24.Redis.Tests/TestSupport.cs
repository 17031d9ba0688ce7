using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>Keeps every log line, for asserting what was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToArray();

    public IReadOnlyList<string> At(LogLevel level) => _entries.Where(e => e.Level == level).Select(e => e.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));
}

internal static class Redis
{
    /// <summary>A portal of its own for each test: no FLUSHALL between tests.</summary>
    public static string NewPortal() => "p" + Guid.NewGuid().ToString("N");

    public static string BucketKey(string portal) => $"b24:{{{portal}}}:rl";

    /// <summary>Redis's clock in µs.</summary>
    public static async Task<long> NowMicrosecondsAsync(IDatabase database)
    {
        var time = (RedisResult[])(await database.ExecuteAsync("TIME"))!;
        return (long)time[0] * 1_000_000 + (long)time[1];
    }

    public static async Task<long?> TatAsync(IDatabase database, string portal)
    {
        RedisValue value = await database.StringGetAsync(BucketKey(portal));
        return value.IsNull ? null : (long)value;
    }
}

internal static class TestThreadPool
{
    /// <summary>
    /// The test host blocks thread-pool threads: on a 2-core machine one reservation in a run stalled 0.7–1 s there
    /// (the pool injecting a thread), and the delayed callers then woke together, while the same load in a plain
    /// console process never stalled past 15 ms. Timing tests raise the pool's floor so they measure the limits, not that.
    /// </summary>
    public static void EnsureThreads()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        if (workers < 32)
        {
            ThreadPool.SetMinThreads(32, Math.Max(io, 32));
        }
    }
}
