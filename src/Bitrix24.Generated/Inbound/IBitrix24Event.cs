namespace Bitrix24.Inbound;

/// <summary>
/// An event class generated from an <c>*.event.yaml</c> spec: the event's <c>data</c>, typed. The static
/// <see cref="EventType"/> lets the receiver and the DI registration find the event's wire name and
/// reader from the type alone, without reflection.
/// </summary>
/// <typeparam name="TSelf">The event class itself.</typeparam>
public interface IBitrix24Event<TSelf>
    where TSelf : class, IBitrix24Event<TSelf>
{
    /// <summary>The event's wire name and reader.</summary>
    static abstract Bitrix24EventType EventType { get; }
}
