using System.Globalization;
using Bitrix24.Inbound;
using StackExchange.Redis;

namespace Bitrix24.Redis;

/// <summary>
/// The event poller's state in Redis, for several replicas: each bot's offset (<see cref="IBitrix24EventOffsetStore"/>)
/// and the lease that lets one replica poll a bot at a time (<see cref="IBitrix24PollLease"/>). Offsets have no expiry; a
/// lease lasts its duration unless its holder renews it, so a replica that died is replaced within that time. Redis
/// errors are thrown: the poller then waits and tries again, and no replica polls without the lease.
/// </summary>
public sealed class RedisBitrix24EventOffsetStore : IBitrix24EventOffsetStore, IBitrix24PollLease
{
    // Taken when free, renewed by its holder, refused to anyone else while it runs. KEYS: lease. ARGV: owner, ms.
    private const string Hold = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates the store on an application's Redis connection (not owned).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keyPrefix">Put before every key; <c>b24:</c> by default.</param>
    public RedisBitrix24EventOffsetStore(IConnectionMultiplexer redis, string keyPrefix = "b24:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<long?> GetAsync(string key, CancellationToken cancellationToken)
    {
        RedisValue value = await _redis.GetDatabase().StringGetAsync(Key(key, "offset")).ConfigureAwait(false);
        return value.IsNull ? null : long.Parse((string)value!, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(string key, long offset, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().StringSetAsync(Key(key, "offset"), offset.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> TryHoldAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        RedisResult held = await _redis.GetDatabase().ScriptEvaluateAsync(Hold, [Key(key, "poller")], [owner, (long)duration.TotalMilliseconds]).ConfigureAwait(false);
        return (long)held == 1;
    }

    /// <summary><c>{prefix}{{portal/bot}}:offset</c> and <c>:poller</c>.</summary>
    private RedisKey Key(string key, string what) => $"{_prefix}{{{RedisLimitKeys.Clean(key)}}}:{what}";
}
