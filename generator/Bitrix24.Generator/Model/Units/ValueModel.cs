using Bitrix24.Generator.Model.Specs;

namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// A resolved value type: the spec's kind and container, and for enums and object types the generated
/// C# type (<c>global::Bitrix24.ImBot.Bot</c>) and the class that converts it
/// (<c>global::Bitrix24.ImBot.BotJson</c>, <c>global::Bitrix24.ImOpenLines.AutoMessageTypeWire</c>).
/// </summary>
/// <param name="IsNullable">The value may be null on the wire (the spec's <c>?</c>).</param>
/// <param name="ItemIsNullable">A map's values may be null (<c>map&lt;string?&gt;</c>).</param>
internal sealed record ValueModel(TypeKind Kind, Container Container, bool IsNullable, bool ItemIsNullable, string? TypeName, string? CodecType)
{
    public bool IsList => Container == Container.List;

    public bool IsMap => Container == Container.Map;

    /// <summary>The C# type of one item (or of the value, when it is not a list or map), <c>global::</c>-qualified.</summary>
    public string ElementType => Kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.String => "string",
        TypeKind.Bool or TypeKind.YesNo => "bool",
        TypeKind.Double => "double",
        TypeKind.DateTime => "global::System.DateTimeOffset",
        TypeKind.Json => "global::System.Text.Json.JsonElement",
        _ => TypeName!,
    };

    /// <summary>One item of a list or map as stored: map values the spec lets be null are nullable.</summary>
    public string ItemType => ElementType + (ItemIsNullable ? "?" : "");

    /// <summary>The C# type of the whole value: lists are read-only lists, maps read-only string-keyed dictionaries.</summary>
    public string CSharpType => Container switch
    {
        Container.List => "global::System.Collections.Generic.IReadOnlyList<" + ElementType + ">",
        Container.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + ItemType + ">",
        _ => ElementType,
    };

    /// <summary>Whether the C# type is a reference type (so "not set" and null are one and the same).</summary>
    public bool IsReferenceType => Container != Container.None || Kind is TypeKind.String or TypeKind.Object;

    /// <summary>One item is a C# reference type.</summary>
    public bool ElementIsReferenceType => Kind is TypeKind.String or TypeKind.Object;
}
