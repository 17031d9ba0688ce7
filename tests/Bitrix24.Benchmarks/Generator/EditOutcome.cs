using Bitrix24.Generator;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// What an incremental run redid, read from the driver's tracked steps: each source output that ran
/// with new or modified input called AddSource again, so the compiler gets a new syntax tree for it.
/// </summary>
/// <param name="ReEmittedFiles">Source outputs whose reason is New or Modified.</param>
/// <param name="ModifiedUnits">Outputs of the EmitUnits step whose reason is New or Modified.</param>
/// <param name="HintNames">The files whose text is a new object after the run (the cached ones keep theirs).</param>
internal sealed record EditOutcome(int ReEmittedFiles, int ModifiedUnits, IReadOnlyList<string> HintNames)
{
    /// <summary>Roslyn's name for the steps of RegisterSourceOutput.</summary>
    private const string SourceOutputStep = "SourceOutput";

    /// <param name="before">The run before the edit; its sources are what the cached ones must still be.</param>
    /// <param name="after">The run after the edit, from a driver created with step tracking on.</param>
    /// <exception cref="InvalidOperationException">The steps were not tracked, or they disagree with the files.</exception>
    public static EditOutcome Read(GeneratorDriver before, GeneratorDriver after)
    {
        GeneratorRunResult run = after.GetRunResult().Results.Single();
        if (!run.TrackedOutputSteps.TryGetValue(SourceOutputStep, out var sourceSteps))
        {
            throw new InvalidOperationException($"No tracked '{SourceOutputStep}' step: was the driver created with trackIncrementalGeneratorSteps?");
        }

        if (!run.TrackedSteps.TryGetValue(TrackingNames.EmitUnits, out var unitSteps))
        {
            throw new InvalidOperationException($"No tracked '{TrackingNames.EmitUnits}' step in the generator's run.");
        }

        int reEmitted = CountRedone(sourceSteps);
        Dictionary<string, Microsoft.CodeAnalysis.Text.SourceText> previous = before.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(source => source.HintName, source => source.SourceText, StringComparer.Ordinal);
        List<string> hintNames = run.GeneratedSources
            .Where(source => !previous.TryGetValue(source.HintName, out var text) || !ReferenceEquals(text, source.SourceText))
            .Select(source => source.HintName)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (hintNames.Count != reEmitted)
        {
            throw new InvalidOperationException(
                $"The tracked steps re-emitted {reEmitted} files, but {hintNames.Count} have new text ({string.Join(", ", hintNames)}).");
        }

        return new EditOutcome(reEmitted, CountRedone(unitSteps), hintNames);
    }

    private static int CountRedone(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(step => step.Outputs).Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
}
