using System.Globalization;

namespace Bitrix24.Emulator.Events;

/// <summary>What became of a delivery.</summary>
public enum EmulatedDeliveryStatus
{
    /// <summary>Queued, or being sent.</summary>
    Pending,

    /// <summary>The handler answered with a 2xx status.</summary>
    Delivered,

    /// <summary>The handler could not be reached, answered with another status, or did not answer in time. Not retried.</summary>
    Failed,
}

/// <summary>
/// One HTTP POST of an event to a handler URL: a Chatbots 2.0 event to a bot in <c>webhook</c> mode, or
/// <c>ONAPPINSTALL</c>/<c>ONAPPUNINSTALL</c> to an application. Bitrix24 "will log the failure but will not resend the
/// event" (REST docs, events index, "No retries"); neither does the emulator.
/// </summary>
public sealed class EmulatedDelivery
{
    private readonly TaskCompletionSource<EmulatedDelivery> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal EmulatedDelivery(int sequence, DateTimeOffset time, string eventName, Uri url, int? botId, string? applicationClientId, string body)
    {
        Sequence = sequence;
        Time = time;
        Event = eventName;
        Url = url;
        BotId = botId;
        ApplicationClientId = applicationClientId;
        Body = body;
        Fields = HttpBuildQuery.Decode(body);
    }

    /// <summary>1 for the first delivery the portal queued, then 2, 3, ... (the order they are sent in).</summary>
    public int Sequence { get; }

    /// <summary>When the event happened, by the portal's clock (the body's <c>ts</c>).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The event code, e.g. <c>ONIMBOTV2MESSAGEADD</c> or <c>ONAPPINSTALL</c>.</summary>
    public string Event { get; }

    /// <summary>Where it is POSTed: the bot's <c>webhookUrl</c>, or the application's handler.</summary>
    public Uri Url { get; }

    /// <summary>The bot it is for, or null for an application event.</summary>
    public int? BotId { get; }

    /// <summary>The OAuth application it is for (the bot's owner, or the application installed), or null for a bot registered through a webhook.</summary>
    public string? ApplicationClientId { get; }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body exactly as sent.</summary>
    public string Body { get; }

    /// <summary>The body's pairs, decoded (<c>data[bot][id]</c> → <c>456</c>), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>Pending until the POST ends, then delivered or failed.</summary>
    public EmulatedDeliveryStatus Status { get; private set; }

    /// <summary>The handler's HTTP status, or null when it gave none (refused connection, timeout).</summary>
    public int? HttpStatus { get; private set; }

    /// <summary>Why it failed (e.g. <c>HTTP 500</c>, <c>connection refused</c>, <c>timed out after 10 s</c>), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The start of the handler's answer (up to 4,096 characters), or null.</summary>
    public string? ResponseBody { get; private set; }

    /// <summary>How long the POST took, by the wall clock; null while pending.</summary>
    public TimeSpan? Duration { get; private set; }

    /// <summary>Whether the handler answered 2xx.</summary>
    public bool Succeeded => Status == EmulatedDeliveryStatus.Delivered;

    /// <summary>Completes with this delivery when it is no longer pending.</summary>
    public Task<EmulatedDelivery> Completion => _completed.Task;

    /// <summary>The value of one decoded key, e.g. <c>Field("data[message][text]")</c>; null when the body has no such key.</summary>
    public string? Field(string key) => Fields.FirstOrDefault(f => f.Key == key) is { Key: not null } pair ? pair.Value : null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Sequence} {Event} -> {Url} {Status}{(HttpStatus is int status ? " " + status.ToString(CultureInfo.InvariantCulture) : string.Empty)}{(Error is null ? string.Empty : " (" + Error + ")")}";

    internal void Finish(int? httpStatus, string? error, string? responseBody, TimeSpan duration)
    {
        HttpStatus = httpStatus;
        Error = error;
        ResponseBody = responseBody;
        Duration = duration;
        Status = error is null ? EmulatedDeliveryStatus.Delivered : EmulatedDeliveryStatus.Failed;
        _completed.TrySetResult(this);
    }
}
