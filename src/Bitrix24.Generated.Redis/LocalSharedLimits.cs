using System.Collections.Concurrent;

namespace Bitrix24.Redis;

/// <summary>
/// The per-process stand-in while Redis is unreachable: the same GCRA with reserve semantics, per portal, at a share of
/// the portal's pace and burst, and the method blocks this process learned. Nothing here is replayed into Redis later.
/// </summary>
internal sealed class LocalSharedLimits
{
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Portal, string Credential, string Method), long> _blocks = new();
    private readonly TimeProvider _time;
    private readonly double _share;
    private readonly int _headroom;

    public LocalSharedLimits(TimeProvider time, double share, int headroom)
    {
        _time = time;
        _share = share;
        _headroom = headroom;
    }

    /// <summary>The capacity shared through Redis: the burst less the headroom, at least 1.</summary>
    public static int SharedCapacity(Bitrix24LimitScope scope, int headroom) => Math.Max(1, scope.Burst - headroom);

    /// <summary>The interval between two requests at the portal's pace, in whole µs (at least 1).</summary>
    public static long IntervalMicroseconds(Bitrix24LimitScope scope) => Math.Max(1, (long)Math.Round(1_000_000d / scope.RequestsPerSecond));

    /// <summary>This process's capacity while on its own: max(1, floor(share × capacity)).</summary>
    public int Capacity(Bitrix24LimitScope scope) => Math.Max(1, (int)Math.Floor(_share * SharedCapacity(scope, _headroom)));

    /// <summary>This process's interval while on its own: the portal's interval over the share.</summary>
    public double Interval(Bitrix24LimitScope scope) => IntervalMicroseconds(scope) / _share;

    public Bitrix24LimitReservation Reserve(Bitrix24LimitScope scope, string method, long maxWaitMilliseconds)
    {
        long now = NowMicroseconds();
        if (BlockedUntil(scope, method, now) is { } until)
        {
            return Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.FromUnixTimeMilliseconds(until));
        }

        double interval = Interval(scope);
        double capacity = Capacity(scope);
        Bucket bucket = BucketOf(scope, now);
        lock (bucket)
        {
            double tat = Math.Max(bucket.Tat, now);
            double next = tat + interval;
            double wait = next - now - capacity * interval;
            if (wait <= 0 || wait <= maxWaitMilliseconds * 1000d)
            {
                bucket.Tat = next;
                return Bitrix24LimitReservation.Granted(Milliseconds(wait));
            }

            return Bitrix24LimitReservation.TooLong(Milliseconds(wait));
        }
    }

    public void Refund(Bitrix24LimitScope scope)
    {
        long now = NowMicroseconds();
        if (_buckets.TryGetValue(scope.Portal, out Bucket? bucket))
        {
            lock (bucket)
            {
                bucket.Tat = Math.Max(now, bucket.Tat - Interval(scope));
            }
        }
    }

    public void MarkFull(Bitrix24LimitScope scope)
    {
        long now = NowMicroseconds();
        Bucket bucket = BucketOf(scope, now);
        lock (bucket)
        {
            bucket.Tat = Math.Max(bucket.Tat, now + Capacity(scope) * Interval(scope));
        }
    }

    /// <summary>Remembers a block (kept whether or not Redis took it too): never shortened.</summary>
    public void Block(Bitrix24LimitScope scope, string method, DateTimeOffset until)
    {
        long untilMs = until.ToUnixTimeMilliseconds();
        _blocks.AddOrUpdate((scope.Portal, scope.Credential, method.ToLowerInvariant()), untilMs, (_, current) => Math.Max(current, untilMs));
        if (_blocks.Count > SweepThreshold)
        {
            long nowMs = NowMicroseconds() / 1000;
            foreach (KeyValuePair<(string, string, string), long> entry in _blocks)
            {
                if (entry.Value <= nowMs)
                {
                    _blocks.TryRemove(entry);
                }
            }
        }
    }

    /// <summary>The end of a block this process knows of that is still running, in Unix ms.</summary>
    public long? BlockedUntil(Bitrix24LimitScope scope, string method, long? nowMicroseconds = null)
    {
        if (_blocks.IsEmpty || !_blocks.TryGetValue((scope.Portal, scope.Credential, method.ToLowerInvariant()), out long until))
        {
            return null;
        }

        return until * 1000 > (nowMicroseconds ?? NowMicroseconds()) ? until : null;
    }

    /// <summary>Forgets every bucket, so the next outage starts each one full again (see <see cref="BucketOf"/>).</summary>
    public void Reset() => _buckets.Clear();

    /// <summary>
    /// The portal's bucket, made full when new: the process falls back because Redis failed in the middle of work, when the
    /// portal's bucket it stands in for was in use, so its share starts at the pace, not with a burst on top of the others'.
    /// </summary>
    private Bucket BucketOf(Bitrix24LimitScope scope, long now)
    {
        string portal = scope.Portal;
        if (_buckets.TryGetValue(portal, out Bucket? bucket))
        {
            return bucket;
        }

        if (_buckets.Count >= SweepThreshold)
        {
            // Idle buckets (empty by now) carry nothing: drop them so many portals do not grow this forever.
            foreach (KeyValuePair<string, Bucket> entry in _buckets)
            {
                if (entry.Value.Tat < now)
                {
                    _buckets.TryRemove(entry);
                }
            }
        }

        return _buckets.GetOrAdd(portal, new Bucket { Tat = now + Capacity(scope) * Interval(scope) });
    }

    private long NowMicroseconds() => (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static TimeSpan Milliseconds(double waitMicroseconds) => TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(waitMicroseconds, 0) / 1000));

    private sealed class Bucket
    {
        public double Tat;
    }
}
