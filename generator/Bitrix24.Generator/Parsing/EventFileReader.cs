using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads an <c>*.event.yaml</c> file: one event the portal delivers (<c>ONIMBOTV2MESSAGEADD</c>), whose
/// <c>data</c> members become the event class, plus the types and enums only it uses. The event class is an
/// object type of the scope like any other, so members use every spec type and the scope's shared types.
/// </summary>
internal static class EventFileReader
{
    private static readonly string[] Keys = { "event", "class", "scope", "summary", "remarks", "docs", "data", "types", "enums" };
    private static readonly Regex EventName = new("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex ScopeName = new("^[a-z][a-z0-9]*$", RegexOptions.CultureInvariant);

    public static SpecFile Read(string path, YamlMappingNode root, SpecReadContext context)
    {
        var reader = new YamlMappingReader(root, context, "the event spec");
        reader.WarnUnknownKeys(Keys);

        string? name = reader.RequiredString("event");
        if (name is not null && !EventName.IsMatch(name))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("event"), "The event name '" + name + "'",
                "the upper-case name the portal sends, such as ONIMBOTV2MESSAGEADD: letters, digits and underscores");
            name = null;
        }

        if (name is not null)
        {
            string fileName = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(fileName, name + ".event", StringComparison.Ordinal))
            {
                context.Report(DiagnosticDescriptors.FileNameMismatch, reader.LocateValue("event"), Path.GetFileName(path), name + ".event");
            }
        }

        string? className = reader.RequiredString("class");
        if (className is not null && !TypeSpec.IsTypeName(className))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("class"), "The class name '" + className + "'",
                "a PascalCase name of letters and digits, such as MessageAddEvent");
            className = null;
        }

        string? scope = reader.RequiredString("scope");
        if (scope is not null && !ScopeName.IsMatch(scope))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("scope"), "'scope'",
                "the namespace's scope, such as imbot: lower-case letters and digits");
            scope = null;
        }

        var brokenTypes = new List<string>();
        var brokenEnums = new List<string>();
        List<ObjectTypeSpec> types = ObjectTypeReader.ReadAll(reader.Mapping("types"), scope ?? string.Empty, brokenTypes, context);
        List<EnumSpec> enums = EnumReader.ReadAll(reader.Mapping("enums"), scope ?? string.Empty, brokenEnums, context);
        List<MemberSpec> data = ObjectTypeReader.ReadMembers(className ?? "of the event", reader, context, "data");
        string? summary = reader.String("summary");
        string? remarks = reader.String("remarks");
        string? docs = reader.String("docs");
        if (scope is null)
        {
            // Without a scope there is no namespace to put anything in.
            return new SpecFile(path, SpecFileKind.Event, null, EquatableArray<EnumSpec>.Empty, EquatableArray<ErrorSpec>.Empty, EquatableArray<NamingWordSpec>.Empty);
        }

        // As with a method, any error in the file keeps its event out.
        if (name is not null && className is not null && context.ErrorCount == 0)
        {
            types.Add(new ObjectTypeSpec(className, reader.LocateValue("class"), scope, summary, remarks, data.ToEquatableArray())
            {
                Event = new EventSpec(name, reader.LocateValue("event"), docs),
            });
        }
        else if (className is not null)
        {
            brokenTypes.Add(className);
        }

        return new SpecFile(path, SpecFileKind.Event, null, enums.ToEquatableArray(), EquatableArray<ErrorSpec>.Empty, EquatableArray<NamingWordSpec>.Empty)
        {
            Types = types.ToEquatableArray(),
            BrokenTypes = brokenTypes.ToEquatableArray(),
            BrokenEnums = brokenEnums.ToEquatableArray(),
            Scope = scope,
        };
    }
}
