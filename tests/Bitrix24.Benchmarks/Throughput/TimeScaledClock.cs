using System.Diagnostics;

namespace Bitrix24.Benchmarks.Throughput;

/// <summary>
/// A real clock running <see cref="Scale"/> times faster: portal time = real time × scale, and every
/// timer and delay fires after its portal duration ÷ scale. The portal's bucket and the client's pacing
/// share it, so every rate keeps its ratio to the limit while a 475 s run takes a fraction of that.
/// </summary>
internal sealed class TimeScaledClock : TimeProvider
{
    private readonly long _originTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _originUtc = DateTimeOffset.UtcNow;

    public TimeScaledClock(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1.0);
        Scale = scale;
    }

    public double Scale { get; }

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override DateTimeOffset GetUtcNow() => _originUtc + Stopwatch.GetElapsedTime(_originTimestamp) * Scale;

    public override long GetTimestamp() => _originTimestamp + (long)((Stopwatch.GetTimestamp() - _originTimestamp) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    private TimeSpan ToReal(TimeSpan portal) =>
        portal == Timeout.InfiniteTimeSpan ? portal : TimeSpan.FromTicks((long)(portal.Ticks / Scale));

    /// <summary>A system timer whose <see cref="Change"/> takes portal durations too.</summary>
    private sealed class ScaledTimer(ITimer inner, TimeScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
