using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads <c>naming.yaml</c>: lower-case words mapped to their C# spelling.</summary>
internal static class NamingFileReader
{
    public static SpecFile Read(string path, YamlMappingNode root, SpecReadContext context)
    {
        var reader = new YamlMappingReader(root, context, "naming.yaml");
        reader.WarnUnknownKeys("words");
        var words = new List<NamingWordSpec>();
        YamlMappingNode? map = reader.Mapping("words");
        if (map is null)
        {
            context.Report(DiagnosticDescriptors.MissingKey, context.LocateStart(root), "words", " in naming.yaml");
        }
        else
        {
            foreach (var entry in map.Children)
            {
                // Names are split into words on _ . - and spaces before lookup, so only plain words can match.
                if (entry.Key is not YamlScalarNode { Value: { Length: > 0 } word } || !word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Key), "A word of naming.yaml", "lower-case letters and digits only");
                    continue;
                }

                if (entry.Value is not YamlScalarNode { Value: { Length: > 0 } spelling } || !CSharpNames.IsUsableName(spelling) || spelling[0] is < 'A' or > 'Z')
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Value), "The spelling of '" + word + "'",
                        "a C# name of ASCII letters, digits and underscores, starting with an upper-case letter");
                    continue;
                }

                words.Add(new NamingWordSpec(word, spelling, context.Locate(entry.Key)));
            }
        }

        return new SpecFile(path, SpecFileKind.Naming, null, EquatableArray<EnumSpec>.Empty, EquatableArray<ErrorSpec>.Empty, words.ToEquatableArray());
    }
}
