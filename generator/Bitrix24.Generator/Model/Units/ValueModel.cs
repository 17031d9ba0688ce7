using Bitrix24.Generator.Model.Specs;

namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// A resolved value type: the spec's kind, and for enums the generated C# types
/// (<c>global::Bitrix24.ImOpenLines.AutoMessageType</c> and its wire converter).
/// </summary>
internal sealed record ValueModel(TypeKind Kind, bool IsArray, string? EnumType, string? EnumWireType)
{
    /// <summary>The C# type of one element, <c>global::</c>-qualified.</summary>
    public string ElementType => Kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.String => "string",
        TypeKind.Bool or TypeKind.YesNo => "bool",
        TypeKind.Double => "double",
        TypeKind.DateTime => "global::System.DateTimeOffset",
        _ => EnumType!,
    };

    /// <summary>The C# type of the whole value: arrays are read-only lists.</summary>
    public string CSharpType => IsArray ? "global::System.Collections.Generic.IReadOnlyList<" + ElementType + ">" : ElementType;

    public bool IsReferenceType => IsArray || Kind == TypeKind.String;
}
