namespace Bitrix24;

/// <summary>
/// The per-attempt timeout (<see cref="Bitrix24ClientOptions.RequestTimeout"/>) on cancellation sources
/// reused across calls. A fresh source costs an object and a timer for every call;
/// <see cref="CancellationTokenSource.TryReset"/> lets a source that never fired serve the next call,
/// timer included. A source that did fire (a timeout, or the caller cancelling) is disposed, never reused.
/// </summary>
internal sealed class RequestTimeouts
{
    private const int MaxPooled = 32;

    private readonly Stack<CancellationTokenSource> _free = new();

    /// <summary>Starts the clock for one attempt; the returned token also ends when <paramref name="callerToken"/> does.</summary>
    public Lease Start(TimeSpan timeout, CancellationToken callerToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new Lease(this, null, default, callerToken);
        }

        CancellationTokenSource? source;
        lock (_free)
        {
            _free.TryPop(out source);
        }

        source ??= new CancellationTokenSource();
        CancellationTokenRegistration link = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        source.CancelAfter(timeout);
        return new Lease(this, source, link, source.Token);
    }

    private void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            lock (_free)
            {
                if (_free.Count < MaxPooled)
                {
                    _free.Push(source);
                    return;
                }
            }
        }

        source.Dispose();
    }

    /// <summary>One attempt's timeout; dispose it when the attempt is over (answer read or failed).</summary>
    internal readonly struct Lease : IDisposable
    {
        private readonly RequestTimeouts _owner;
        private readonly CancellationTokenSource? _source;
        private readonly CancellationTokenRegistration _link;

        public Lease(RequestTimeouts owner, CancellationTokenSource? source, CancellationTokenRegistration link, CancellationToken token)
        {
            _owner = owner;
            _source = source;
            _link = link;
            Token = token;
        }

        /// <summary>Cancelled when the time is up or the caller cancels.</summary>
        public CancellationToken Token { get; }

        public void Dispose()
        {
            // Unlinking first waits out a cancellation in progress, so TryReset sees the final state.
            _link.Dispose();
            if (_source is not null)
            {
                _owner.Return(_source);
            }
        }
    }
}
