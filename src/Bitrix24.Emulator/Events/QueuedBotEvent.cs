using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// An event waiting in a <c>fetch</c>-mode bot's queue until <c>imbot.v2.Event.get</c> acknowledges it (an <c>offset</c>
/// above its <see cref="EventId"/>).
/// </summary>
public sealed class QueuedBotEvent
{
    private readonly JsonObject _data;

    internal QueuedBotEvent(long eventId, string type, DateTimeOffset date, JsonObject data)
    {
        EventId = eventId;
        Type = type;
        Date = date;
        _data = data;
    }

    /// <summary>The event's id: increasing across the portal (one sequence for all bots), starting at 1.</summary>
    public long EventId { get; }

    /// <summary>The event code, e.g. <c>ONIMBOTV2MESSAGEADD</c>.</summary>
    public string Type { get; }

    /// <summary>When it happened, by the portal's clock.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>The event's <c>data</c> as <c>Event.get</c> returns it (<c>bot</c> the full Bot object); each read returns a fresh copy.</summary>
    public JsonObject Data => (JsonObject)_data.DeepClone();

    /// <inheritdoc/>
    public override string ToString() => $"#{EventId} {Type}";
}
