using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// Moves a fake clock forward in small steps until some work is done, so back-offs, rate-limiter
/// refills and operating-limit waits (on the SDK's and the emulator's shared clock) pass in
/// milliseconds of real time. Between steps real time passes briefly so HTTP exchanges can complete.
/// </summary>
public static class ClockDriver
{
    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="work"/> completes (or fails).</summary>
    /// <returns>How much fake time passed.</returns>
    public static async Task<TimeSpan> RunAsync(FakeTimeProvider clock, Task work, TimeSpan? step = null)
    {
        TimeSpan increment = step ?? TimeSpan.FromMilliseconds(100);
        DateTimeOffset start = clock.GetUtcNow();
        var safety = TimeSpan.FromMinutes(2);
        using var realTimeout = new CancellationTokenSource(safety);
        while (!work.IsCompleted)
        {
            realTimeout.Token.ThrowIfCancellationRequested();
            clock.Advance(increment);
            await Task.WhenAny(work, Task.Delay(1));
        }

        await work;
        return clock.GetUtcNow() - start;
    }

    /// <inheritdoc cref="RunAsync(FakeTimeProvider, Task, TimeSpan?)"/>
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> work, TimeSpan? step = null)
    {
        await RunAsync(clock, (Task)work, step);
        return await work;
    }
}
