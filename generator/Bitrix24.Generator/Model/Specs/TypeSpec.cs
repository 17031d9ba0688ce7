namespace Bitrix24.Generator.Model.Specs;

/// <summary>The spec's value types, and what a named type resolves to.</summary>
internal enum TypeKind
{
    Int,
    Long,
    String,
    Bool,
    YesNo,
    Double,
    DateTime,

    /// <summary>Any JSON, kept as it came (<c>json</c>): the escape hatch for documented but untyped parts.</summary>
    Json,

    /// <summary>A PascalCase name as written in a spec; the build resolves it to <see cref="Enum"/> or <see cref="Object"/>.</summary>
    Named,

    /// <summary>A spec enum (resolved).</summary>
    Enum,

    /// <summary>A spec object type (resolved).</summary>
    Object,
}

/// <summary>What holds the values: one value, a list of them, or a string-keyed map of them.</summary>
internal enum Container
{
    None,
    List,
    Map,
}

/// <summary>
/// A parsed type expression: <c>int</c>, <c>yn</c>, <c>AutoMessageType</c>, <c>Bot</c>, <c>string[]</c>,
/// <c>User[]</c>, <c>map&lt;int&gt;</c>, <c>map&lt;string?&gt;</c>, <c>json</c>, and any of them with a
/// trailing <c>?</c> (the value may be null on the wire).
/// </summary>
/// <param name="Kind">The kind of one value (for lists and maps, of each item).</param>
/// <param name="Name">For <see cref="TypeKind.Named"/>, the name.</param>
/// <param name="Container">Whether it is one value, a list or a map.</param>
/// <param name="IsNullable">The whole value may be null (<c>string?</c>, <c>int[]?</c>, <c>map&lt;int&gt;?</c>).</param>
/// <param name="ItemIsNullable">A map's values may be null (<c>map&lt;string?&gt;</c>).</param>
internal readonly record struct TypeSpec(TypeKind Kind, string? Name, Container Container, bool IsNullable, bool ItemIsNullable)
{
    private const string MapPrefix = "map<";

    public override string ToString()
    {
        string item = (Kind == TypeKind.Named ? Name! : Spelling(Kind)) + (ItemIsNullable ? "?" : "");
        string value = Container switch
        {
            Container.List => item + "[]",
            Container.Map => MapPrefix + item + ">",
            _ => item,
        };
        return value + (IsNullable ? "?" : "");
    }

    /// <summary>Reads a type as written in a spec; false when it is not one of the forms above.</summary>
    public static bool TryParse(string text, out TypeSpec type)
    {
        type = default;
        string rest = text.Trim();
        bool nullable = rest.EndsWith("?", System.StringComparison.Ordinal);
        if (nullable)
        {
            rest = rest.Substring(0, rest.Length - 1);
        }

        if (rest.StartsWith(MapPrefix, System.StringComparison.Ordinal) && rest.EndsWith(">", System.StringComparison.Ordinal))
        {
            string value = rest.Substring(MapPrefix.Length, rest.Length - MapPrefix.Length - 1);
            bool valueNullable = value.EndsWith("?", System.StringComparison.Ordinal);
            if (valueNullable)
            {
                value = value.Substring(0, value.Length - 1);
            }

            if (!TryParseItem(value, out TypeKind mapKind, out string? mapName))
            {
                return false;
            }

            type = new TypeSpec(mapKind, mapName, Container.Map, nullable, valueNullable);
            return true;
        }

        bool isList = rest.EndsWith("[]", System.StringComparison.Ordinal);
        if (isList)
        {
            rest = rest.Substring(0, rest.Length - 2);
        }

        if (!TryParseItem(rest, out TypeKind kind, out string? name))
        {
            return false;
        }

        type = new TypeSpec(kind, name, isList ? Container.List : Container.None, nullable, false);
        return true;
    }

    /// <summary>Enum and object type names start with an upper-case letter and hold only letters and digits.</summary>
    public static bool IsTypeName(string name)
    {
        if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseItem(string text, out TypeKind kind, out string? name)
    {
        name = null;
        TypeKind? builtIn = text switch
        {
            "int" => TypeKind.Int,
            "long" => TypeKind.Long,
            "string" => TypeKind.String,
            "bool" => TypeKind.Bool,
            "yn" => TypeKind.YesNo,
            "double" => TypeKind.Double,
            "datetime" => TypeKind.DateTime,
            "json" => TypeKind.Json,
            _ => null,
        };

        if (builtIn is { } known)
        {
            kind = known;
            return true;
        }

        // Type names are PascalCase; a lower-case word is a misspelt built-in type.
        kind = TypeKind.Named;
        name = text;
        return IsTypeName(text);
    }

    private static string Spelling(TypeKind kind) => kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.String => "string",
        TypeKind.Bool => "bool",
        TypeKind.YesNo => "yn",
        TypeKind.Double => "double",
        TypeKind.DateTime => "datetime",
        TypeKind.Json => "json",
        _ => kind.ToString(),
    };
}
