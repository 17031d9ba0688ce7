using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Bitrix24.Redis;

/// <summary>
/// Keeps each portal's request budget and its methods' operating-limit blocks in Redis, so every replica of an app
/// paces itself as one caller: one Lua script per request reserves the next slot of the portal's bucket (GCRA on
/// Redis's clock, one round trip), and the caller waits for its slot. When Redis is unreachable or slow, calls are
/// answered by a budget of this process's own (<see cref="RedisBitrix24SharedLimitsOptions.FallbackShare"/> of the
/// portal's pace and burst) and never fail; a circuit breaker keeps them off Redis for a cool-down.
/// </summary>
/// <remarks>
/// The multiplexer is the application's: it is not disposed here. Configure it with <c>abortConnect=false</c> and
/// <see cref="BacklogPolicy.FailFast"/>, so a dead server fails in milliseconds instead of queueing.
/// </remarks>
public sealed class RedisBitrix24SharedLimits : IBitrix24SharedLimits, IDisposable
{
    private const int Cost = 1;

    /// <summary>The longest wait sent to Redis (24 days); a longer or infinite allowance is clamped to it.</summary>
    private const long MaxWaitCapMilliseconds = int.MaxValue;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _prefix;
    private readonly int _headroom;
    private readonly double _share;
    private readonly TimeSpan _operationTimeout;
    private readonly int _breakerFailures;
    private readonly TimeSpan _breakerCoolDown;
    private readonly LocalSharedLimits _local;

    private readonly object _gate = new();
    private int _consecutiveFailures;
    private bool _breakerOpen;
    private long _breakerOpenedAt;
    private bool _trialInFlight;
    private volatile bool _usingFallback;
    private long _fallbackCount;
    private volatile bool _disposed;

