namespace Bitrix24.Emulator.Limits;

/// <summary>The portal-side leaky bucket. Refused requests do not add to the level.</summary>
internal sealed class LeakyBucket
{
    private readonly object _gate = new();
    private readonly EmulatedRateLimit _limit;
    private double _level;
    private DateTimeOffset _updated;

    public LeakyBucket(EmulatedRateLimit limit, DateTimeOffset now)
    {
        if (!(limit.DrainPerSecond > 0) || limit.BucketSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The drain rate and the bucket size must be positive.");
        }

        _limit = limit;
        _updated = now;
    }

    /// <summary>Adds one request if it fits; false means the portal answers 503.</summary>
    public bool TryAdd(DateTimeOffset now)
    {
        lock (_gate)
        {
            double elapsed = Math.Max(0, (now - _updated).TotalSeconds);
            _level = Math.Max(0, _level - (elapsed * _limit.DrainPerSecond));
            _updated = now;
            if (_level + 1 > _limit.BucketSize)
            {
                return false;
            }

            _level += 1;
            return true;
        }
    }
}
