namespace Bitrix24;

/// <summary>The type of a parameter or result as the spec gives it.</summary>
public sealed class Bitrix24ValueType
{
    private Bitrix24ValueType(Bitrix24ValueKind kind, Bitrix24ValueType? elementType = null, string? enumName = null, IReadOnlyList<Bitrix24EnumValueInfo>? enumValues = null)
    {
        Kind = kind;
        ElementType = elementType;
        EnumName = enumName;
        EnumValues = enumValues ?? Array.Empty<Bitrix24EnumValueInfo>();
    }

    /// <summary><c>int</c>.</summary>
    public static Bitrix24ValueType Int32 { get; } = new(Bitrix24ValueKind.Int32);

    /// <summary><c>long</c>.</summary>
    public static Bitrix24ValueType Int64 { get; } = new(Bitrix24ValueKind.Int64);

    /// <summary><c>string</c>.</summary>
    public static Bitrix24ValueType String { get; } = new(Bitrix24ValueKind.String);

    /// <summary><c>bool</c>.</summary>
    public static Bitrix24ValueType Boolean { get; } = new(Bitrix24ValueKind.Boolean);

    /// <summary><c>yn</c>: a boolean sent as "Y"/"N".</summary>
    public static Bitrix24ValueType YesNo { get; } = new(Bitrix24ValueKind.YesNo);

    /// <summary><c>double</c>.</summary>
    public static Bitrix24ValueType Double { get; } = new(Bitrix24ValueKind.Double);

    /// <summary><c>datetime</c>.</summary>
    public static Bitrix24ValueType DateTime { get; } = new(Bitrix24ValueKind.DateTime);

    /// <summary>The kind of value.</summary>
    public Bitrix24ValueKind Kind { get; }

    /// <summary>For arrays, the type of each element.</summary>
    public Bitrix24ValueType? ElementType { get; }

    /// <summary>For enums, the enum's name (<c>AutoMessageType</c>).</summary>
    public string? EnumName { get; }

    /// <summary>For enums, the allowed values in spec order; empty otherwise.</summary>
    public IReadOnlyList<Bitrix24EnumValueInfo> EnumValues { get; }

    /// <summary>An array of <paramref name="elementType"/>.</summary>
    public static Bitrix24ValueType ArrayOf(Bitrix24ValueType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        return new Bitrix24ValueType(Bitrix24ValueKind.Array, elementType);
    }

    /// <summary>A spec enum with its allowed values.</summary>
    public static Bitrix24ValueType Enum(string name, IReadOnlyList<Bitrix24EnumValueInfo> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        return new Bitrix24ValueType(Bitrix24ValueKind.Enum, enumName: name, enumValues: values);
    }

    /// <summary>The spec's spelling: <c>int</c>, <c>yn</c>, <c>AutoMessageType</c>, <c>string[]</c>.</summary>
    public override string ToString() => Kind switch
    {
        Bitrix24ValueKind.Int32 => "int",
        Bitrix24ValueKind.Int64 => "long",
        Bitrix24ValueKind.String => "string",
        Bitrix24ValueKind.Boolean => "bool",
        Bitrix24ValueKind.YesNo => "yn",
        Bitrix24ValueKind.Double => "double",
        Bitrix24ValueKind.DateTime => "datetime",
        Bitrix24ValueKind.Enum => EnumName!,
        _ => ElementType + "[]",
    };
}
