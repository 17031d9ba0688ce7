namespace Bitrix24.Cli.Arguments;

/// <summary>How a spec type looks on the command line, for help and for the message of a bad value.</summary>
internal static class ValueFormat
{
    /// <summary>The placeholder help shows after the option: <c>int</c>, <c>WELCOME|DEFAULT</c>, <c>Y|N</c>.</summary>
    public static string HelpName(Bitrix24ValueType type) => type.Kind switch
    {
        Bitrix24ValueKind.Enum => string.Join('|', type.EnumValues.Select(v => v.Wire)),
        Bitrix24ValueKind.YesNo => "Y|N",
        Bitrix24ValueKind.Boolean => "true|false",
        _ => type.ToString(),
    };

    /// <summary>What a valid value is, completing "expected ...".</summary>
    public static string Expected(Bitrix24ValueType type) => type.Kind switch
    {
        Bitrix24ValueKind.Int32 => "an integer (int), e.g. 112",
        Bitrix24ValueKind.Int64 => "an integer (long), e.g. 112",
        Bitrix24ValueKind.Double => "a number, e.g. 1.5",
        Bitrix24ValueKind.Boolean => "true or false",
        Bitrix24ValueKind.YesNo => "Y or N (yes/no and true/false are accepted too)",
        Bitrix24ValueKind.Enum => "one of " + string.Join(", ", type.EnumValues.Select(v => v.Wire)) + " (any case)",
        Bitrix24ValueKind.DateTime => "an ISO 8601 date and time with offset, e.g. 2025-01-31T14:30:00+03:00",
        Bitrix24ValueKind.Array => "a list (repeat the option or separate values with commas) where each value is " + Expected(type.ElementType!),
        _ => "text",
    };
}
