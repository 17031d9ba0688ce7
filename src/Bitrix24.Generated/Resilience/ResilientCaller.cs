using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Bitrix24;

/// <summary>
/// The call path around each HTTP attempt: wait for the method's operating limit and for a permit from
/// the portal's rate limiter, send, and on failure repeat only what <see cref="RetryPolicy"/> says is
/// safe, after a jittered back-off, a token refresh, or the operating reset. Every wait goes through
/// <see cref="Bitrix24ClientOptions.TimeProvider"/> and stays within <see cref="Bitrix24RetryOptions.TotalTimeout"/>.
/// </summary>
internal sealed class ResilientCaller
{
    private readonly Bitrix24ClientOptions _options;
    private readonly Bitrix24Transport _transport;
    private readonly RateLimiter? _limiter;
    private static readonly TimeSpan LongPermitWait = TimeSpan.FromSeconds(5);

    // A call without a total timeout still takes no slot further away than this: a queue that long is a fault to surface.
    private static readonly TimeSpan NoDeadlineWait = TimeSpan.FromHours(1);

    private readonly OperatingLimitGate _operatingLimits = new();
    private readonly OAuthSession? _session;
    private readonly ILogger _logger;
    private readonly string _portal;
    private readonly IBitrix24SharedLimits? _shared;
    private readonly Bitrix24LimitScope? _scope;

    public ResilientCaller(Bitrix24ClientOptions options, Bitrix24Transport transport, RateLimiter? limiter, OAuthSession? session, ILogger logger)
    {
        _options = options;
        _transport = transport;
        _limiter = limiter;
        _session = session;
        _logger = logger;
        _portal = options.Portal.Host;
        _shared = options.SharedLimits;
        _scope = _shared is null ? null : SharedLimitScope.For(options);
    }

    /// <param name="method">The method.</param>
    /// <param name="request">Its parameters.</param>
    /// <param name="readTime">False when the caller wants the result alone: the time block is not built.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Answer<TResult>> CallAsync<TRequest, TResult>(
        Bitrix24Method<TRequest, TResult> method,
        TRequest request,
        bool readTime,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Bitrix24RetryOptions retry = _options.Retry;
        TimeProvider clock = _options.TimeProvider;

        // The one clock reading of a call that goes through at once: the deadline is worked out from
        // it only when something has to wait (clock readings cost 60 ns on some virtual machines).
        long started = clock.GetTimestamp();

        // Written before anything is sent: a bad argument throws here and nothing reaches the portal.
        string? accessToken = _session?.Current.AccessToken;
        ReadOnlyMemory<byte> body = _transport.WriteBody(method, request, accessToken);
        bool refreshed = false;
        int retries = 0;
        int attempt = 0;
        using Activity? call = Bitrix24Telemetry.StartCall(method.Name);
        while (true)
        {
            if (_operatingLimits.HasBlocks)
            {
                await WaitForOperatingLimitAsync(method, Deadline(started), cancellationToken).ConfigureAwait(false);
            }

            if (_shared is not null)
            {
                await ReserveSharedSlotAsync(method.Name, started, cancellationToken).ConfigureAwait(false);
            }
            else if (_limiter is not null && !TryAcquirePermitNow())
            {
                await AcquirePermitAsync(method.Name, Deadline(started), cancellationToken).ConfigureAwait(false);
            }

            attempt++;
            Answer<TResult> answer = default;
            Bitrix24Exception? failure = null;

            // Each attempt is its own client span, closed before any wait; a Bitrix24 failure is kept, not thrown, to decide on.
            using (Activity? span = Bitrix24Telemetry.StartAttempt(method.Name, _options.Portal, resendCount: attempt - 1))
            {
                try
                {
                    answer = await _transport.SendAsync(method, body, readTime, cancellationToken).ConfigureAwait(false);
                    Bitrix24Telemetry.Succeeded(span, answer.StatusCode);
                }
                catch (Bitrix24Exception attemptFailure) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = attemptFailure;
                    Bitrix24Telemetry.Failed(span, failure);
                }
            }

            if (failure is null)
            {
                _operatingLimits.Observe(method.Name, answer.OperatingResetAt);
                Bitrix24Telemetry.Succeeded(call, answer.StatusCode);
                if (Bitrix24Metrics.CallsEnabled)
                {
                    Bitrix24Metrics.Call(method.Name, "ok", clock.GetElapsedTime(started));
                }

                if (_logger.IsEnabled(LogLevel.Information))
                {
                    Bitrix24Log.CallSucceeded(_logger, method.Name, _portal, answer.StatusCode, Elapsed(started), attempt);
                }

                return answer;
            }

