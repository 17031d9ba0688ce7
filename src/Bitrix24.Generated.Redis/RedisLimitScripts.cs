namespace Bitrix24.Redis;

/// <summary>
/// The Lua scripts, run with <c>ScriptEvaluateAsync(string, keys, values)</c> (EVALSHA, re-sent on NOSCRIPT). Time is
/// Redis's own (<c>TIME</c>), so every process shares one clock. Integers are sent and returned as integers; numbers
/// written to keys are formatted with <c>%d</c> (Lua would write a 16-digit µs timestamp as <c>1.7e+15</c>).
/// </summary>
internal static class RedisLimitScripts
{
    /// <summary>
    /// GCRA with reserve semantics. KEYS: bucket, method block. ARGV: interval µs, capacity, cost, max wait ms.
    /// Returns <c>{1, wait ms}</c> (granted; the slot is written), <c>{0, wait ms}</c> (too long; nothing written) or
    /// <c>{2, until Unix ms}</c> (the method is blocked; nothing written).
    /// </summary>
    public const string Reserve = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local blocked = tonumber(redis.call('GET', KEYS[2]))
        if blocked and blocked * 1000 > now then
          return {2, blocked}
        end
        local interval = tonumber(ARGV[1])
        local capacity = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local maxwait = tonumber(ARGV[4]) * 1000
        local tat = tonumber(redis.call('GET', KEYS[1])) or now
        if tat < now then tat = now end
        local new = tat + cost * interval
        local wait = new - now - capacity * interval
        if wait <= 0 or wait <= maxwait then
          redis.call('SET', KEYS[1], string.format('%d', new), 'PXAT', string.format('%d', math.floor(new / 1000) + 1000))
          if wait < 0 then wait = 0 end
          return {1, math.ceil(wait / 1000)}
        end
        return {0, math.ceil(wait / 1000)}
        """;

    /// <summary>
    /// Gives a slot back. KEYS: bucket. ARGV: interval µs, cost. The TAT goes down by one slot but never below now, and
    /// only if the key exists. Returns 1 when written, 0 when there was no bucket.
    /// </summary>
    public const string Refund = """
        local v = tonumber(redis.call('GET', KEYS[1]))
        if not v then return 0 end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local tat = v - tonumber(ARGV[1]) * tonumber(ARGV[2])
        if tat < now then tat = now end
        redis.call('SET', KEYS[1], string.format('%d', tat), 'PXAT', string.format('%d', math.floor(tat / 1000) + 1000))
        return 1
        """;

    /// <summary>
    /// The portal said its bucket is full. KEYS: bucket. ARGV: interval µs, capacity. TAT = max(TAT, now + capacity ×
    /// interval): never lowered. Returns 1 when raised, 0 when it already was that far.
    /// </summary>
    public const string MarkFull = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local full = now + tonumber(ARGV[1]) * tonumber(ARGV[2])
        local tat = tonumber(redis.call('GET', KEYS[1]))
        if tat and tat >= full then return 0 end
        redis.call('SET', KEYS[1], string.format('%d', full), 'PXAT', string.format('%d', math.floor(full / 1000) + 1000))
        return 1
        """;

    /// <summary>
    /// Blocks a method. KEYS: method block. ARGV: until Unix ms. Written with PXAT until + 1 s unless a later block is
    /// already there (never shortened) or until + 1 s has passed. Returns 1 when written, 0 otherwise.
    /// </summary>
    public const string BlockMethod = """
        local till = tonumber(ARGV[1])
        local current = tonumber(redis.call('GET', KEYS[1]))
        if current and current >= till then return 0 end
        local t = redis.call('TIME')
        local nowms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        if till + 1000 <= nowms then return 0 end
        redis.call('SET', KEYS[1], string.format('%d', till), 'PXAT', string.format('%d', till + 1000))
        return 1
        """;

    /// <summary>
    /// Back on Redis after an outage. KEYS: bucket. ARGV: interval µs, capacity. A bucket Redis lost meanwhile (a restart
    /// without persistence, FLUSHALL) is written full, as the portal's own bucket most likely is after the replicas kept
    /// sending on their shares; a bucket Redis kept is left alone. Returns 1 when written, 0 otherwise.
    /// </summary>
    public const string Resume = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local full = now + tonumber(ARGV[1]) * tonumber(ARGV[2])
        redis.call('SET', KEYS[1], string.format('%d', full), 'PXAT', string.format('%d', math.floor(full / 1000) + 1000))
        return 1
        """;
}
