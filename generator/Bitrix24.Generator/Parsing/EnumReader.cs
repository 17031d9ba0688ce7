using System;
using System.Collections.Generic;
using System.Globalization;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads an <c>enums:</c> mapping, the same in a method spec and in a types file.</summary>
internal static class EnumReader
{
    private static readonly string[] EnumKeys = { "summary", "values" };
    private static readonly string[] EnumValueKeys = { "wire", "name", "summary" };

    public static List<EnumSpec> ReadAll(YamlMappingNode? enums, string scope, List<string> brokenEnums, SpecReadContext context) =>
        NamedDeclarationReader.ReadAll(enums, "enum", EnumKeys, "AutoMessageType", brokenEnums, context, (name, reader, location) =>
            new EnumSpec(name, location, scope, reader.String("summary"), ReadEnumValues(name, reader, context).ToEquatableArray()));

    private static List<EnumValueSpec> ReadEnumValues(string enumName, YamlMappingReader reader, SpecReadContext context)
    {
        var values = new List<EnumValueSpec>();
        YamlSequenceNode? list = reader.Sequence("values");
        if (list is null || list.Children.Count == 0)
        {
            context.Report(DiagnosticDescriptors.MissingKey, reader.LocateKey("values"), "values", " (with at least one value) in enum " + enumName);
            return values;
        }

        var seen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (YamlNode item in list.Children)
        {
            string? wire;
            string? name = null;
            string? summary = null;
            SpecLocation location;
            if (item is YamlScalarNode { Value: { Length: > 0 } shorthand })
            {
                // "- WELCOME" is short for "- wire: WELCOME".
                wire = shorthand;
                location = context.Locate(item);
            }
            else if (item is YamlMappingNode mapping)
            {
                var value = new YamlMappingReader(mapping, context, "a value of enum " + enumName);
                value.WarnUnknownKeys(EnumValueKeys);
                wire = value.RequiredString("wire");
                name = value.String("name");
                summary = value.String("summary");
                location = value.LocateValue("wire");
                if (name is not null && !CSharpNames.IsUsableName(name))
                {
                    context.Report(DiagnosticDescriptors.InvalidIdentifier, value.LocateValue("name"), name, name, "");
                    continue;
                }
            }
            else
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(item), "A value of enum '" + enumName + "'", "a wire value or a mapping with 'wire'");
                continue;
            }

            if (wire is null)
            {
                continue;
            }

            if (seen.TryGetValue(wire, out SpecLocation first))
            {
                context.Report(DiagnosticDescriptors.DuplicateEnumValue, location, enumName, wire,
                    " (first at line " + (first.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + ")");
                continue;
            }

            seen[wire] = location;
            values.Add(new EnumValueSpec(wire, name, location, summary));
        }

        return values;
    }
}
