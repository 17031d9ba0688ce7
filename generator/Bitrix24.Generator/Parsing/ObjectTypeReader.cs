using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads a <c>types:</c> mapping (object types and their members), the same in a method spec and in a types file.</summary>
internal static class ObjectTypeReader
{
    private static readonly string[] TypeKeys = { "summary", "remarks", "members" };
    private static readonly string[] MemberKeys = { "name", "type", "required", "summary", "remarks", "default", "property" };
    private static readonly Regex WireName = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <param name="brokenTypes">Gets the names of types declared here that have an error (already reported).</param>
    public static List<ObjectTypeSpec> ReadAll(YamlMappingNode? types, string scope, List<string> brokenTypes, SpecReadContext context) =>
        NamedDeclarationReader.ReadAll(types, "type", TypeKeys, "BotProperties", brokenTypes, context, (name, reader, location) =>
            new ObjectTypeSpec(name, location, scope, reader.String("summary"), reader.String("remarks"), ReadMembers(name, reader, context).ToEquatableArray()));

    /// <summary>Reads the member list under <paramref name="key"/> (<c>members</c>; an event's <c>data</c>).</summary>
    public static List<MemberSpec> ReadMembers(string typeName, YamlMappingReader type, SpecReadContext context, string key = "members")
    {
        var members = new List<MemberSpec>();
        YamlSequenceNode? list = type.Sequence(key);
        if (list is null || list.Children.Count == 0)
        {
            context.Report(DiagnosticDescriptors.MissingKey, type.LocateKey(key), key, " (with at least one member) in type " + typeName);
            return members;
        }

        // JSON keys are case-sensitive, so id and ID are two members; C# names are compared later.
        var seen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (YamlNode item in list.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (item is not YamlMappingNode mapping)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(item), "A member of type " + typeName, "a mapping with at least 'name' and 'type'");
                continue;
            }

            var reader = new YamlMappingReader(mapping, context, "a member of type " + typeName);
            reader.WarnUnknownKeys(MemberKeys);
            string? wireName = reader.RequiredString("name");
            if (wireName is not null && !WireName.IsMatch(wireName))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("name"), "The member name '" + wireName + "'",
                    "letters, digits and underscores, not starting with a digit");
                wireName = null;
            }

            TypeSpec? memberType = TypeReader.Read(reader, context);
            bool required = reader.Bool("required") ?? false;
            string? property = reader.String("property");
            if (property is not null && (!CSharpNames.IsUsableName(property) || property[0] is < 'A' or > 'Z'))
            {
                // Upper-case first, as PascalCase makes every other property: generated fields start with '_' and stay apart.
                context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("property"), "'property'",
                    "a C# name of ASCII letters, digits and underscores, starting with an upper-case letter");
                property = null;
            }

            string? summary = reader.String("summary");
            string? remarks = reader.String("remarks");
            string? defaultValue = reader.String("default");
            if (wireName is null || memberType is null)
            {
                continue;
            }

            if (seen.TryGetValue(wireName, out SpecLocation first))
            {
                context.Report(DiagnosticDescriptors.DuplicateMember, reader.LocateValue("name"), typeName, wireName,
                    " (first at line " + (first.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + ")");
                continue;
            }

            seen[wireName] = reader.LocateValue("name");
            members.Add(new MemberSpec(wireName, reader.LocateValue("name"), property, memberType.Value, reader.LocateValue("type"), required, summary, remarks, defaultValue));
        }

        return members;
    }
}
