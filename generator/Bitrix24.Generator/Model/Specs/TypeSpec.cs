namespace Bitrix24.Generator.Model.Specs;

/// <summary>The spec's value types.</summary>
internal enum TypeKind
{
    Int,
    Long,
    String,
    Bool,
    YesNo,
    Double,
    DateTime,
    Enum,
}

/// <summary>A parsed type expression such as <c>int</c>, <c>yn</c>, <c>AutoMessageType</c> or <c>string[]</c>.</summary>
internal readonly record struct TypeSpec(TypeKind Kind, string? EnumName, bool IsArray)
{
    public override string ToString() => (Kind == TypeKind.Enum ? EnumName : Spelling(Kind)) + (IsArray ? "[]" : string.Empty);

    /// <summary>Reads a type as written in a spec; false when it is neither a known type nor an enum name.</summary>
    public static bool TryParse(string text, out TypeSpec type)
    {
        type = default;
        string name = text.Trim();
        bool isArray = name.EndsWith("[]", System.StringComparison.Ordinal);
        if (isArray)
        {
            name = name.Substring(0, name.Length - 2);
        }

        TypeKind? builtIn = name switch
        {
            "int" => TypeKind.Int,
            "long" => TypeKind.Long,
            "string" => TypeKind.String,
            "bool" => TypeKind.Bool,
            "yn" => TypeKind.YesNo,
            "double" => TypeKind.Double,
            "datetime" => TypeKind.DateTime,
            _ => null,
        };

        if (builtIn is { } kind)
        {
            type = new TypeSpec(kind, null, isArray);
            return true;
        }

        // Enum names are PascalCase identifiers; a lower-case word is a misspelt built-in type.
        if (IsEnumName(name))
        {
            type = new TypeSpec(TypeKind.Enum, name, isArray);
            return true;
        }

        return false;
    }

    /// <summary>Enum names start with an upper-case letter and hold only letters and digits.</summary>
    public static bool IsEnumName(string name)
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

    private static string Spelling(TypeKind kind) => kind switch
    {
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.String => "string",
        TypeKind.Bool => "bool",
        TypeKind.YesNo => "yn",
        TypeKind.Double => "double",
        TypeKind.DateTime => "datetime",
        _ => kind.ToString(),
    };
}
