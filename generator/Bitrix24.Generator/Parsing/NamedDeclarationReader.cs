using System;
using System.Collections.Generic;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads a mapping of PascalCase names to declarations (<c>enums:</c>, <c>types:</c>): checks each name
/// and that its declaration is a mapping, hands that to <c>read</c>, and sorts the results into sound
/// declarations and the names of broken ones (whose errors are reported; what uses them waits quietly).
/// </summary>
internal static class NamedDeclarationReader
{
    /// <param name="what">The kind, for messages: "enum", "type".</param>
    /// <param name="example">A good name of that kind, for messages.</param>
    /// <param name="read">Reads one declaration from its name, its mapping (keys already checked) and the name's position.</param>
    public static List<T> ReadAll<T>(
        YamlMappingNode? declarations,
        string what,
        string[] keys,
        string example,
        List<string> broken,
        SpecReadContext context,
        Func<string, YamlMappingReader, SpecLocation, T> read)
    {
        var result = new List<T>();
        if (declarations is null)
        {
            return result;
        }

        foreach (var entry in declarations.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            int errorsBefore = context.ErrorCount;
            string? name = (entry.Key as YamlScalarNode)?.Value;
            if (name is null || !TypeSpec.IsTypeName(name))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Key), "The " + what + " name '" + name + "'",
                    "a PascalCase name of letters and digits, such as " + example);
                continue;
            }

            if (entry.Value is not YamlMappingNode mapping)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Value), char.ToUpperInvariant(what[0]) + what.Substring(1) + " '" + name + "'",
                    "a mapping with '" + keys[keys.Length - 1] + "'");
                broken.Add(name);
                continue;
            }

            var reader = new YamlMappingReader(mapping, context, what + " " + name);
            reader.WarnUnknownKeys(keys);
            T declaration = read(name, reader, context.Locate(entry.Key));
            if (context.ErrorCount == errorsBefore)
            {
                result.Add(declaration);
            }
            else
            {
                broken.Add(name);
            }
        }

        return result;
    }
}
