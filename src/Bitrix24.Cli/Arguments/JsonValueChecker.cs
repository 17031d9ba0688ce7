using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Commands;

namespace Bitrix24.Cli.Arguments;

/// <summary>
/// Checks a JSON parameter against its spec type before anything is sent, all the way down: objects
/// take their declared members only and need their required ones, every value has its type, enums
/// their exact wire values, <c>yn</c> "Y"/"N" (true/false become "Y"/"N", the one change made),
/// date-times ISO 8601 with an offset; members marked nullable take null; <c>json</c> takes anything.
/// Each problem names its path: <c>fields.keyboard.BUTTONS[0].TEXT: expected a string, got a number</c>.
/// </summary>
internal sealed class JsonValueChecker
{
    private readonly List<string> _problems = [];

    private JsonValueChecker()
    {
    }

    /// <summary>Checks <paramref name="value"/> as a value of <paramref name="type"/>.</summary>
    /// <param name="value">The JSON given.</param>
    /// <param name="type">The parameter's type.</param>
    /// <param name="path">The parameter's wire name, the start of every path (<c>fields</c>).</param>
    /// <param name="nullable">Whether null is a value of its own here.</param>
    /// <returns>The JSON to send (as given, yn booleans as "Y"/"N"; null for JSON null), and the problems in document order.</returns>
    public static (JsonNode? Value, IReadOnlyList<string> Problems) Check(JsonElement value, Bitrix24ValueType type, string path, bool nullable = false)
    {
        var checker = new JsonValueChecker();
        JsonNode? result = checker.Visit(value, type, path, nullable);
        return (checker._problems.Count == 0 ? result : null, checker._problems);
    }

