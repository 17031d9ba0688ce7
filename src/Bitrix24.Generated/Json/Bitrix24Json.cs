using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Reading and writing helpers the generated code uses. Readers are tolerant of what PHP portals
/// really send (numbers as strings, 0/1 and "Y"/"N" for booleans, <c>{}</c> for lists) and throw
/// <see cref="JsonException"/> for anything else, which the client reports as an invalid response.
/// </summary>
public static partial class Bitrix24Json
{
    /// <summary>The <c>datetime</c> wire format: ISO 8601 with offset and whole seconds, as the portal writes it.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>Formats a <c>datetime</c> parameter.</summary>
    public static string FormatDateTime(DateTimeOffset value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, or the strings "Y"/"N", "true"/"false", "1"/"0".</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out long number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                string? text = reader.GetString();
                switch (text)
                {
                    case "Y" or "y" or "true" or "TRUE" or "True" or "1":
                        return true;
                    case "N" or "n" or "false" or "FALSE" or "False" or "0" or "":
                        return false;
                }

                break;
        }

        throw Unexpected(ref reader, "a boolean");
    }

    /// <summary>Reads a 32-bit integer from a number or a numeric string.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out int consumed) && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }

        throw Unexpected(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer from a number or a numeric string.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out int consumed) && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }

        throw Unexpected(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a number from a number or a numeric string.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            return parsed;
        }

        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a string; numbers come back as their text, <c>null</c> as null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>Reads an ISO 8601 date and time (or Unix seconds).</summary>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
        {
            return value;
        }

        // Unix seconds within what DateTimeOffset holds (years 1 to 9999); anything else is not a date.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long seconds) && seconds is >= -62135596800 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        throw Unexpected(ref reader, "a date and time");
    }

    /// <summary>Reads a spec enum from its wire string.</summary>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader, Bitrix24WireParser<TEnum> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? wire = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => ReadString(ref reader),
            _ => throw Unexpected(ref reader, "a " + typeof(TEnum).Name + " value"),
        };

        return parse(wire, out TEnum value)
            ? value
            : throw new JsonException($"'{wire}' is not a known {typeof(TEnum).Name} value.");
    }

    /// <summary>
    /// Reads a list. PHP sends an associative array as an object, so <c>{"0": a, "1": b}</c> is read as
    /// <c>[a, b]</c>; <c>null</c> reads as an empty list.
    /// </summary>
    public static IReadOnlyList<T> ReadArray<T>(ref Utf8JsonReader reader, Bitrix24ResultReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Array.Empty<T>();
        }

        bool isObject = reader.TokenType == JsonTokenType.StartObject;
        if (!isObject && reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "a list");
        }

        var items = new List<T>();
        JsonTokenType end = isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
        while (reader.Read() && reader.TokenType != end)
        {
            if (isObject)
            {
                reader.Read();
            }

            try
            {
                items.Add(readItem(ref reader));
            }
            catch (JsonException ex)
            {
                throw InMember(ex, "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }

        return items.ToArray();
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(ref reader)}.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "the string \"" + Shorten(reader.GetString()) + "\"",
        JsonTokenType.Number => "the number " + Shorten(ReadString(ref reader)),
        JsonTokenType.True or JsonTokenType.False => reader.TokenType.ToString().ToLowerInvariant(),
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => reader.TokenType.ToString(),
    };

    private static string? Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "..." : text;
}
