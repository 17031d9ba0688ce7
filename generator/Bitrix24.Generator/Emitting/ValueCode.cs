using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// The C# that reads and writes one value of a spec type, shared by method descriptors (parameters
/// and results) and object types (members): scalars through <c>Bitrix24Json</c>, enums through their
/// <c>...Wire</c> class, object types through their <c>...Json</c> class, lists and maps item by item.
/// </summary>
internal static class ValueCode
{
    private const string Json = "global::Bitrix24.Bitrix24Json";

    /// <summary>
    /// An expression reading the whole value; the reader is on its first token. <paramref name="orNull"/>:
    /// null (and PHP's <c>false</c>, except for booleans) reads as null instead of failing.
    /// </summary>
    /// <param name="nullStringItems">Strings in a list may be null (a method's list result, as PHP lists can hold null).</param>
    public static string Read(ValueModel type, bool orNull, bool nullStringItems = false)
    {
        bool nullItems = nullStringItems && type.Kind == TypeKind.String;
        string read = type.Container switch
        {
            Container.List => Json + ".ReadArray<" + type.ElementType + (nullItems ? "?" : "") + ">(ref reader, " + ItemReader(type, nullable: nullItems) + ")",
            Container.Map => Json + ".ReadMap<" + type.ItemType + ">(ref reader, " + ItemReader(type, nullable: type.ItemIsNullable) + ")",
            _ => ReadOne(type, "reader"),
        };

        // Raw JSON keeps whatever came, null and false included, unless the spec lets it be null.
        if (!orNull || (type.Container == Container.None && type.Kind == TypeKind.Json && !type.IsNullable))
        {
            return read;
        }

        // A list or map reads null as empty anyway; one declared '?' keeps null (and PHP's false, "" and "0" in a form) as null.
        if (type.Container != Container.None)
        {
            return type.IsNullable ? Json + ".IsNoneOrZero(ref reader) ? null : " + read : read;
        }

        // A form-encoded event writes null as "" and false as "0": a string keeps both as text; a number or enum
        // reads "" as none; an object or date, which "0" cannot be, reads both as none.
        return type.Kind switch
        {
            TypeKind.Bool or TypeKind.YesNo => "reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : " + read,
            TypeKind.String or TypeKind.Json => Json + ".IsNullOrFalse(ref reader) ? null : " + read,
            TypeKind.Object or TypeKind.DateTime => Json + ".IsNoneOrZero(ref reader) ? null : " + read,
            _ => Json + ".IsNone(ref reader) ? null : " + read,
        };
    }

    /// <summary>A method group (or, for nullable map values, a lambda) reading one item of a list or map.</summary>
    public static string ItemReader(ValueModel type, bool nullable)
    {
        string one = type.Kind switch
        {
            TypeKind.Int => Json + ".ReadInt32",
            TypeKind.Long => Json + ".ReadInt64",
            TypeKind.String => nullable ? Json + ".ReadString" : Json + ".ReadRequiredString",
            TypeKind.Bool or TypeKind.YesNo => Json + ".ReadBoolean",
            TypeKind.Double => Json + ".ReadDouble",
            TypeKind.DateTime => Json + ".ReadDateTime",
            TypeKind.Json => Json + ".ReadJson",
            _ => type.CodecType + ".Read",
        };

        if (!nullable || type.Kind == TypeKind.String)
        {
            return one;
        }

        string cast = type.ElementIsReferenceType ? "" : "(" + type.ElementType + "?)";
        return "static (ref global::System.Text.Json.Utf8JsonReader item) => item.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : "
            + cast + one + "(ref item)";
    }

    /// <summary>Statements writing <c>"wire": value</c>; <paramref name="value"/> is not null.</summary>
    /// <param name="wire">The member's name as a C# string literal.</param>
    public static void WriteMember(SourceWriter writer, string wire, string value, ValueModel type)
    {
        switch (type.Container)
        {
            case Container.List:
                writer.Line("writer.WriteStartArray(", wire, ");");
                writer.Line("foreach (var item in ", value, ")");
                using (writer.Open())
                {
                    WriteItem(writer, "item", type, nullable: false);
                }

                writer.Line();
                writer.Line("writer.WriteEndArray();");
                return;
            case Container.Map:
                writer.Line("writer.WriteStartObject(", wire, ");");
                writer.Line("foreach (var pair in ", value, ")");
                using (writer.Open())
                {
                    writer.Line("writer.WritePropertyName(pair.Key);");
                    WriteItem(writer, "pair.Value", type, nullable: type.ItemIsNullable);
                }

                writer.Line();
                writer.Line("writer.WriteEndObject();");
                return;
        }

        switch (type.Kind)
        {
            case TypeKind.Object:
                writer.Line("writer.WritePropertyName(", wire, ");");
                writer.Line(type.CodecType!, ".Write(writer, ", value, ");");
                return;
            case TypeKind.Json:
                writer.Line("writer.WritePropertyName(", wire, ");");
                writer.Line(value, ".WriteTo(writer);");
                return;
            default:
                writer.Line(WriteScalar(type, value, wire));
                return;
        }
    }

