using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Cli.Arguments;

/// <summary>
/// Turns the text given for a parameter into the JSON value its spec type sends, exactly as the
/// generated code would write it: numbers as numbers, <c>yn</c> as "Y"/"N", enums as their wire value,
/// date-times in the SDK's wire format. Objects, maps, json and lists of them are JSON
/// (<see cref="TryParseJson"/>), checked against the spec's type.
/// </summary>
internal static class ParameterValueParser
{
    // With an offset only: a date-time without one would silently mean the machine's time zone.
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>Parses what followed the option (all its occurrences, for arrays).</summary>
    /// <param name="type">The parameter's spec type.</param>
    /// <param name="tokens">The texts; none for a boolean used as a flag (<c>--leave</c> means Y).</param>
    /// <param name="value">The JSON to send.</param>
    /// <param name="invalid">The text that could not be read, for the error message.</param>
    public static bool TryParse(
        Bitrix24ValueType type,
        IReadOnlyList<string> tokens,
        [NotNullWhen(true)] out JsonNode? value,
        [NotNullWhen(false)] out string? invalid)
    {
        if (type.Kind == Bitrix24ValueKind.Array)
        {
            return TryParseArray(type.ElementType!, tokens, out value, out invalid);
        }

        if (tokens.Count == 0 && type.Kind is Bitrix24ValueKind.Boolean or Bitrix24ValueKind.YesNo)
        {
            value = type.Kind == Bitrix24ValueKind.YesNo ? JsonValue.Create("Y") : JsonValue.Create(true);
            invalid = null;
            return true;
        }

        string text = tokens.Count == 1 ? tokens[0] : string.Join(' ', tokens);
        value = ParseScalar(type, text);
        invalid = value is null ? text : null;
        return value is not null;
    }

    /// <summary>
    /// Whether the value is read as JSON: always for objects, maps, json and lists of them; for a list of
    /// scalars when it is given as a JSON array (<c>--ids [1,2]</c>) rather than as plain values.
    /// </summary>
    public static bool IsJson(Bitrix24ValueType type, IReadOnlyList<string> tokens) =>
        ValueShape.TakesJson(type)
        || (type.Kind == Bitrix24ValueKind.Array && tokens.Any(token => token.TrimStart().StartsWith('[')));

    /// <summary>Reads and checks a value given as JSON (<see cref="IsJson"/>), inline or from <c>@file</c>.</summary>
    /// <param name="type">The parameter's spec type.</param>
    /// <param name="wireName">The parameter's wire name, which starts the path of every problem.</param>
    /// <param name="tokens">The texts given: one.</param>
    /// <param name="workingDirectory">Where a relative <c>@file</c> path starts.</param>
    /// <param name="value">The JSON to send: as given, with yn booleans as "Y"/"N"; null for a JSON null.</param>
    /// <param name="problems">Every problem found, each naming its path; empty on success.</param>
    public static bool TryParseJson(
        Bitrix24ValueType type,
        string wireName,
        IReadOnlyList<string> tokens,
        string workingDirectory,
        out JsonNode? value,
        out IReadOnlyList<string> problems)
    {
        value = null;
        if (tokens.Count != 1)
        {
            problems = [$"a JSON value must be the only value of the parameter; got {tokens.Count}"];
            return false;
        }

        // A list of scalars gets here only as a JSON array ("[..."), so "@anna" in a string list stays text.
        if (!JsonArgument.TryRead(tokens[0], workingDirectory, out JsonElement json, out string? problem))
        {
            problems = ValueShape.TakesJson(type)
                ? [problem]
                : [problem + " A list value starting with '[' is read as a JSON array; for text that starts with '[', give the whole list as JSON: '[\"[text]\"]'."];
            return false;
        }

        (value, problems) = JsonValueChecker.Check(json, type, wireName);
        return problems.Count == 0;
    }

    /// <summary>Whether the text is a date-time the SDK accepts: ISO 8601 with an offset.</summary>
    public static bool IsDateTime(string text) => ParseDateTime(text) is not null;

    private static bool TryParseArray(Bitrix24ValueType elementType, IReadOnlyList<string> tokens, [NotNullWhen(true)] out JsonNode? value, [NotNullWhen(false)] out string? invalid)
    {
        var array = new JsonArray();
        foreach (string piece in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            JsonNode? element = ParseScalar(elementType, piece);
            if (element is null)
            {
                value = null;
                invalid = piece;
                return false;
            }

            array.Add(element);
        }

        value = array;
        invalid = null;
        return true;
    }

    private static JsonNode? ParseScalar(Bitrix24ValueType type, string text) => type.Kind switch
    {
        Bitrix24ValueKind.Int32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? JsonValue.Create(i) : null,
        Bitrix24ValueKind.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? JsonValue.Create(l) : null,
        Bitrix24ValueKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? JsonValue.Create(d) : null,
        Bitrix24ValueKind.Boolean => ParseYesNo(text) is bool b ? JsonValue.Create(b) : null,
        Bitrix24ValueKind.YesNo => ParseYesNo(text) is bool yn ? JsonValue.Create(yn ? "Y" : "N") : null,
        Bitrix24ValueKind.Enum => FindEnumValue(type, text) is { } wire ? JsonValue.Create(wire) : null,
        Bitrix24ValueKind.DateTime => ParseDateTime(text) is { } moment ? JsonValue.Create(Bitrix24Json.FormatDateTime(moment)) : null,
        Bitrix24ValueKind.String => JsonValue.Create(text),

        // A list inside a list has no command-line spelling.
        _ => null,
    };

    private static bool? ParseYesNo(string text) => text.ToUpperInvariant() switch
    {
        "Y" or "YES" or "TRUE" => true,
        "N" or "NO" or "FALSE" => false,
        _ => null,
    };

    /// <summary>The wire value matching <paramref name="text"/> by wire value or C# name, ignoring case.</summary>
    private static string? FindEnumValue(Bitrix24ValueType type, string text) =>
        type.EnumValues.FirstOrDefault(v => string.Equals(v.Wire, text, StringComparison.OrdinalIgnoreCase))?.Wire
        ?? type.EnumValues.FirstOrDefault(v => string.Equals(v.Name, text, StringComparison.OrdinalIgnoreCase))?.Wire;

    private static DateTimeOffset? ParseDateTime(string text) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : null;
}
