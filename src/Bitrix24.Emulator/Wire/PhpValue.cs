using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Wire;

/// <summary>
/// How the portal's PHP handlers read loosely typed parameters: <c>intval()</c>, <c>isset()</c> and
/// string conversion. A form body makes every value a string, a JSON body keeps numbers and booleans;
/// the handlers treat both alike, and so does the emulator.
/// </summary>
public static class PhpValue
{
    /// <summary>PHP <c>isset($params[KEY])</c>: the key is present and its value is not null.</summary>
    public static bool IsSet(JsonObject parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryGetPropertyValue(key, out JsonNode? value) && value is not null;
    }

    /// <summary>
    /// PHP <c>intval()</c>: numbers are truncated, booleans are 1 or 0, strings give their leading
    /// integer (<c>"12abc"</c> is 12, <c>"abc"</c> is 0), arrays are 1 when not empty.
    /// </summary>
    public static long ToInt(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case JsonObject obj:
                return obj.Count > 0 ? 1 : 0;
            case JsonArray array:
                return array.Count > 0 ? 1 : 0;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => Number(value),
            JsonValueKind.True => 1,
            JsonValueKind.String => LeadingInteger(value.GetValue<string>()),
            _ => 0,
        };
    }

    /// <summary>PHP string conversion: strings as they are, numbers as written, true as "1", false and null as "".</summary>
    public static string ToText(JsonNode? value)
    {
        if (value is null or JsonObject or JsonArray)
        {
            return value is null ? string.Empty : "Array";
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "1",
            _ => string.Empty,
        };
    }

    private static long Number(JsonNode value)
    {
        double number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number) && Math.Abs(number) < long.MaxValue ? (long)Math.Truncate(number) : 0;
    }

    private static long LeadingInteger(string text)
    {
        ReadOnlySpan<char> span = text.AsSpan().TrimStart(" \t\n\r\v\f");
        int end = 0;
        if (end < span.Length && span[end] is '+' or '-')
        {
            end++;
        }

        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }

        return long.TryParse(span[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? number : 0;
    }
}
