namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// One spec set to try: the seeds changed by a few edits. A case is made from the run's seed and its
/// number alone, so <c>--case N</c> makes exactly the same files again.
/// </summary>
internal sealed record FuzzCase(int Seed, int Number, SpecSet Specs, IReadOnlyList<string> Edits)
{
    public static FuzzCase Create(int seed, int number, FuzzMode mode)
    {
        var random = new Random(unchecked((seed * 1_000_003) + number));
        var specs = new SpecSet(SeedSpecs.For(mode));
        var edits = new SpecMutator(random).Mutate(specs);
        return new FuzzCase(seed, number, specs, edits);
    }
}
