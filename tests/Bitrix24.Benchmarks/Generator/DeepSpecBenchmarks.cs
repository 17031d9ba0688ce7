using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// The spec that killed the compiler (an outside fuzz run: a value nested 50 000 levels deep overflowed
/// the stack inside YamlDotNet, and 20 000 nested mappings took about ten seconds) against the same
/// spec without that value. The generator reads YAML events with a depth limit before YamlDotNet
/// builds anything recursively, so the deep spec's B24G0004 should cost about what a normal spec
/// costs, far under a second. A fresh driver each run, as in a clean build.
/// </summary>
public class DeepSpecBenchmarks
{
    private const string Spec = "method: demo.item.get\nparams:\n  - name: ID\n    type: int\nresult:\n  type: bool\n";

    private List<AdditionalText> _normal = [];
    private List<AdditionalText> _deep = [];

    /// <summary>Levels of the deep value.</summary>
    [Params(20_000, 50_000)]
    public int Depth { get; set; }

    /// <summary>Flow lists (<c>[[[x]]]</c>, 2 bytes a level) or flow mappings (<c>{a: {a: x}}</c>, 5 bytes a level).</summary>
    [Params("lists", "mappings")]
    public string Nesting { get; set; } = "lists";

    [GlobalSetup]
    public void Setup()
    {
        (string open, string close) = Nesting == "lists" ? ("[", "]") : ("{a: ", "}");
        string deep = Spec + "x-deep: " + string.Concat(Enumerable.Repeat(open, Depth)) + "x" + string.Concat(Enumerable.Repeat(close, Depth)) + "\n";
        _normal = [GeneratorHost.ToAdditionalText("spec/demo/demo.item.get.yaml", Spec)];
        _deep = [GeneratorHost.ToAdditionalText("spec/demo/demo.item.get.yaml", deep)];

        var diagnostics = GeneratorHost.CreateDriver(_deep, trackSteps: false).RunGenerators(GeneratorHost.Compilation).GetRunResult().Diagnostics;
        if (diagnostics.Length != 1 || diagnostics[0].Id != "B24G0004")
        {
            throw new InvalidOperationException("The deep spec should get B24G0004 alone: " + string.Join("; ", diagnostics));
        }
    }

    /// <summary>The spec without the deep value: parsed, checked and emitted.</summary>
    [Benchmark(Baseline = true)]
    public int NormalSpec() => Run(_normal);

    /// <summary>The spec with it: read up to level 65, then B24G0004 at that position.</summary>
    [Benchmark]
    public int DeepSpec() => Run(_deep);

    private static int Run(List<AdditionalText> specs) =>
        GeneratorHost.CreateDriver(specs, trackSteps: false).RunGenerators(GeneratorHost.Compilation).GetRunResult().Diagnostics.Length;
}
