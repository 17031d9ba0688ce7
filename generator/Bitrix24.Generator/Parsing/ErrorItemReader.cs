using System.Collections.Generic;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads an <c>errors:</c> list, the same in errors.yaml and in a method spec.</summary>
internal static class ErrorItemReader
{
    private static readonly string[] Keys = { "code", "name", "status", "description", "when", "remarks", "retry" };

    public static List<ErrorSpec> ReadList(YamlSequenceNode? list, SpecReadContext context)
    {
        var errors = new List<ErrorSpec>();
        if (list is null)
        {
            return errors;
        }

        var seen = new Dictionary<string, SpecLocation>(System.StringComparer.Ordinal);
        foreach (YamlNode item in list.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (item is not YamlMappingNode mapping)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(item), "An item of errors", "a mapping with at least 'code'");
                continue;
            }

            int errorsBefore = context.ErrorCount;
            var reader = new YamlMappingReader(mapping, context, "an error");
            reader.WarnUnknownKeys(Keys);
            string? code = reader.RequiredString("code");
            string? name = reader.String("name");
            if (name is not null && !CSharpNames.IsUsableName(name))
            {
                context.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocateValue("name"), name, name, "");
            }

            int? status = reader.Int("status", 100, 599);
            RetryClass? retry = ReadRetry(reader, context);
            string? description = reader.String("description");
            string? when = reader.String("when");
            string? remarks = reader.String("remarks");

            if (code is not null && seen.TryGetValue(code, out SpecLocation first))
            {
                context.Report(DiagnosticDescriptors.DuplicateErrorCode, reader.LocateValue("code"), code,
                    (first.LineSpan.Start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (code is null || context.ErrorCount != errorsBefore)
            {
                continue;
            }

            seen[code] = reader.LocateValue("code");
            errors.Add(new ErrorSpec(code, reader.LocateValue("code"), name, status, description, when, remarks, retry));
        }

        return errors;
    }

    private static RetryClass? ReadRetry(YamlMappingReader reader, SpecReadContext context)
    {
        switch (reader.String("retry"))
        {
            case null:
                return null;
            case "never":
                return RetryClass.Never;
            case "if-idempotent":
                return RetryClass.IfIdempotent;
            case "after-delay":
                return RetryClass.AfterDelay;
            case "after-reset":
                return RetryClass.AfterReset;
            case "after-refresh":
                return RetryClass.AfterRefresh;
            default:
                context.Report(DiagnosticDescriptors.InvalidValue, reader.LocateValue("retry"), "'retry'",
                    "one of never, if-idempotent, after-delay, after-reset, after-refresh");
                return null;
        }
    }
}