    private JsonNode? Visit(JsonElement value, Bitrix24ValueType type, string path, bool nullable)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable && type.Kind != Bitrix24ValueKind.Json)
            {
                Wrong(path, type, value);
            }

            return null;
        }

        switch (type.Kind)
        {
            case Bitrix24ValueKind.Int32 when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _):
            case Bitrix24ValueKind.Int64 when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _):
            case Bitrix24ValueKind.Double when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out _):
            case Bitrix24ValueKind.String when value.ValueKind == JsonValueKind.String:
            case Bitrix24ValueKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
            case Bitrix24ValueKind.YesNo when value.ValueKind == JsonValueKind.String && value.GetString() is "Y" or "N":
            case Bitrix24ValueKind.DateTime when value.ValueKind == JsonValueKind.String && ParameterValueParser.IsDateTime(value.GetString()!):
                return JsonValue.Create(value);

            // What the typed SDK sends for a yn member set to true or false.
            case Bitrix24ValueKind.YesNo when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(value.ValueKind == JsonValueKind.True ? "Y" : "N");

            case Bitrix24ValueKind.Enum when value.ValueKind == JsonValueKind.String:
                return EnumValue(value, type, path);

            case Bitrix24ValueKind.Array when value.ValueKind == JsonValueKind.Array:
                return Array(value, type.ElementType!, path);

            case Bitrix24ValueKind.Map when value.ValueKind == JsonValueKind.Object:
                return Map(value, type.ElementType!, path);

            case Bitrix24ValueKind.Object when value.ValueKind == JsonValueKind.Object:
                return Object(value, type, path);

            case Bitrix24ValueKind.Json:
                return Copy(value, path);

            default:
                Wrong(path, type, value);
                return null;
        }
    }

    private JsonNode? EnumValue(JsonElement value, Bitrix24ValueType type, string path)
    {
        string text = value.GetString()!;
        if (type.EnumValues.Any(v => string.Equals(v.Wire, text, StringComparison.Ordinal)))
        {
            return JsonValue.Create(value);
        }

        string? differentCase = type.EnumValues.FirstOrDefault(v => string.Equals(v.Wire, text, StringComparison.OrdinalIgnoreCase))?.Wire;
        _problems.Add($"{path}: expected {ValueFormat.JsonExpected(type)}, got {Quote(text)}"
            + (differentCase is null ? "" : $" (wire values are case-sensitive: {Quote(differentCase)})"));
        return null;
    }

    private JsonArray Array(JsonElement value, Bitrix24ValueType elementType, string path)
    {
        var array = new JsonArray();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            array.Add(Visit(item, elementType, $"{path}[{index++}]", nullable: false));
        }

        return array;
    }

    private JsonObject Map(JsonElement value, Bitrix24ValueType elementType, string path)
    {
        var map = new JsonObject();
        foreach (JsonProperty entry in Distinct(value, path))
        {
            // The runtime's map type does not say whether its values may be null, so null is refused.
            map.Add(entry.Name, Visit(entry.Value, elementType, Member(path, entry.Name), nullable: false));
        }

        return map;
    }

    private JsonObject Object(JsonElement value, Bitrix24ValueType type, string path)
    {
        var result = new JsonObject();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in Distinct(value, path))
        {
            given.Add(property.Name);
            if (type.FindMember(property.Name) is not { } member)
            {
                _problems.Add(UnknownMember(property.Name, type, path));
                continue;
            }

            result.Add(property.Name, Visit(property.Value, member.Type, Member(path, member.WireName), member.IsNullable));
        }

        foreach (Bitrix24MemberInfo member in type.Members.Where(m => m.IsRequired && !given.Contains(m.WireName)))
        {
            _problems.Add($"missing required member {Member(path, member.WireName)} ({member.Type})");
        }

        return result;
    }

    /// <summary>Any JSON, as it is; only a repeated member is refused, as a JSON object cannot say which one counts.</summary>
    private JsonNode? Copy(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var copy = new JsonObject();
                foreach (JsonProperty property in Distinct(value, path))
                {
                    copy.Add(property.Name, Copy(property.Value, Member(path, property.Name)));
                }

                return copy;
            case JsonValueKind.Array:
                var array = new JsonArray();
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    array.Add(Copy(item, $"{path}[{index++}]"));
                }

                return array;
            default:
                return JsonValue.Create(value);
        }
    }

    /// <summary>The object's members, each name once; a repeated name is a problem (the portal would keep one of them silently).</summary>
    private IEnumerable<JsonProperty> Distinct(JsonElement value, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                yield return property;
            }
            else if (reported.Add(property.Name))
            {
                _problems.Add($"member '{property.Name}' is given more than once in {path}");
            }
        }
    }

    private static string UnknownMember(string name, Bitrix24ValueType type, string path)
    {
        string known = type.Members.Count == 0 ? "none" : string.Join(", ", type.Members.Select(m => m.WireName));
        string message = $"unknown member '{name}' in {path}; known: {known}.";
        IReadOnlyList<string> close = ClosestNames.Find(name, type.Members.Select(m => ((IEnumerable<string>)[m.WireName], m.WireName)));
        return close.Count == 0 ? message : message + " Did you mean " + string.Join(" or ", close.Select(c => "'" + c + "'")) + "?";
    }

    private void Wrong(string path, Bitrix24ValueType type, JsonElement value) =>
        _problems.Add($"{path}: expected {ValueFormat.JsonExpected(type)}, got {Describe(value, type)}");

    /// <summary>What was given instead: its JSON type, with the value itself only where that cannot be a secret (numbers, enum and date-time attempts).</summary>
    private static string Describe(JsonElement value, Bitrix24ValueType expected) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Number when value.GetRawText().Length <= 24 => value.GetRawText(),
        JsonValueKind.Number => "a number",
        JsonValueKind.String when expected.Kind is Bitrix24ValueKind.YesNo or Bitrix24ValueKind.DateTime => Quote(value.GetString()!),
        _ => "a string",
    };

    private static string Quote(string text) => "\"" + (text.Length <= 40 ? text : text[..40] + "...") + "\"";

    /// <summary><c>fields.message</c>; a key that is not a plain name is bracketed: <c>params["a b"]</c>.</summary>
    private static string Member(string path, string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? path + "." + name
            : path + "[\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
}
