using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Building;

/// <summary>
/// Merges system codes (errors.yaml first) with every method's codes into the members of
/// <c>Bitrix24ErrorCode</c>. A code may be listed by many files; it must not be given two different
/// statuses, retry classes or names, and two codes must not share a member name or number.
/// </summary>
internal static class ErrorCodeCollector
{
    public static List<ErrorCodeModel> Collect(SpecFile[] files, BuildContext context)
    {
        var merged = new Dictionary<string, (ErrorSpec First, int? Status, RetryClass? Retry, string? Description, string? When)>(StringComparer.Ordinal);
        var order = new List<string>();
        IEnumerable<SpecFile> systemFirst = files.Where(f => f.Kind == SpecFileKind.Errors).Concat(files.Where(f => f.Kind != SpecFileKind.Errors));
        foreach (ErrorSpec error in systemFirst.SelectMany(f => f.Errors))
        {
            if (!merged.TryGetValue(error.Code, out var known))
            {
                merged[error.Code] = (error, error.Status, error.Retry, error.Description, error.When);
                order.Add(error.Code);
                continue;
            }

            if (error.Status is { } status && known.Status is { } knownStatus && status != knownStatus)
            {
                context.Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "status " + status, "status " + knownStatus, BuildContext.Where(known.First.CodeLocation));
            }
            else if (error.Retry is { } retry && known.Retry is { } knownRetry && retry != knownRetry)
            {
                context.Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "retry " + Spell(retry), "retry " + Spell(knownRetry), BuildContext.Where(known.First.CodeLocation));
            }
            else if (error.Name is not null && error.Name != known.First.Name)
            {
                context.Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "name " + error.Name, "name " + (known.First.Name ?? "(none)"), BuildContext.Where(known.First.CodeLocation));
            }

            merged[error.Code] = (known.First, known.Status ?? error.Status, known.Retry ?? error.Retry, known.Description ?? error.Description, known.When ?? error.When);
        }

        var models = new List<ErrorCodeModel>();
        var members = new Dictionary<string, string>(StringComparer.Ordinal) { ["Unknown"] = "the SDK (for codes no spec declares)" };
        var values = new Dictionary<int, string>();
        foreach (string code in order)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var entry = merged[code];
            string member = entry.First.Name ?? context.Names.Pascal(code);
            if (!CSharpNames.IsUsableName(member))
            {
                context.Report(DiagnosticDescriptors.InvalidIdentifier, entry.First.CodeLocation, code, member, entry.First.Name is null ? "; give the error a 'name:'" : "");
                continue;
            }

            if (CSharpMemberNames.Enum.Contains(member))
            {
                context.Report(DiagnosticDescriptors.NameCollision, entry.First.CodeLocation, "Error code", code, "Bitrix24ErrorCode." + member, "every enum (System.Enum)", "; give the error a 'name:'");
                continue;
            }

            if (members.TryGetValue(member, out string? owner))
            {
                context.Report(DiagnosticDescriptors.NameCollision, entry.First.CodeLocation, "Error code", code, "Bitrix24ErrorCode." + member, owner, "; give one of them a 'name:'");
                continue;
            }

            int value = StableValue(code);
            if (values.TryGetValue(value, out string? clash))
            {
                context.Report(DiagnosticDescriptors.NameCollision, entry.First.CodeLocation, "Error code", code, "the enum value " + value, "error code " + clash, "");
                continue;
            }

            members[member] = "error code " + code;
            values[value] = code;
            models.Add(new ErrorCodeModel(code, member, value, entry.Status, entry.Description, entry.When, entry.First.Remarks, entry.Retry ?? RetryClass.Never));
        }

        return models.OrderBy(m => m.MemberName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// FNV-1a of the wire code, kept positive and never 0 (0 is Unknown). Enum values are baked into
    /// callers' assemblies; a hash keeps each code's value when codes are added or removed.
    /// </summary>
    internal static int StableValue(string code)
    {
        uint hash = 2166136261;
        foreach (char c in code)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        int value = (int)(hash & 0x7FFFFFFF);
        return value == 0 ? 1 : value;
    }

    private static string Spell(RetryClass retry) => retry switch
    {
        RetryClass.IfIdempotent => "if-idempotent",
        RetryClass.AfterDelay => "after-delay",
        RetryClass.AfterReset => "after-reset",
        RetryClass.AfterRefresh => "after-refresh",
        _ => "never",
    };
}
