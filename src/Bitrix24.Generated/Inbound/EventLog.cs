using Microsoft.Extensions.Logging;

namespace Bitrix24.Inbound;

/// <summary>
/// The log lines of receiving and polling events. They name the event, the portal's domain, the bot and the
/// event id; never a token, and never a value of the body (a refused delivery is described by its problem).
/// </summary>
internal static partial class EventLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Bitrix24 event delivery refused with {StatusCode}: {Problem}")]
    public static partial void DeliveryRefused(ILogger logger, int statusCode, string problem);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Bitrix24 event {EventName} from {Domain} rejected: {Problem}")]
    public static partial void DeliveryRejected(ILogger logger, string eventName, string? domain, string problem);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Bitrix24 event {EventName} from {Domain} has no handler; answered 200")]
    public static partial void NoHandler(ILogger logger, string eventName, string? domain);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Bitrix24 event {EventName} from {Domain} (user {UserId}, event id {EventId}): a handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventName, string? domain, int? userId, long? eventId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Bitrix24 event {EventName} from {Domain} handled in {DurationMs:0} ms")]
    public static partial void Handled(ILogger logger, string eventName, string? domain, double durationMs);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Bitrix24 events of bot {BotId}: polling failed ({Error}); next poll in {DelayMs:0} ms")]
    public static partial void PollFailed(ILogger logger, int botId, string error, double delayMs);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Bitrix24 event {EventId} ({EventName}) of bot {BotId}: attempt {Attempt} of {MaxAttempts} failed; it is fetched again")]
    public static partial void PolledHandlerFailed(ILogger logger, Exception exception, long eventId, string eventName, int botId, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Bitrix24 event {EventId} ({EventName}) of bot {BotId} skipped: {Reason}")]
    public static partial void PolledEventSkipped(ILogger logger, long eventId, string eventName, int botId, string reason);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Bitrix24 events of bot {BotId}: polling from offset {Offset}")]
    public static partial void PollingStarted(ILogger logger, int botId, long? offset);
}
