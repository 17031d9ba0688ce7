using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// What help adds for parameters whose type holds objects: each member with its type, whether it is
/// required or may be null, and its summary, nested as the objects nest, then a minimal example.
/// Enough to write the JSON without opening the spec.
/// </summary>
internal static class JsonParameterHelp
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The section for the method's object parameters, or empty when it has none.</summary>
    public static string Describe(IReadOnlyList<ParameterOption> options)
    {
        var text = new StringBuilder();
        foreach (ParameterOption option in options)
        {
            if (ValueShape.ObjectWithin(option.Parameter.Type) is null)
            {
                continue;
            }

            if (text.Length == 0)
            {
                text.Append("JSON parameters (give the JSON itself, or @file.json):");
            }

            var lines = new List<(string Name, string Type, string? Summary)>();
            AddMembers(lines, option.Parameter.Type, depth: 1, printed: new HashSet<string>(StringComparer.Ordinal));
            text.AppendLine().Append("  ").Append(option.DisplayName).Append(": ").Append(ValueFormat.JsonExpected(option.Parameter.Type));
            int nameWidth = lines.Max(line => line.Name.Length);
            int typeWidth = lines.Max(line => line.Type.Length);
            foreach ((string name, string type, string? summary) in lines)
            {
                text.AppendLine().Append("  ").Append(name.PadRight(nameWidth)).Append("  ");
                text.Append(summary is null ? type : type.PadRight(typeWidth) + "  " + summary);
            }

            string example = Example(option.Parameter.Type, new HashSet<string>(StringComparer.Ordinal))?.ToJsonString(Compact) ?? "{}";
            text.AppendLine().Append("    Example: ").Append(option.Name).Append(" '").Append(example).Append('\'');
        }

        return text.ToString();
    }

    /// <summary>The members of the object inside <paramref name="type"/> (through lists and maps), each followed by its own.</summary>
    private static void AddMembers(List<(string Name, string Type, string? Summary)> lines, Bitrix24ValueType type, int depth, HashSet<string> printed)
    {
        Bitrix24ValueType objectType = ValueShape.ObjectWithin(type)!;
        printed.Add(objectType.ObjectName!);
        string indent = new(' ', depth * 2);
        foreach (Bitrix24MemberInfo member in objectType.Members)
        {
            var described = new StringBuilder(ValueFormat.HelpName(member.Type));
            if (member.IsRequired)
            {
                described.Append(", required");
            }

            if (member.IsNullable)
            {
                described.Append(", may be null");
            }

            Bitrix24ValueType? inner = ValueShape.ObjectWithin(member.Type);
            bool expand = inner is not null && !printed.Contains(inner.ObjectName!);
            if (inner is not null && !expand)
            {
                described.Append(" (members above)");
            }

            lines.Add((indent + member.WireName, described.ToString(), OneLine(member.Summary)));
            if (expand)
            {
                AddMembers(lines, member.Type, depth + 1, printed);
            }
        }
    }

    /// <summary>The smallest valid value: objects with their required members only (or the first one when none is required).</summary>
    private static JsonNode? Example(Bitrix24ValueType type, HashSet<string> path) => type.Kind switch
    {
        Bitrix24ValueKind.Int32 or Bitrix24ValueKind.Int64 => JsonValue.Create(1),
        Bitrix24ValueKind.Double => JsonValue.Create(1.5),
        Bitrix24ValueKind.Boolean => JsonValue.Create(true),
        Bitrix24ValueKind.YesNo => JsonValue.Create("Y"),
        Bitrix24ValueKind.DateTime => JsonValue.Create(ValueFormat.DateTimeExample),
        Bitrix24ValueKind.Enum => JsonValue.Create(type.EnumValues.FirstOrDefault()?.Wire ?? "value"),
        Bitrix24ValueKind.Array => new JsonArray(Example(type.ElementType!, path)),
        Bitrix24ValueKind.Map => new JsonObject { ["key"] = Example(type.ElementType!, path) },
        Bitrix24ValueKind.Object => ObjectExample(type, path),
        Bitrix24ValueKind.Json => new JsonObject(),
        _ => JsonValue.Create("text"),
    };

    private static JsonObject ObjectExample(Bitrix24ValueType type, HashSet<string> path)
    {
        var example = new JsonObject();
        if (!path.Add(type.ObjectName!))
        {
            return example;
        }

        IEnumerable<Bitrix24MemberInfo> members = type.Members.Any(m => m.IsRequired) ? type.Members.Where(m => m.IsRequired) : type.Members.Take(1);
        foreach (Bitrix24MemberInfo member in members)
        {
            example[member.WireName] = Example(member.Type, path);
        }

        path.Remove(type.ObjectName!);
        return example;
    }

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
