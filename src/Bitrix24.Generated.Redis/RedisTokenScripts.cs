namespace Bitrix24.Redis;

/// <summary>
/// The token scripts. The pair lives in one hash per portal and application (no expiry: a 180-day refresh token must not
/// be evicted): <c>ver</c>, <c>access</c>, <c>refresh</c>, <c>expires</c> (Unix ms, or empty), <c>client</c>, <c>server</c>,
/// <c>lease_owner</c>, <c>lease_until</c> (Unix ms on Redis's clock). Replies are strings and integers only.
/// </summary>
internal static class RedisTokenScripts
{
    /// <summary>The pair's fields, in the order every script returns them after its status.</summary>
    private const string Fields = "'ver', 'access', 'refresh', 'expires', 'client', 'server'";

    /// <summary>KEYS: the hash. ARGV: access, refresh, expires, client, server. Writes version 1 when empty; returns the stored pair.</summary>
    public const string Seed = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then
          redis.call('HSET', KEYS[1], 'ver', '1', 'access', ARGV[1], 'refresh', ARGV[2], 'expires', ARGV[3], 'client', ARGV[4], 'server', ARGV[5])
        end
        return redis.call('HMGET', KEYS[1], {{Fields}})
        """;

    /// <summary>
    /// KEYS: the hash. ARGV: seen version, owner, lease ms. Returns <c>{'none'}</c> (no pair), <c>{'fresh', pair…}</c> (a newer
    /// version), <c>{'wait', ms left}</c> (another owner's lease runs), or <c>{'go', pair…}</c> with the lease taken.
    /// </summary>
    public const string Begin = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return {'none'} end
        local ver = tonumber(redis.call('HGET', KEYS[1], 'ver'))
        if ver > tonumber(ARGV[1]) then
          local pair = redis.call('HMGET', KEYS[1], {{Fields}})
          table.insert(pair, 1, 'fresh')
          return pair
        end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local owner = redis.call('HGET', KEYS[1], 'lease_owner')
        local untilms = tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0')
        if owner and owner ~= ARGV[2] and untilms > now then
          return {'wait', tostring(untilms - now)}
        end
        redis.call('HSET', KEYS[1], 'lease_owner', ARGV[2], 'lease_until', string.format('%d', now + tonumber(ARGV[3])))
        local pair = redis.call('HMGET', KEYS[1], {{Fields}})
        table.insert(pair, 1, 'go')
        return pair
        """;

    /// <summary>
    /// KEYS: the hash. ARGV: expected version, owner, access, refresh, expires, client, server. Returns 1 when written as the
    /// next version (or already there: the stored refresh token is this one), 0 when another version was stored meanwhile.
    /// </summary>
    public const string Commit = """
        local ver = redis.call('HGET', KEYS[1], 'ver')
        if ver ~= ARGV[1] then
          if redis.call('HGET', KEYS[1], 'refresh') == ARGV[4] then return 1 end
          return 0
        end
        redis.call('HSET', KEYS[1], 'ver', string.format('%d', tonumber(ARGV[1]) + 1), 'access', ARGV[3], 'refresh', ARGV[4], 'expires', ARGV[5], 'client', ARGV[6], 'server', ARGV[7])
        if redis.call('HGET', KEYS[1], 'lease_owner') == ARGV[2] then
          redis.call('HDEL', KEYS[1], 'lease_owner', 'lease_until')
        end
        return 1
        """;
}
