using Microsoft.Extensions.Logging;

namespace Bitrix24.Redis;

/// <summary>The package's log lines: portals and methods only, never a key's value or a credential's secret.</summary>
internal static class RedisLimitsLog
{
    private static readonly Action<ILogger, string, string, double, Exception?> s_fallingBack = LoggerMessage.Define<string, string, double>(
        LogLevel.Warning,
        new EventId(1, "RedisLimitsFallback"),
        "Redis is unreachable for the Bitrix24 shared limits (portal {Portal}: {Reason}); this process paces itself alone at {Share:0.##} of each portal's pace and burst until Redis answers again");

    private static readonly Action<ILogger, string, long, Exception?> s_backOnRedis = LoggerMessage.Define<string, long>(
        LogLevel.Information,
        new EventId(2, "RedisLimitsRecovered"),
        "Redis answers again for the Bitrix24 shared limits (portal {Portal}); the shared budget is used again ({FallbackCount} calls were answered by this process alone so far)");

    private static readonly Action<ILogger, string, string, Exception?> s_stillDown = LoggerMessage.Define<string, string>(
        LogLevel.Debug,
        new EventId(3, "RedisLimitsStillDown"),
        "Redis still fails for the Bitrix24 shared limits (portal {Portal}: {Reason}); staying on this process's own share");

    public static void FallingBack(ILogger logger, string portal, string reason, double share) => s_fallingBack(logger, portal, reason, share, null);

    public static void BackOnRedis(ILogger logger, string portal, long fallbackCount) => s_backOnRedis(logger, portal, fallbackCount, null);

    public static void StillDown(ILogger logger, string portal, string reason) => s_stillDown(logger, portal, reason, null);
}
