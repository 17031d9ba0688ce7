using System.Collections.Generic;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads a <c>*.types.yaml</c> file: the object types and enums a scope's methods share (the
/// Chatbots 2.0 entities, keyboards and attachments), declared once instead of in one method's file.
/// </summary>
internal static class TypesFileReader
{
    private static readonly string[] Keys = { "scope", "types", "enums" };
    private static readonly Regex ScopeName = new("^[a-z][a-z0-9]*$", RegexOptions.CultureInvariant);

    public static SpecFile Read(string path, YamlMappingNode root, SpecReadContext context)
    {
        var reader = new YamlMappingReader(root, context, "the types file");
        reader.WarnUnknownKeys(Keys);
        string? scope = reader.RequiredString("scope");
        if (scope is not null && !ScopeName.IsMatch(scope))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("scope"), "'scope'",
                "the first segment of the scope's method names, such as imbot: lower-case letters and digits");
            scope = null;
        }

        if (!reader.Has("types") && !reader.Has("enums"))
        {
            context.Report(DiagnosticDescriptors.MissingKey, context.LocateStart(root), "types", " (or 'enums') in the types file");
        }

        var brokenTypes = new List<string>();
        var brokenEnums = new List<string>();
        List<ObjectTypeSpec> types = ObjectTypeReader.ReadAll(reader.Mapping("types"), scope ?? string.Empty, brokenTypes, context);
        List<EnumSpec> enums = EnumReader.ReadAll(reader.Mapping("enums"), scope ?? string.Empty, brokenEnums, context);
        if (scope is null)
        {
            // Without a scope there is no namespace to put them in.
            return new SpecFile(path, SpecFileKind.Types, null, EquatableArray<EnumSpec>.Empty, EquatableArray<ErrorSpec>.Empty, EquatableArray<NamingWordSpec>.Empty);
        }

        return new SpecFile(path, SpecFileKind.Types, null, enums.ToEquatableArray(), EquatableArray<ErrorSpec>.Empty, EquatableArray<NamingWordSpec>.Empty)
        {
            Types = types.ToEquatableArray(),
            BrokenTypes = brokenTypes.ToEquatableArray(),
            BrokenEnums = brokenEnums.ToEquatableArray(),
            Scope = scope,
        };
    }
}