    /// <summary>Statements writing one item of a list or map, which may be null only where the spec says so.</summary>
    private static void WriteItem(SourceWriter writer, string value, ValueModel type, bool nullable)
    {
        if (type.Kind == TypeKind.Object)
        {
            writer.Line(type.CodecType!, ".Write(writer, ", value, ");");
            return;
        }

        if (type.Kind == TypeKind.Json)
        {
            writer.Line(value, ".WriteTo(writer);");
            return;
        }

        if (!nullable || type.Kind == TypeKind.String)
        {
            writer.Line(WriteScalar(type, value, null));
            return;
        }

        writer.Line("if (", value, " is { } present)");
        using (writer.Open())
        {
            writer.Line(WriteScalar(type, "present", null));
        }

        writer.Line("else");
        using (writer.Open())
        {
            writer.Line("writer.WriteNullValue();");
        }
    }

    /// <summary>A scalar or enum: <c>writer.WriteNumber("ID", value);</c>, or the value alone when <paramref name="wire"/> is null.</summary>
    private static string WriteScalar(ValueModel type, string value, string? wire)
    {
        string name = wire is null ? "" : wire + ", ";
        string suffix = wire is null ? "Value(" : "(";
        return type.Kind switch
        {
            TypeKind.Int or TypeKind.Long or TypeKind.Double => "writer.WriteNumber" + suffix + name + value + ");",
            TypeKind.String => "writer.WriteString" + suffix + name + value + ");",
            TypeKind.Bool => "writer.WriteBoolean" + suffix + name + value + ");",
            TypeKind.YesNo => "writer.WriteString" + suffix + name + value + " ? \"Y\" : \"N\");",
            TypeKind.DateTime => "writer.WriteString" + suffix + name + Json + ".FormatDateTime(" + value + "));",
            _ => "writer.WriteString" + suffix + name + type.CodecType + ".ToWire(" + value + "));",
        };
    }

    /// <summary>The catalog's description of a type (for the command line and other tools).</summary>
    public static string Catalog(ValueModel type)
    {
        string element = type.Kind switch
        {
            TypeKind.Int => "global::Bitrix24.Bitrix24ValueType.Int32",
            TypeKind.Long => "global::Bitrix24.Bitrix24ValueType.Int64",
            TypeKind.String => "global::Bitrix24.Bitrix24ValueType.String",
            TypeKind.Bool => "global::Bitrix24.Bitrix24ValueType.Boolean",
            TypeKind.YesNo => "global::Bitrix24.Bitrix24ValueType.YesNo",
            TypeKind.Double => "global::Bitrix24.Bitrix24ValueType.Double",
            TypeKind.DateTime => "global::Bitrix24.Bitrix24ValueType.DateTime",
            TypeKind.Json => "global::Bitrix24.Bitrix24ValueType.Json",
            _ => type.CodecType + ".ValueType",
        };
        return type.Container switch
        {
            Container.List => "global::Bitrix24.Bitrix24ValueType.ArrayOf(" + element + ")",
            Container.Map => "global::Bitrix24.Bitrix24ValueType.MapOf(" + element + ")",
            _ => element,
        };
    }

    /// <summary>One value that is neither a list nor a map.</summary>
    private static string ReadOne(ValueModel type, string reader) => type.Kind switch
    {
        TypeKind.Int => Json + ".ReadInt32(ref " + reader + ")",
        TypeKind.Long => Json + ".ReadInt64(ref " + reader + ")",
        TypeKind.String => Json + ".ReadString(ref " + reader + ")",
        TypeKind.Bool or TypeKind.YesNo => Json + ".ReadBoolean(ref " + reader + ")",
        TypeKind.Double => Json + ".ReadDouble(ref " + reader + ")",
        TypeKind.DateTime => Json + ".ReadDateTime(ref " + reader + ")",
        TypeKind.Json => Json + ".ReadJson(ref " + reader + ")",
        _ => type.CodecType + ".Read(ref " + reader + ")",
    };
}
