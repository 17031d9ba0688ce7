using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitrix24;

/// <summary>What the portal sent beside one command's result or error.</summary>
/// <param name="StatusCode">The HTTP status of the batch answer.</param>
/// <param name="Total">Its <c>result_total</c> entry.</param>
/// <param name="Next">Its <c>result_next</c> entry.</param>
/// <param name="Time">Its <c>result_time</c> entry.</param>
internal readonly record struct BatchEntry(int StatusCode, int? Total, int? Next, Bitrix24ResponseTime? Time);

/// <summary>One <c>result_error</c> entry; <see cref="Code"/> is null when the entry is not an error object.</summary>
internal sealed record BatchError(string? Code, string Description, string Raw);

/// <summary>
/// The <c>result</c> of one <c>batch</c> call (REST docs: batch), by command key:
/// <c>{"result": {...}, "result_error": {...}, "result_total": {...}, "result_next": {...}, "result_time": {...}}</c>.
/// Each member may be an object keyed by command, a JSON list (PHP sends one when the keys are
/// 0..n-1, and <c>[]</c> when the member is empty) or missing. A <c>result</c> or
/// <c>result_error</c> of another shape makes the whole answer invalid (a
/// <see cref="JsonException"/>, which the call reports as <see cref="Bitrix24TransportFailure.InvalidResponse"/>);
/// unreadable <c>result_total</c>, <c>result_next</c> or <c>result_time</c> entries are ignored.
/// Command results are kept as raw JSON and read per command later, so one odd result fails one command only.
/// </summary>
internal sealed class BatchResults
{
    private BatchResults()
    {
    }

    public Dictionary<string, byte[]> Results { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BatchError> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Totals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Nexts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Bitrix24ResponseTime> Times { get; } = new(StringComparer.Ordinal);

    /// <summary>The reader of the batch descriptor: the reader is on the first token of <c>result</c>.</summary>
    public static BatchResults Read(ref Utf8JsonReader reader)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The batch result is {Describe(root.ValueKind)}, not an object with result and result_error.");
        }

        var results = new BatchResults();
        foreach ((string key, JsonElement value) in Members(root, "result", strict: true))
        {
            results.Results[key] = Encoding.UTF8.GetBytes(value.GetRawText());
        }

        foreach ((string key, JsonElement value) in Members(root, "result_error", strict: true))
        {
            results.Errors[key] = ReadError(value);
        }

        foreach ((string key, JsonElement value) in Members(root, "result_total", strict: false))
        {
            if (TryReadInt(value) is { } total)
            {
                results.Totals[key] = total;
            }
        }

        foreach ((string key, JsonElement value) in Members(root, "result_next", strict: false))
        {
            if (TryReadInt(value) is { } next)
            {
                results.Nexts[key] = next;
            }
        }

        foreach ((string key, JsonElement value) in Members(root, "result_time", strict: false))
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                results.Times[key] = EnvelopeFieldReader.ReadTime(value)!;
            }
        }

        return results;
    }

    public BatchEntry EntryFor(string key, int statusCode) => new(
        statusCode,
        Totals.TryGetValue(key, out int total) ? total : null,
        Nexts.TryGetValue(key, out int next) ? next : null,
        Times.GetValueOrDefault(key));

    /// <summary>The entries of a member: an object's properties, or a list's items keyed "0", "1", ... as PHP numbers them.</summary>
    private static List<(string Key, JsonElement Value)> Members(JsonElement root, string name, bool strict)
    {
        var members = new List<(string, JsonElement)>();
        if (!root.TryGetProperty(name, out JsonElement member))
        {
            return members;
        }

        switch (member.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in member.EnumerateObject())
                {
                    members.Add((property.Name, property.Value));
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in member.EnumerateArray())
                {
                    members.Add((index++.ToString(CultureInfo.InvariantCulture), item));
                }

                break;
            case JsonValueKind.Null:
                break;
            default:
                if (strict)
                {
                    throw new JsonException($"The batch result's '{name}' is {Describe(member.ValueKind)}, not an object or a list.");
                }

                break;
        }

        return members;
    }

    /// <summary><c>{"error": "CODE", "error_description": "..."}</c>; REST 3.0's <c>{"error": {"code", "message"}}</c> is accepted too.</summary>
    private static BatchError ReadError(JsonElement value)
    {
        string raw = value.GetRawText();
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("error", out JsonElement error))
        {
            return new BatchError(null, string.Empty, raw);
        }

        string? code = Text(error);
        string? description = value.TryGetProperty("error_description", out JsonElement text) ? Text(text) : null;
        if (error.ValueKind == JsonValueKind.Object)
        {
            code = error.TryGetProperty("code", out JsonElement nestedCode) ? Text(nestedCode) : null;
            description ??= error.TryGetProperty("message", out JsonElement message) ? Text(message) : null;
        }

        return new BatchError(string.IsNullOrEmpty(code) ? null : code, description ?? string.Empty, raw);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static int? TryReadInt(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out int number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) => parsed,
            _ => null,
        };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
