using System.Text.Json;

namespace Bitrix24.Inbound;

/// <summary>
/// One kind of event: the name the portal sends (<c>ONIMBOTV2MESSAGEADD</c>), the generated class, and the
/// generated reader of its <c>data</c>. Generated event classes expose theirs through
/// <see cref="IBitrix24Event{TSelf}.EventType"/>.
/// </summary>
public sealed class Bitrix24EventType
{
    private readonly Func<ReadOnlyMemory<byte>, object> _read;

    private Bitrix24EventType(string name, Type clrType, Func<ReadOnlyMemory<byte>, object> read)
    {
        Name = name;
        ClrType = clrType;
        _read = read;
    }

    /// <summary>The event's name on the wire, upper case: <c>ONIMBOTV2MESSAGEADD</c>.</summary>
    public string Name { get; }

    /// <summary>The generated class of its <c>data</c>.</summary>
    public Type ClrType { get; }

    /// <summary>Describes an event; the generated code calls it once per event class.</summary>
    /// <param name="name">The event's name on the wire.</param>
    /// <param name="read">Reads the event's <c>data</c> object from the reader's current token.</param>
    public static Bitrix24EventType Create<TEvent>(string name, Bitrix24ResultReader<TEvent> read)
        where TEvent : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(read);
        return new Bitrix24EventType(name, typeof(TEvent), json =>
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 256 });
            reader.Read();
            return read(ref reader);
        });
    }

    /// <summary>Reads the <c>data</c> JSON of one event of this kind; throws <see cref="JsonException"/> naming the member for a bad one.</summary>
    internal object ReadData(ReadOnlyMemory<byte> dataJson) => _read(dataJson);

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + ClrType.Name + ")";
}
