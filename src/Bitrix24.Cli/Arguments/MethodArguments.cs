using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Cli.Arguments;

/// <summary>
/// The request of a catalog method called from the command line: the parameters that were given, in
/// spec order. Parameters not given are not sent, as with the generated request classes.
/// </summary>
internal sealed class MethodArguments(IReadOnlyList<ParameterValue> values)
{
    /// <summary>The given parameters.</summary>
    public IReadOnlyList<ParameterValue> Values { get; } = values;

    /// <summary>Writes each given parameter as a JSON property under its exact wire name.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        foreach (ParameterValue value in Values)
        {
            writer.WritePropertyName(value.Parameter.WireName);
            if (value.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.Value.WriteTo(writer);
            }
        }
    }

    /// <summary>The integer given for the parameter with this wire name (ignoring case), or null.</summary>
    public long? FindInteger(string wireName) => Find(wireName)?.Value switch
    {
        JsonValue number when number.TryGetValue(out int integer) => integer,
        JsonValue number when number.TryGetValue(out long wide) => wide,
        JsonValue text when text.TryGetValue(out string? s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) => parsed,
        _ => null,
    };

    /// <summary>The text given for the parameter with this wire name (ignoring case), or null.</summary>
    public string? FindString(string wireName) =>
        Find(wireName)?.Value is JsonValue text && text.TryGetValue(out string? s) ? s : null;

    private ParameterValue? Find(string wireName) =>
        Values.FirstOrDefault(v => string.Equals(v.Parameter.WireName, wireName, StringComparison.OrdinalIgnoreCase));
}
