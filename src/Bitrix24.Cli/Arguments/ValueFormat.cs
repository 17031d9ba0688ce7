namespace Bitrix24.Cli.Arguments;

/// <summary>How a spec type looks on the command line, for help and for the message of a bad value.</summary>
internal static class ValueFormat
{
    /// <summary>A date-time as the SDK writes it, for examples.</summary>
    public const string DateTimeExample = "2025-01-31T14:30:00+03:00";

    /// <summary>The placeholder help shows after the option: <c>int</c>, <c>WELCOME|DEFAULT</c>, <c>Y|N</c>, <c>MessageFields</c>.</summary>
    public static string HelpName(Bitrix24ValueType type) => type.Kind switch
    {
        Bitrix24ValueKind.Enum => string.Join('|', type.EnumValues.Select(v => v.Wire)),
        Bitrix24ValueKind.YesNo => "Y|N",
        Bitrix24ValueKind.Boolean => "true|false",
        _ => type.ToString(),
    };

    /// <summary>What a valid value is on the command line, completing "expected ...".</summary>
    public static string Expected(Bitrix24ValueType type) => type.Kind switch
    {
        Bitrix24ValueKind.Int32 => "an integer (int), e.g. 112",
        Bitrix24ValueKind.Int64 => "an integer (long), e.g. 112",
        Bitrix24ValueKind.Double => "a number, e.g. 1.5",
        Bitrix24ValueKind.Boolean => "true or false",
        Bitrix24ValueKind.YesNo => "Y or N (yes/no and true/false are accepted too)",
        Bitrix24ValueKind.Enum => "one of " + string.Join(", ", type.EnumValues.Select(v => v.Wire)) + " (any case)",
        Bitrix24ValueKind.DateTime => "an ISO 8601 date and time with offset, e.g. " + DateTimeExample,
        Bitrix24ValueKind.Array when ValueShape.TakesJson(type) => JsonExpected(type) + " as JSON, or @file with it",
        Bitrix24ValueKind.Array => "a list (repeat the option or separate values with commas, or give a JSON array) where each value is " + Expected(type.ElementType!),
        Bitrix24ValueKind.Object or Bitrix24ValueKind.Map => JsonExpected(type) + " as JSON, or @file with it",
        Bitrix24ValueKind.Json => "any JSON, or @file with it",
        _ => "text",
    };

    /// <summary>What a valid JSON value of the type is, completing "expected ..." in the check of a JSON parameter.</summary>
    public static string JsonExpected(Bitrix24ValueType type) => type.Kind switch
    {
        Bitrix24ValueKind.Int32 => "an integer (int)",
        Bitrix24ValueKind.Int64 => "an integer (long)",
        Bitrix24ValueKind.Double => "a number",
        Bitrix24ValueKind.String => "a string",
        Bitrix24ValueKind.Boolean => "true or false",
        Bitrix24ValueKind.YesNo => "\"Y\" or \"N\" (or true/false)",
        Bitrix24ValueKind.Enum => "one of " + string.Join(", ", type.EnumValues.Select(v => "\"" + v.Wire + "\"")),
        Bitrix24ValueKind.DateTime => "an ISO 8601 date and time with offset as a string, e.g. \"" + DateTimeExample + "\"",
        Bitrix24ValueKind.Array => "an array of " + type.ElementType,
        Bitrix24ValueKind.Object => "an object (" + type.ObjectName + ")",
        Bitrix24ValueKind.Map => "an object of string keys to " + type.ElementType + " values (" + type + ")",
        _ => "any JSON",
    };
}
