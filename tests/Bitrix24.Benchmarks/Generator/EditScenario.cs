using Microsoft.CodeAnalysis;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// A build after editing one spec: a driver that has already run over the synthetic specs, and the
/// edited texts to hand it. Drivers are immutable, so every <see cref="RunEdited"/> starts from the
/// same state and does exactly the work of one incremental build.
/// </summary>
internal sealed class EditScenario
{
    private readonly AdditionalText[] _edited;

    /// <param name="trackSteps">On to read which steps re-ran (<see cref="EditOutcome"/>); off to time them.</param>
    public EditScenario(int specCount, bool trackSteps)
    {
        List<AdditionalText> specs = GeneratorHost.ToAdditionalTexts(SyntheticSpecs.Create(specCount));
        Target = ChooseTarget(specs);
        BaseDriver = GeneratorHost.RunClean(GeneratorHost.CreateDriver(specs, trackSteps));

        string text = Target.GetText()!.ToString();
        _edited = Enum.GetValues<SpecEdit>()
            .Select(edit => GeneratorHost.ToAdditionalText(Target.Path, edit.Apply(text)))
            .ToArray();
        foreach (SpecEdit edit in Enum.GetValues<SpecEdit>())
        {
            // The edited set must generate cleanly too, or the run measures the error path.
            GeneratorHost.RunClean(BaseDriver.ReplaceAdditionalText(Target, _edited[(int)edit]));
        }
    }

    /// <summary>The spec that gets edited.</summary>
    public AdditionalText Target { get; }

    /// <summary>The driver after the full run over the unedited specs.</summary>
    public GeneratorDriver BaseDriver { get; }

    /// <summary>The same inputs again: what an incremental run costs when nothing changed.</summary>
    public GeneratorDriver RunUnchanged() => BaseDriver.RunGenerators(GeneratorHost.Compilation);

    public GeneratorDriver RunEdited(SpecEdit edit) =>
        BaseDriver.ReplaceAdditionalText(Target, _edited[(int)edit]).RunGenerators(GeneratorHost.Compilation);

    /// <summary>
    /// The method spec nearest the middle that declares an enum (as the spec IncrementalTests edits
    /// does), so the run also shows that the enum's file stays put; without one, the middle spec.
    /// </summary>
    private static AdditionalText ChooseTarget(List<AdditionalText> specs)
    {
        List<AdditionalText> methods = specs
            .Where(spec => spec.Path.StartsWith("spec/bench", StringComparison.Ordinal) && !spec.Path.EndsWith(".types.yaml", StringComparison.Ordinal))
            .ToList();
        if (methods.Count == 0)
        {
            throw new InvalidOperationException("No method spec to edit.");
        }

        List<AdditionalText> byDistance = methods
            .Select((spec, index) => (Spec: spec, Distance: Math.Abs(index - (methods.Count / 2))))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Spec)
            .ToList();
        return byDistance.FirstOrDefault(spec => spec.GetText()!.ToString().Contains("\nenums:", StringComparison.Ordinal)) ?? byDistance.First();
    }
}
