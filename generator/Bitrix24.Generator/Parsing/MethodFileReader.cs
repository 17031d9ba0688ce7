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
        { "method", "summary", "remarks", "docs", "scopes", "access", "idempotent", "params", "enums", "types", "result", "errors" };

    private static readonly string[] ParamKeys = { "name", "type", "required", "summary", "remarks", "default" };
    private static readonly string[] ResultKeys = { "type", "summary", "member" };

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
        var brokenTypes = new List<string>();
        List<EnumSpec> enums = EnumReader.ReadAll(reader.Mapping("enums"), scope, brokenEnums, context);
        List<ObjectTypeSpec> types = ObjectTypeReader.ReadAll(reader.Mapping("types"), scope, brokenTypes, context);
        if (scope.Length == 0)
        {
            enums.Clear();
            brokenEnums.Clear();
            types.Clear();
            brokenTypes.Clear();
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
            Types = types.ToEquatableArray(),
            BrokenTypes = brokenTypes.ToEquatableArray(),
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

            TypeSpec? type = TypeReader.Read(reader, context);
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
        TypeSpec? type = TypeReader.Read(reader, context);
        string? summary = reader.String("summary");
        string? member = reader.String("member");
        if (member is not null && !WireName.IsMatch(member))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("member"), "The result's 'member'",
                "a member name of letters, digits and underscores, not starting with a digit");
            return null;
        }

        return type is null ? null : new ResultSpec(type.Value, reader.LocateValue("type"), summary, member);
    }

}
