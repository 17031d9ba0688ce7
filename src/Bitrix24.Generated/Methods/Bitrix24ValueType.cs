namespace Bitrix24;

/// <summary>The type of a parameter or result as the spec gives it.</summary>
public sealed class Bitrix24ValueType
{
    private readonly Func<IReadOnlyList<Bitrix24MemberInfo>>? _members;
    private IReadOnlyList<Bitrix24MemberInfo>? _memberList;

    private Bitrix24ValueType(
        Bitrix24ValueKind kind,
        Bitrix24ValueType? elementType = null,
        string? enumName = null,
        IReadOnlyList<Bitrix24EnumValueInfo>? enumValues = null,
        string? objectName = null,
        Func<IReadOnlyList<Bitrix24MemberInfo>>? members = null)
    {
        Kind = kind;
        ElementType = elementType;
        EnumName = enumName;
        EnumValues = enumValues ?? Array.Empty<Bitrix24EnumValueInfo>();
        ObjectName = objectName;
        _members = members;
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

    /// <summary><c>json</c>: any JSON, passed as it is.</summary>
    public static Bitrix24ValueType Json { get; } = new(Bitrix24ValueKind.Json);

    /// <summary>The kind of value.</summary>
    public Bitrix24ValueKind Kind { get; }

    /// <summary>For arrays, the type of each element.</summary>
    public Bitrix24ValueType? ElementType { get; }

    /// <summary>For enums, the enum's name (<c>AutoMessageType</c>).</summary>
    public string? EnumName { get; }

    /// <summary>For enums, the allowed values in spec order; empty otherwise.</summary>
    public IReadOnlyList<Bitrix24EnumValueInfo> EnumValues { get; }

    /// <summary>For object types, the type's name (<c>BotProperties</c>).</summary>
    public string? ObjectName { get; }

    /// <summary>For object types, the members in spec order; empty otherwise.</summary>
    public IReadOnlyList<Bitrix24MemberInfo> Members => _memberList ??= _members?.Invoke() ?? Array.Empty<Bitrix24MemberInfo>();

    /// <summary>An array of <paramref name="elementType"/>.</summary>
    public static Bitrix24ValueType ArrayOf(Bitrix24ValueType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        return new Bitrix24ValueType(Bitrix24ValueKind.Array, elementType);
    }

    /// <summary>A string-keyed map of <paramref name="elementType"/> (<c>map&lt;T&gt;</c>).</summary>
    public static Bitrix24ValueType MapOf(Bitrix24ValueType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        return new Bitrix24ValueType(Bitrix24ValueKind.Map, elementType);
    }

    /// <summary>
    /// A spec object type. The members come from a function called on first use, so object types that
    /// hold each other's types can describe themselves in any order.
    /// </summary>
    public static Bitrix24ValueType Object(string name, Func<IReadOnlyList<Bitrix24MemberInfo>> members)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(members);
        return new Bitrix24ValueType(Bitrix24ValueKind.Object, objectName: name, members: members);
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
        Bitrix24ValueKind.Object => ObjectName!,
        Bitrix24ValueKind.Map => "map<" + ElementType + ">",
        Bitrix24ValueKind.Json => "json",
        _ => ElementType + "[]",
    };

    /// <summary>Finds a member of an object type by wire name, exactly (JSON keys are case-sensitive).</summary>
    public Bitrix24MemberInfo? FindMember(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        foreach (Bitrix24MemberInfo member in Members)
        {
            if (string.Equals(member.WireName, wireName, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }
}
