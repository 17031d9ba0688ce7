using Microsoft.Extensions.Logging;

namespace Bitrix24;

/// <summary>
/// Every log line the SDK writes, source-generated (no formatting cost when the level is off). Lines
/// name the portal's host and the method, never a URL path (it holds the webhook code), a token or
/// the client secret; portal texts are redacted before they get here.
/// </summary>
internal static partial class Bitrix24Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Bitrix24 {Method} on {Portal}: HTTP {StatusCode} in {DurationMs:0} ms, attempt {Attempt}")]
    public static partial void CallSucceeded(ILogger logger, string method, string portal, int statusCode, double durationMs, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bitrix24 {Method} on {Portal} failed: {Error} (HTTP {StatusCode}) in {DurationMs:0} ms, attempt {Attempt}")]
    public static partial void CallFailed(ILogger logger, string method, string portal, string error, int statusCode, double durationMs, int attempt);

    /// <summary>A failure before any HTTP status came back (refused, dropped, timed out, cancelled).</summary>
    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Bitrix24 {Method} on {Portal} failed: {Error} (no HTTP status) in {DurationMs:0} ms, attempt {Attempt}")]
    public static partial void CallFailedWithoutStatus(ILogger logger, string method, string portal, string error, double durationMs, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Bitrix24 {Method} on {Portal}: attempt {Attempt} failed with {Error}; repeating in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string portal, int attempt, string error, double delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Bitrix24 {Method} on {Portal} is blocked by its operating-time limit until {Until:u}; waiting")]
    public static partial void WaitingForOperatingLimit(ILogger logger, string method, string portal, DateTimeOffset until);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Bitrix24 {Method} on {Portal} waited {WaitMs:0} ms for the client's rate limit ({RateLimit})")]
    public static partial void WaitedForRateLimit(ILogger logger, string method, string portal, double waitMs, string rateLimit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Bitrix24 {Method} on {Portal}: the access token expired; refreshing it")]
    public static partial void RefreshingToken(ILogger logger, string method, string portal);
}
