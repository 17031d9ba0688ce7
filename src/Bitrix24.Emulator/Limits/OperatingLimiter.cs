namespace Bitrix24.Emulator.Limits;

/// <summary>
/// The per-method resource limit (REST docs: limits): execution time of one method for one app or webhook is
/// summed in ten one-minute buckets; a bucket starts with the first call of its minute and drops out
/// ten minutes later. When the sum is over the limit the next call is refused with 429
/// <c>OPERATION_TIME_LIMIT</c>; the call that crossed it still completes.
/// </summary>
internal sealed class OperatingLimiter
{
    private static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly object _gate = new();
    private readonly TimeSpan _limit;
    private readonly Dictionary<(string Caller, string Method), List<Bucket>> _buckets = [];

    public OperatingLimiter(TimeSpan limit) => _limit = limit;

    public bool IsBlocked(string caller, string method, DateTimeOffset now)
    {
        lock (_gate)
        {
            List<Bucket> buckets = Current(caller, method, now);
            return buckets.Sum(b => b.Seconds) > _limit.TotalSeconds;
        }
    }

    /// <summary>Counts a call's execution time; returns the new sum and when its oldest bucket drops out.</summary>
    public (double Operating, long ResetAt) Record(string caller, string method, DateTimeOffset now, TimeSpan cost)
    {
        lock (_gate)
        {
            List<Bucket> buckets = Current(caller, method, now);
            if (buckets.Count == 0 || now - buckets[^1].Start >= BucketLength)
            {
                buckets.Add(new Bucket(now));
            }

            buckets[^1].Seconds += cost.TotalSeconds;
            return (buckets.Sum(b => b.Seconds), (buckets[0].Start + Window).ToUnixTimeSeconds());
        }
    }

    private List<Bucket> Current(string caller, string method, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue((caller, method), out List<Bucket>? buckets))
        {
            buckets = [];
            _buckets.Add((caller, method), buckets);
        }

        buckets.RemoveAll(b => now - b.Start >= Window);
        return buckets;
    }

    private sealed class Bucket(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public double Seconds { get; set; }
    }
}
