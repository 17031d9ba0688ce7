namespace Bitrix24.Inbound;

/// <summary>
/// A delivery's top level, read before anything else: the event's name, the <c>auth</c> block that proves
/// it genuine, and where its <c>data</c> lies, so the data is read only for a verified event with a handler.
/// </summary>
internal sealed class EventEnvelope
{
    public required string EventName { get; init; }

    public Bitrix24EventAuth? Auth { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The <c>data</c> value's JSON (an object), or empty when the delivery has none.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }
}
