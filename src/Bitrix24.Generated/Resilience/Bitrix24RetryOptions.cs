namespace Bitrix24;

/// <summary>
/// When and how a call is repeated. A call is repeated only when that cannot do anything twice: the
/// portal refused it before running it (503 <c>QUERY_LIMIT_EXCEEDED</c>, 429 <c>OPERATION_TIME_LIMIT</c>,
/// 401 <c>expired_token</c>), the request never left (connection refused), or the method is idempotent.
/// Methods that are not (every <c>imopenlines.bot.session.*</c> method) are never sent twice once they may
/// have reached the portal.
/// </summary>
public sealed class Bitrix24RetryOptions
{
    private int _maxAttempts = 5;
    private TimeSpan _baseDelay = TimeSpan.FromMilliseconds(500);
    private TimeSpan _maxDelay = TimeSpan.FromSeconds(15);
    private TimeSpan _totalTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Whether calls are repeated at all (true). Off, every failure surfaces at once; OAuth tokens are still refreshed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>HTTP attempts per call, the first included (5).</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxAttempts = value;
        }
    }

    /// <summary>The first back-off; each next one doubles, with random jitter (0.5 s).</summary>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _baseDelay = value;
        }
    }

    /// <summary>The longest single back-off (15 s).</summary>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _maxDelay = value;
        }
    }

    /// <summary>
    /// The most one call may take with all its attempts and waits (2 min); a wait that would end later
    /// is not started and the last failure surfaces instead. Each attempt is also bounded by
    /// <see cref="Bitrix24ClientOptions.RequestTimeout"/>.
    /// </summary>
    public TimeSpan TotalTimeout
    {
        get => _totalTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "TotalTimeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _totalTimeout = value;
        }
    }

    /// <summary>
    /// When a method is blocked by its operating-time limit (429 <c>OPERATION_TIME_LIMIT</c>): true (default)
    /// waits until the portal's <c>operating_reset_at</c> if that fits in <see cref="TotalTimeout"/>;
    /// false fails at once, and further calls of that method fail without being sent until then.
    /// Other methods keep flowing either way.
    /// </summary>
    public bool WaitForOperatingLimit { get; set; } = true;
}
