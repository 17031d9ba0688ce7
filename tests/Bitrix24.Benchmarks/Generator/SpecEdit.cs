using System.Text.RegularExpressions;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>The edits a developer makes to one spec between two builds, as the edit benchmarks replay them.</summary>
internal enum SpecEdit
{
    /// <summary>The method's <c>summary:</c> reworded (docs only; IncrementalTests makes the same edit).</summary>
    Summary,

    /// <summary>An optional string parameter appended to <c>params:</c> (the request type changes).</summary>
    AddParameter,
}

/// <summary>Applies a <see cref="SpecEdit"/> to a spec's text.</summary>
internal static partial class SpecEdits
{
    public static string Apply(this SpecEdit edit, string text)
    {
        string edited = edit switch
        {
            SpecEdit.Summary => TopLevelSummary().Replace(text, "summary: Edited. ", 1),
            SpecEdit.AddParameter => ParamsKey().Replace(text, "params:\n  - name: BENCH_EXTRA\n    type: string\n    summary: A parameter added by the edit benchmark.\n", 1),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };

        return edited != text ? edited : throw new InvalidOperationException($"The {edit} edit does not apply to this spec.");
    }

    [GeneratedRegex(@"^summary: ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelSummary();

    [GeneratedRegex(@"^params:[ \t]*\r?\n", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ParamsKey();
}
