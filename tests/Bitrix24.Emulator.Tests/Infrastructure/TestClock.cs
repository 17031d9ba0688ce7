using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>
/// A frozen clock for the portal that also reports when the portal starts waiting on it (a timer is
/// created, e.g. for a <c>Delay</c> fault), so a test advances time only once the wait has begun.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    /// <summary>2026-08-21 10:00:00 UTC: every test portal starts at the same moment.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 8, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestClock()
        : this(Epoch)
    {
    }

    /// <summary>A clock frozen at another moment (e.g. before a documented date takes effect).</summary>
    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Completes when the first timer is created on this clock.</summary>
    public Task TimerCreated => _timerCreated.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        _timerCreated.TrySetResult();
        return timer;
    }
}