    /// <summary>Creates the shared limits on an application's Redis connection.</summary>
    /// <param name="redis">The connection; not owned (not disposed here).</param>
    /// <param name="options">Key prefix, headroom, fallback share, timeout and breaker; the defaults when null.</param>
    /// <param name="timeProvider">The clock of the fallback and of the timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where the fallback's warning and the recovery are logged; nothing when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="redis"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public RedisBitrix24SharedLimits(
        IConnectionMultiplexer redis,
        RedisBitrix24SharedLimitsOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<RedisBitrix24SharedLimits>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        options ??= new RedisBitrix24SharedLimitsOptions();
        options.Validate();
        _redis = redis;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _prefix = options.KeyPrefix;
        _headroom = options.Headroom;
        _share = options.FallbackShare;
        _operationTimeout = options.OperationTimeout;
        _breakerFailures = options.BreakerFailures;
        _breakerCoolDown = options.BreakerCoolDown;
        _local = new LocalSharedLimits(_time, _share, _headroom);
    }

    /// <summary>True while calls are answered by this process's own share (the last Redis call failed, or the breaker is open).</summary>
    public bool IsUsingFallback => _usingFallback;

    /// <summary>How many calls this process's own share has answered since it was created.</summary>
    public long FallbackCount => Interlocked.Read(ref _fallbackCount);

    /// <inheritdoc/>
    public async ValueTask<Bitrix24LimitReservation> ReserveAsync(Bitrix24LimitScope scope, string method, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();

        long maxWaitMs = MaxWaitMilliseconds(maxWait);

        // A block this process learned itself needs no round trip.
        if (_local.BlockedUntil(scope, method) is { } knownUntil)
        {
            return Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.FromUnixTimeMilliseconds(knownUntil));
        }

        RedisKey[] keys = [RedisLimitKeys.Bucket(_prefix, scope.Portal), RedisLimitKeys.Block(_prefix, scope.Portal, scope.Credential, method)];
        RedisValue[] values = [LocalSharedLimits.IntervalMicroseconds(scope), LocalSharedLimits.SharedCapacity(scope, _headroom), Cost, maxWaitMs];
        if (await TryRedisAsync(scope, RedisLimitScripts.Reserve, keys, values, cancellationToken).ConfigureAwait(false) is { } result)
        {
            return ReadReservation(result);
        }

        CountFallback();
        return _local.Reserve(scope, method, maxWaitMs);
    }

    /// <inheritdoc/>
    public ValueTask RefundAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RunAsync(
            scope,
            RedisLimitScripts.Refund,
            [RedisLimitKeys.Bucket(_prefix, scope.Portal)],
            [LocalSharedLimits.IntervalMicroseconds(scope), Cost],
            static (local, scope) => local.Refund(scope),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask MarkFullAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RunAsync(
            scope,
            RedisLimitScripts.MarkFull,
            [RedisLimitKeys.Bucket(_prefix, scope.Portal)],
            [LocalSharedLimits.IntervalMicroseconds(scope), LocalSharedLimits.SharedCapacity(scope, _headroom)],
            static (local, scope) => local.MarkFull(scope),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask BlockMethodAsync(Bitrix24LimitScope scope, string method, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(method);

        // Kept here as well: this process then skips the round trip, and still knows the block while Redis is down.
        _local.Block(scope, method, until);
        return RunAsync(
            scope,
            RedisLimitScripts.BlockMethod,
            [RedisLimitKeys.Block(_prefix, scope.Portal, scope.Credential, method)],
            [until.ToUnixTimeMilliseconds()],
            static (_, _) => { },
            cancellationToken);
    }

    /// <summary>Stops answering: later calls throw <see cref="ObjectDisposedException"/>. The multiplexer is not disposed.</summary>
    public void Dispose() => _disposed = true;

    private async ValueTask RunAsync(
        Bitrix24LimitScope scope,
        string script,
        RedisKey[] keys,
        RedisValue[] values,
        Action<LocalSharedLimits, Bitrix24LimitScope> fallback,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (await TryRedisAsync(scope, script, keys, values, cancellationToken).ConfigureAwait(false) is null)
        {
            CountFallback();
            fallback(_local, scope);
        }
    }

    /// <summary>
    /// Runs a script unless the breaker is open; its result, or null when Redis is unavailable (the failure is noted, and
    /// the caller answers from the process's own share). The first success after a fallback resumes the shared bucket.
    /// </summary>
    private async Task<RedisResult?> TryRedisAsync(Bitrix24LimitScope scope, string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        if (!TryEnterRedis(out bool trial))
        {
            return null;
        }

        try
        {
            RedisResult result = await EvaluateAsync(script, keys, values, cancellationToken).ConfigureAwait(false);
            if (OnRedisSucceeded(scope.Portal, trial))
            {
                await ResumeAsync(scope).ConfigureAwait(false);
            }

            return result;
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            OnRedisFailed(scope.Portal, exception, trial);
            return null;
        }
        catch (OperationCanceledException)
        {
            ReleaseTrial(trial);
            throw;
        }
    }

    private void CountFallback()
    {
        Interlocked.Increment(ref _fallbackCount);
        RedisLimitsMetrics.Fallback();
    }

    /// <summary>One script, bounded by the operation timeout whatever the multiplexer's own timeout is.</summary>
    private async Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        Task<RedisResult> evaluation = _redis.GetDatabase().ScriptEvaluateAsync(script, keys, values);
        try
        {
            return await evaluation.WaitAsync(_operationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch when (!evaluation.IsCompleted)
        {
            // Abandoned (timed out or cancelled): a stalled server may still run it later, which only over-counts.
            _ = evaluation.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private static Bitrix24LimitReservation ReadReservation(RedisResult result)
    {
        var reply = (RedisResult[]?)result;
        if (reply is not { Length: 2 })
        {
            throw new RedisException("The reserve script answered with an unexpected reply.");
        }

        long code = (long)reply[0];
        long value = (long)reply[1];
        return code switch
        {
            1 => Bitrix24LimitReservation.Granted(TimeSpan.FromMilliseconds(value)),
            0 => Bitrix24LimitReservation.TooLong(TimeSpan.FromMilliseconds(value)),
            2 => Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.FromUnixTimeMilliseconds(value)),
            _ => throw new RedisException($"The reserve script answered with an unknown code {code}."),
        };
    }

    private static long MaxWaitMilliseconds(TimeSpan maxWait)
    {
        if (maxWait == Timeout.InfiniteTimeSpan)
        {
            return MaxWaitCapMilliseconds;
        }

        if (maxWait <= TimeSpan.Zero)
        {
            return 0;
        }

        return maxWait.TotalMilliseconds >= MaxWaitCapMilliseconds ? MaxWaitCapMilliseconds : (long)maxWait.TotalMilliseconds;
    }

    /// <summary>Anything but the caller's own cancellation means the store cannot answer now.</summary>
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>Whether this call goes to Redis: always with the breaker closed; one trial call once it has cooled down.</summary>
    private bool TryEnterRedis(out bool trial)
    {
        trial = false;
        lock (_gate)
        {
            if (!_breakerOpen)
            {
                return true;
            }

            if (_trialInFlight || _time.GetElapsedTime(_breakerOpenedAt) < _breakerCoolDown)
            {
                return false;
            }

            _trialInFlight = true;
            trial = true;
            return true;
        }
    }

    private void ReleaseTrial(bool trial)
    {
        if (trial)
        {
            lock (_gate)
            {
                _trialInFlight = false;
            }
        }
    }

    /// <summary>Writes a bucket Redis lost during the outage as full (<see cref="RedisLimitScripts.Resume"/>); best effort.</summary>
    private async Task ResumeAsync(Bitrix24LimitScope scope)
    {
        try
        {
            await EvaluateAsync(RedisLimitScripts.Resume, [RedisLimitKeys.Bucket(_prefix, scope.Portal)],
                [LocalSharedLimits.IntervalMicroseconds(scope), LocalSharedLimits.SharedCapacity(scope, _headroom)], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, CancellationToken.None))
        {
            // The next call finds out whether Redis is really back.
        }
    }

    /// <returns>True when this call ended a fallback.</returns>
    private bool OnRedisSucceeded(string portal, bool trial)
    {
        if (!_usingFallback && !trial && Volatile.Read(ref _consecutiveFailures) == 0)
        {
            return false;
        }

        bool recovered;
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _breakerOpen = false;
            _trialInFlight = false;
            recovered = _usingFallback;
            _usingFallback = false;
        }

        if (recovered)
        {
            RedisLimitsLog.BackOnRedis(_logger, portal, FallbackCount);
        }

        return recovered;
    }

    private void OnRedisFailed(string portal, Exception exception, bool trial)
    {
        bool first;
        lock (_gate)
        {
            _consecutiveFailures++;
            if (trial || _consecutiveFailures >= _breakerFailures)
            {
                _breakerOpen = true;
                _breakerOpenedAt = _time.GetTimestamp();
            }

            if (trial)
            {
                _trialInFlight = false;
            }

            first = !_usingFallback;
            _usingFallback = true;
        }

        if (first)
        {
            _local.Reset(); // this outage's shares start full, whatever an earlier one left
        }

        string reason = exception is TimeoutException and not RedisTimeoutException
            ? $"no answer within {_operationTimeout.TotalMilliseconds:0} ms"
            : $"{exception.GetType().Name}: {exception.Message}";
        if (first)
        {
            RedisLimitsLog.FallingBack(_logger, portal, reason, _share);
        }
        else
        {
            RedisLimitsLog.StillDown(_logger, portal, reason);
        }
    }
}