            // The portal's bucket is full for everyone, whoever filled it (other apps and addresses count too).
            if (_shared is not null && failure is Bitrix24ApiException { Code: "QUERY_LIMIT_EXCEEDED" })
            {
                await _shared.MarkFullAsync(_scope!, CancellationToken.None).ConfigureAwait(false);
            }

            switch (RetryPolicy.Classify(failure, method.IsIdempotent))
            {
                // Refreshing is not a retry: the portal refused the old token before running anything. Once per call, so never a loop.
                case RetryAction.RefreshToken when _session is not null && accessToken is not null && !refreshed:
                    refreshed = true;
                    Bitrix24Log.RefreshingToken(_logger, method.Name, _portal);
                    accessToken = (await _session.RefreshAsync(accessToken, cancellationToken).ConfigureAwait(false)).AccessToken;
                    body = _transport.WriteBody(method, request, accessToken);
                    continue;

                case RetryAction.WaitForOperatingReset:
                    DateTimeOffset until = _operatingLimits.Block(method.Name, (failure as Bitrix24ApiException)?.Time, clock.GetUtcNow());
                    if (_shared is not null)
                    {
                        await _shared.BlockMethodAsync(_scope!, method.Name, until, CancellationToken.None).ConfigureAwait(false);
                    }

                    if (retry.Enabled && retry.WaitForOperatingLimit && ++retries < retry.MaxAttempts && until <= Deadline(started))
                    {
                        Bitrix24Metrics.Retry(method.Name, "OPERATION_TIME_LIMIT");
                        continue;
                    }

                    break;

                case RetryAction.Backoff when retry.Enabled && ++retries < retry.MaxAttempts:
                    TimeSpan delay = Backoff.Delay(retries, retry);
                    if (clock.GetUtcNow() + delay > Deadline(started))
                    {
                        break;
                    }

                    Bitrix24Log.Retrying(_logger, method.Name, _portal, attempt, Describe(failure), delay.TotalMilliseconds);
                    Bitrix24Metrics.Retry(method.Name, Describe(failure));
                    // Task in full: task.* is a Bitrix24 method family, and its namespace Bitrix24.Task would be found before System.Threading.Tasks.Task.
                    await global::System.Threading.Tasks.Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                    continue;
            }

            Bitrix24Telemetry.Failed(call, failure);
            if (Bitrix24Metrics.CallsEnabled)
            {
                Bitrix24Metrics.Call(method.Name, Describe(failure), clock.GetElapsedTime(started));
            }

            if (StatusOf(failure) is { } status)
            {
                Bitrix24Log.CallFailed(_logger, method.Name, _portal, Describe(failure), status, Elapsed(started), attempt);
            }
            else
            {
                Bitrix24Log.CallFailedWithoutStatus(_logger, method.Name, _portal, Describe(failure), Elapsed(started), attempt);
            }
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private double Elapsed(long started) => _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>When the call's <see cref="Bitrix24RetryOptions.TotalTimeout"/>, counted from <paramref name="started"/>, runs out.</summary>
    private DateTimeOffset Deadline(long started)
    {
        TimeSpan total = _options.Retry.TotalTimeout;
        TimeProvider clock = _options.TimeProvider;
        return total == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + (total - clock.GetElapsedTime(started));
    }

    /// <summary>The usual case, a permit at hand: no timer, no waiting.</summary>
    private bool TryAcquirePermitNow()
    {
        using RateLimitLease immediate = _limiter!.AttemptAcquire(1);
        return immediate.IsAcquired;
    }

    private static string Describe(Bitrix24Exception failure) => failure switch
    {
        Bitrix24ApiException api => api.Code,
        Bitrix24TransportException transport => transport.Failure.ToString(),
        _ => failure.GetType().Name,
    };

    private static int? StatusOf(Bitrix24Exception failure) => failure switch
    {
        Bitrix24ApiException api => api.StatusCode,
        Bitrix24TransportException transport => transport.StatusCode,
        _ => null,
    };

