using System.Buffers;
using System.Text.Json;

namespace Bitrix24.Inbound;

/// <summary>
/// The poller's own call of <c>imbot.v2.Event.get</c>. The generated method (from its spec) serves apps;
/// the runtime cannot depend on generated code, and the poller wants each event's <c>data</c> as raw JSON
/// for the generated event readers rather than as a <see cref="JsonElement"/> to copy again.
/// </summary>
internal static class EventGetCall
{
    public static readonly Bitrix24Method<EventGetRequest, EventPage> Descriptor = new()
    {
        Name = "imbot.v2.Event.get",
        Summary = "Gets the bot's events in fetch mode, acknowledging the ones before offset (the event poller's call).",
        Scopes = new[] { "imbot" },
        IsIdempotent = true,
        Result = Bitrix24ValueType.Json,
        WriteParameters = Write,
        ReadResult = Read,
    };

    private static void Write(Utf8JsonWriter writer, EventGetRequest request)
    {
        writer.WriteNumber("botId", request.BotId);
        if (request.BotToken is not null)
        {
            writer.WriteString("botToken", request.BotToken);
        }

        if (request.Offset is { } offset)
        {
            writer.WriteNumber("offset", offset);
        }

        writer.WriteNumber("limit", request.Limit);
    }

    private static EventPage Read(ref Utf8JsonReader reader)
    {
        var events = new List<PolledEvent>();
        long? nextOffset = null, lastEventId = null;
        bool hasMore = false;
        if (!Bitrix24Json.ReadObjectStart(ref reader))
        {
            return new EventPage(events, null, false, null);
        }

        string member = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.GetString()!;
                reader.Read();
                switch (member)
                {
                    case "events":
                        events.AddRange(Bitrix24Json.ReadArray(ref reader, ReadEvent));
                        break;
                    case "nextOffset":
                        nextOffset = Bitrix24Json.IsNone(ref reader) ? null : Bitrix24Json.ReadInt64(ref reader);
                        break;
                    case "lastEventId":
                        lastEventId = Bitrix24Json.IsNone(ref reader) ? null : Bitrix24Json.ReadInt64(ref reader);
                        break;
                    case "hasMore":
                        hasMore = reader.TokenType != JsonTokenType.Null && Bitrix24Json.ReadBoolean(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Bitrix24Json.InMember(ex, member);
        }

        return new EventPage(events, nextOffset, hasMore, lastEventId);
    }

    private static PolledEvent ReadEvent(ref Utf8JsonReader reader)
    {
        long? eventId = null;
        string? type = null;
        DateTimeOffset? date = null;
        ReadOnlyMemory<byte> data = default;
        Bitrix24Json.ReadObjectStart(ref reader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string member = reader.GetString()!;
            reader.Read();
            switch (member)
            {
                case "eventId":
                    eventId = Bitrix24Json.ReadInt64(ref reader);
                    break;
                case "type":
                    type = Bitrix24Json.ReadString(ref reader);
                    break;
                case "date":
                    date = Bitrix24Json.IsNoneOrZero(ref reader) ? null : Bitrix24Json.ReadDateTime(ref reader);
                    break;
                case "data":
                    data = Copy(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PolledEvent(eventId ?? throw Bitrix24Json.MissingMember("eventId"), type ?? string.Empty, date, data);
    }

    /// <summary>The value as its own JSON, detached from the response buffer.</summary>
    private static ReadOnlyMemory<byte> Copy(ref Utf8JsonReader reader)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        return buffer.WrittenMemory;
    }
}

/// <summary>What the poller asks <c>imbot.v2.Event.get</c> for.</summary>
internal sealed record EventGetRequest(int BotId, string? BotToken, long? Offset, int Limit);

/// <summary>One page of a bot's events, oldest first.</summary>
internal sealed record EventPage(List<PolledEvent> Events, long? NextOffset, bool HasMore, long? LastEventId);

/// <summary>One event of a page, its data as raw JSON (empty when the event has none).</summary>
internal sealed record PolledEvent(long EventId, string Type, DateTimeOffset? Date, ReadOnlyMemory<byte> Data);
