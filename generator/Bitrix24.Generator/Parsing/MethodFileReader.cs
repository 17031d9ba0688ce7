using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads a method spec: the method, its parameters, enums, result and errors.</summary>
internal static class MethodFileReader
{
    private static readonly string[] MethodKeys =
        { "method", "summary", "remarks", "docs", "scopes", "access", "idempotent", "params", "enums", "result", "errors" };

    private static readonly string[] ParamKeys = { "name", "type", "required", "summary", "remarks", "default" };
    private static readonly string[] EnumKeys = { "summary", "values" };
    private static readonly string[] EnumValueKeys = { "wire", "name", "summary" };
    private static readonly string[] ResultKeys = { "type", "summary" };

    // A lower-case scope, then at least one more segment; later segments may be camelCase (imbot.v2.Bot.register).
    private static readonly Regex MethodName = new(@"^[a-z][a-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$", RegexOptions.CultureInvariant);
    private static readonly Regex WireName = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static SpecFile Read(string path, YamlMappingNode root, SpecReadContext context)
    {
        var reader = new YamlMappingReader(root, context, "the method spec");
        reader.WarnUnknownKeys(MethodKeys);

        string? name = reader.RequiredString("method");
        if (name is not null && !MethodName.IsMatch(name))
        {
            context.Report(DiagnosticDescriptors.InvalidMethodName, reader.LocateValue("method"), name);
            name = null;
        }

        if (name is not null)
        {
            string fileName = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(fileName, name, StringComparison.Ordinal))
            {
                context.Report(DiagnosticDescriptors.FileNameMismatch, reader.LocateValue("method"), Path.GetFileName(path), name);
            }
        }

        // Enums belong to the scope; read them even when the method part is broken so other files still
        // see them. Without a valid method name there is no scope to put them in.
        string scope = name?.Split('.')[0] ?? string.Empty;
        var brokenEnums = new List<string>();
        List<EnumSpec> enums = ReadEnums(reader.Mapping("enums"), scope, brokenEnums, context);
        if (scope.Length == 0)
        {
            enums.Clear();
            brokenEnums.Clear();
        }

        string? summary = reader.String("summary");
        string? remarks = reader.String("remarks");
        string? docs = reader.String("docs");
        string? access = reader.String("access");
        List<string> scopes = reader.StringList("scopes");
        bool idempotent = reader.Bool("idempotent") ?? false;
        List<ParamSpec> parameters = ReadParams(reader, context);
        ResultSpec? result = ReadResult(reader, context);
        List<ErrorSpec> errors = ErrorItemReader.ReadList(reader.Sequence("errors"), context);

        MethodSpec? method = null;
        // Any error in the file, even in a part the method does not need (a key that is not text), keeps its method out.
        if (name is not null && result is not null && context.ErrorCount == 0)
        {
            method = new MethodSpec(name, reader.LocateValue("method"), summary, remarks, docs, scopes.ToEquatableArray(), access,
                idempotent, parameters.ToEquatableArray(), result);
        }

        return new SpecFile(path, SpecFileKind.Method, method, enums.ToEquatableArray(), errors.ToEquatableArray(), EquatableArray<NamingWordSpec>.Empty)
        {
            BrokenEnums = brokenEnums.ToEquatableArray(),
            Scope = scope,
        };
    }

    private static List<ParamSpec> ReadParams(YamlMappingReader method, SpecReadContext context)
    {
        var parameters = new List<ParamSpec>();
        YamlSequenceNode? list = method.Sequence("params");
        if (list is null)
        {
            return parameters;
        }

        // The portal upper-cases keys for most methods, so CHAT_ID and chat_id are the same parameter.
        var seen = new Dictionary<string, SpecLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (YamlNode item in list.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (item is not YamlMappingNode mapping)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(item), "An item of params", "a mapping with at least 'name' and 'type'");
                continue;
            }

            var reader = new YamlMappingReader(mapping, context, "a parameter");
            reader.WarnUnknownKeys(ParamKeys);
            string? wireName = reader.RequiredString("name");
            if (wireName is not null && !WireName.IsMatch(wireName))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("name"), "The parameter name '" + wireName + "'",
                    "letters, digits and underscores, not starting with a digit");
                wireName = null;
            }

            if (wireName is not null)
            {
                reader.What = "parameter " + wireName;
            }

            TypeSpec? type = ReadType(reader, context);
            bool required = reader.Bool("required") ?? false;
            string? summary = reader.String("summary");
            string? remarks = reader.String("remarks");
            string? defaultValue = reader.String("default");

            if (wireName is null || type is null)
            {
                continue;
            }

            if (seen.TryGetValue(wireName, out SpecLocation first))
            {
                context.Report(DiagnosticDescriptors.DuplicateParameter, reader.LocateValue("name"), wireName,
                    " (first at line " + (first.LineSpan.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + ")");
                continue;
            }

            seen[wireName] = reader.LocateValue("name");
            parameters.Add(new ParamSpec(wireName, reader.LocateValue("name"), type.Value, reader.LocateValue("type"), required, summary, remarks, defaultValue));
        }

        return parameters;
    }

    private static ResultSpec? ReadResult(YamlMappingReader method, SpecReadContext context)
    {
        if (!method.Has("result"))
        {
            context.Report(DiagnosticDescriptors.MissingKey, context.LocateStart(method.Node), "result", " in the method spec");
            return null;
        }

        YamlMappingNode? mapping = method.Mapping("result");
        if (mapping is null)
        {
            if (method.IsEmpty("result"))
            {
                context.Report(DiagnosticDescriptors.MissingKey, method.LocateKey("result"), "type", " in the result");
            }

            return null;
        }

        var reader = new YamlMappingReader(mapping, context, "the result");
        reader.WarnUnknownKeys(ResultKeys);
        TypeSpec? type = ReadType(reader, context);
        string? summary = reader.String("summary");
        return type is null ? null : new ResultSpec(type.Value, reader.LocateValue("type"), summary);
    }

    private static TypeSpec? ReadType(YamlMappingReader reader, SpecReadContext context)
    {
        string? text = reader.RequiredString("type");
        if (text is null)
        {
            return null;
        }

        if (TypeSpec.TryParse(text, out TypeSpec type))
        {
            return type;
        }

        context.Report(DiagnosticDescriptors.UnknownType, reader.LocateValue("type"), text);
        return null;
    }

    private static List<EnumSpec> ReadEnums(YamlMappingNode? enums, string scope, List<string> brokenEnums, SpecReadContext context)
    {
        var result = new List<EnumSpec>();
        if (enums is null)
        {
            return result;
        }

        foreach (var entry in enums.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            int errorsBefore = context.ErrorCount;
            string? name = (entry.Key as YamlScalarNode)?.Value;
            if (name is null || !TypeSpec.IsEnumName(name))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Key), "The enum name '" + name + "'",
                    "a PascalCase name of letters and digits, such as AutoMessageType");
                continue;
            }

            if (entry.Value is not YamlMappingNode mapping)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Value), "Enum '" + name + "'", "a mapping with 'values'");
                brokenEnums.Add(name);
                continue;
            }

            var reader = new YamlMappingReader(mapping, context, "enum " + name);
            reader.WarnUnknownKeys(EnumKeys);
            string? summary = reader.String("summary");
            List<EnumValueSpec> values = ReadEnumValues(name, reader, context);
            if (context.ErrorCount == errorsBefore)
            {
                result.Add(new EnumSpec(name, context.Locate(entry.Key), scope, summary, values.ToEquatableArray()));
            }
            else
            {
                brokenEnums.Add(name);
            }
        }

        return result;
    }

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
