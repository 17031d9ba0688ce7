using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// The build after editing one spec of many: the driver has run once over every spec (in setup), and
/// each invocation hands it one edited file, with step tracking off as in the compiler. The baseline is
/// the same driver with nothing changed, the fixed cost of looking at every input again. Which files an
/// edit re-emits is counted by <see cref="GeneratorEditReport"/> (<c>generator-edit</c>).
/// </summary>
public class GeneratorEditBenchmarks
{
    private EditScenario _scenario = null!;

    /// <summary>Method specs the driver has already seen.</summary>
    [Params(500)]
    public int SpecCount { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = new EditScenario(SpecCount, trackSteps: false);

    [Benchmark(Baseline = true)]
    public GeneratorDriver NoEdit() => _scenario.RunUnchanged();

    [Benchmark]
    public GeneratorDriver SummaryEdit() => _scenario.RunEdited(SpecEdit.Summary);

    [Benchmark]
    public GeneratorDriver AddParameterEdit() => _scenario.RunEdited(SpecEdit.AddParameter);
}
