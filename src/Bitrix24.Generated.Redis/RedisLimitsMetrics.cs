using System.Diagnostics.Metrics;

namespace Bitrix24.Redis;

/// <summary>
/// <c>bitrix24.redis.fallbacks</c> on the SDK's meter (<c>Bitrix24.Generated</c>): limiter calls answered by this process's
/// own share because Redis was down, stalled or behind an open breaker.
/// </summary>
internal static class RedisLimitsMetrics
{
    private static readonly Meter s_meter = new(Bitrix24Metrics.MeterName);
    private static readonly Counter<long> s_fallbacks = s_meter.CreateCounter<long>("bitrix24.redis.fallbacks", "{call}", "Limiter calls answered by the process's own share while Redis was unavailable.");

    public static void Fallback() => s_fallbacks.Add(1);
}
