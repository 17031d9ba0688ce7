namespace Bitrix24.Generator.Fuzz;

/// <summary>What one case showed: the broken promises with a first message each, and how the generator answered.</summary>
internal sealed record CaseOutcome(
    int Number,
    IReadOnlyDictionary<FuzzCategory, string> Problems,
    int GeneratorErrors,
    TimeSpan GeneratorTime)
{
    public bool IsClean => Problems.Count == 0;
}
