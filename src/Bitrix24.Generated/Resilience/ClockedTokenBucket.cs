using System.Threading.RateLimiting;

namespace Bitrix24;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: it fills continuously at the portal's drain rate up
/// to the burst size, and callers that find it empty wait in line (first come, first served).
/// </summary>
/// <remarks>
/// Written here rather than taken from <see cref="TokenBucketRateLimiter"/> because that one measures
/// time with <see cref="System.Diagnostics.Stopwatch"/> even when replenished by hand, so a fake clock
/// cannot drive it and limit tests would have to sleep. It is still a
/// <see cref="RateLimiter"/>, so it is interchangeable with any other.
/// </remarks>
internal sealed class ClockedTokenBucket : RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly double _perSecond;
    private readonly int _burst;
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly ITimer _timer;
    private double _tokens;
    private long _updated;
    private long? _idleSince;

    public ClockedTokenBucket(double requestsPerSecond, int burst, TimeProvider clock)
    {
        _perSecond = requestsPerSecond;
        _burst = burst;
        _clock = clock;
        _tokens = burst;
        _updated = clock.GetTimestamp();
        _idleSince = _updated;
        _timer = clock.CreateTimer(static state => ((ClockedTokenBucket)state!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _idleSince is long since ? _clock.GetElapsedTime(since) : null;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens, CurrentQueuedCount = _waiters.Sum(w => w.Permits) };
        }
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Granted;
            }

            return Lease.Denied(TimeUntil(permitCount));
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        Waiter waiter;
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(permitCount);
            waiter.Node = _waiters.AddLast(waiter);
            _idleSince = null;
            ArmTimer();
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Cancellation = cancellationToken.Register(static state => ((ClockedTokenBucket)((object[])state!)[0]).Cancel((Waiter)((object[])state!)[1]), new object[] { this, waiter });
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    private void ServeWaiters()
    {
        var served = new List<Waiter>();
        lock (_gate)
        {
            Refill();
            while (_waiters.First is { } first && _tokens >= first.Value.Permits)
            {
                _tokens -= first.Value.Permits;
                _waiters.RemoveFirst();
                served.Add(first.Value);
            }

            if (_waiters.Count == 0)
            {
                _idleSince = _clock.GetTimestamp();
            }

            ArmTimer();
        }

        // Completed outside the lock: continuations may run inline and call back in.
        foreach (Waiter waiter in served)
        {
            waiter.Cancellation.Dispose();
            waiter.Complete(Lease.Granted);
        }
    }

    private void Cancel(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
            ArmTimer();
        }

        waiter.CompleteCanceled();
    }

    private void Refill()
    {
        long now = _clock.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_clock.GetElapsedTime(_updated, now).TotalSeconds * _perSecond));
        _updated = now;
    }

    /// <summary>Wakes up when the first in line can be served; sleeps while nobody waits.</summary>
    private void ArmTimer()
    {
        TimeSpan due = _waiters.First is { } first ? TimeUntil(first.Value.Permits) : Timeout.InfiniteTimeSpan;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan TimeUntil(int permits)
    {
        double missing = permits - _tokens;

        // Rounded up a tick, so the bucket holds enough when the timer fires.
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(missing / _perSecond * TimeSpan.TicksPerSecond) + 1);
    }

    private void CheckPermitCount(int permitCount)
    {
        if (permitCount > _burst)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"At most {_burst} permits can be asked for at once.");
        }
    }

    /// <summary>A caller waiting in line.</summary>
    private sealed class Waiter(int permits)
    {
        private readonly TaskCompletionSource<RateLimitLease> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Permits { get; } = permits;

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }

        public Task<RateLimitLease> Task => _completion.Task;

        public void Complete(RateLimitLease lease) => _completion.TrySetResult(lease);

        public void CompleteCanceled() => _completion.TrySetCanceled();
    }

    /// <summary>A permit granted or refused; tokens are spent when granted, so disposing gives nothing back.</summary>
    private sealed class Lease : RateLimitLease
    {
        private readonly TimeSpan? _retryAfter;

        private Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public static Lease Granted { get; } = new(true, null);

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Denied(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = _retryAfter;
            return _retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