    /// <summary>Waits out a block from the method's operating limit, or fails at once when the user chose so or it would end too late.</summary>
    private async global::System.Threading.Tasks.Task WaitForOperatingLimitAsync(Bitrix24MethodInfo method, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        TimeProvider clock = _options.TimeProvider;
        if (_operatingLimits.BlockedUntil(method.Name, clock.GetUtcNow()) is not { } until)
        {
            return;
        }

        await WaitOutBlockAsync(method.Name, until, deadline, shared: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a method's block ends, or throws 429 unsent when the user chose so or it would end after the deadline.</summary>
    private async global::System.Threading.Tasks.Task WaitOutBlockAsync(string method, DateTimeOffset until, DateTimeOffset deadline, bool shared, CancellationToken cancellationToken)
    {
        if (!_options.Retry.Enabled || !_options.Retry.WaitForOperatingLimit || until > deadline)
        {
            string source = shared ? " (shared with the portal's other callers)" : string.Empty;
            throw new Bitrix24ApiException(method, "OPERATION_TIME_LIMIT",
                $"Method is blocked due to operation time limit until {until:u}{source}; the call was not sent.", 429);
        }

        Bitrix24Log.WaitingForOperatingLimit(_logger, method, _portal, until);
        TimeProvider clock = _options.TimeProvider;
        await global::System.Threading.Tasks.Task.Delay(Max(until - clock.GetUtcNow(), TimeSpan.Zero), clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the next slot of the portal's shared budget and waits for it, or for the method's shared operating-limit
    /// block to end, as long as the call's time allows. A slot not used because the caller gave up is given back.
    /// </summary>
    private async global::System.Threading.Tasks.Task ReserveSharedSlotAsync(string method, long started, CancellationToken cancellationToken)
    {
        TimeProvider clock = _options.TimeProvider;
        while (true)
        {
            DateTimeOffset deadline = Deadline(started);
            TimeSpan maxWait = deadline == DateTimeOffset.MaxValue ? NoDeadlineWait : Max(deadline - clock.GetUtcNow(), TimeSpan.Zero);
            Bitrix24LimitReservation reservation = await _shared!.ReserveAsync(_scope!, method, maxWait, cancellationToken).ConfigureAwait(false);
            switch (reservation.Decision)
            {
                case Bitrix24LimitDecision.Granted:
                    if (reservation.Wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await global::System.Threading.Tasks.Task.Delay(reservation.Wait, clock, cancellationToken).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            await _shared.RefundAsync(_scope!, CancellationToken.None).ConfigureAwait(false);
                            throw;
                        }

                        Bitrix24Metrics.LimiterWait(method, reservation.Wait);
                        if (reservation.Wait >= LongPermitWait)
                        {
                            Bitrix24Log.WaitedForRateLimit(_logger, method, _portal, reservation.Wait.TotalMilliseconds, _scope!.ToString());
                        }
                    }

                    return;

                case Bitrix24LimitDecision.MethodBlocked when reservation.BlockedUntil is { } until:
                    await WaitOutBlockAsync(method, until, deadline, shared: true, cancellationToken).ConfigureAwait(false);
                    continue;

                default:
                    throw new Bitrix24TransportException(method, Bitrix24TransportFailure.RateLimited,
                        $"{method}: the portal's shared budget has no slot within the call's time (next in {reservation.Wait.TotalSeconds:0.#} s, {_scope}); the request was not sent.");
            }
        }
    }

    /// <summary>Waits in line for a permit from the portal's limiter, as long as the call's time allows.</summary>
    private async global::System.Threading.Tasks.Task AcquirePermitAsync(string method, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        TimeProvider clock = _options.TimeProvider;
        using var budget = deadline == DateTimeOffset.MaxValue ? null : new CancellationTokenSource(Max(deadline - clock.GetUtcNow(), TimeSpan.Zero), clock);
        using var linked = budget is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        long waitStarted = clock.GetTimestamp();
        try
        {
            using RateLimitLease lease = await _limiter!.AcquireAsync(1, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                // Short waits are the limiter doing its job at the plan's pace; long ones mean a backlog worth seeing.
                TimeSpan waited = clock.GetElapsedTime(waitStarted);
                Bitrix24Metrics.LimiterWait(method, waited);
                if (waited >= LongPermitWait)
                {
                    Bitrix24Log.WaitedForRateLimit(_logger, method, _portal, waited.TotalMilliseconds, _options.RateLimit.ToString());
                }

                return;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call's time ran out while waiting in line.
        }

        throw new Bitrix24TransportException(method, Bitrix24TransportFailure.RateLimited,
            $"{method}: the client's rate limiter gave no permit within the call's time ({_options.RateLimit}); the request was not sent.");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
