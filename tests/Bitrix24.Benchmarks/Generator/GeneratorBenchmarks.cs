using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// A full generator run (a fresh driver, as in a clean build) against the floor of any YAML-based
/// generator: YamlDotNet parsing the same texts, with the same API the generator's SpecParser uses.
/// Target: the run costs at most 3× the floor at every size.
/// </summary>
/// <remarks>
/// Both run under each garbage collector: the workstation GC of a plain app, and the server GC that
/// <c>csc</c> and the <c>VBCSCompiler</c> build server, the processes that actually host the generator,
/// are configured for (<c>System.GC.Server: true</c> in their <c>runtimeconfig.json</c>). A run keeps its
/// output alive until the driver is done, which a concurrent workstation GC pays for with a background
/// collection almost every run; the YAML floor keeps nothing and does not.
/// </remarks>
[Config(typeof(GarbageCollectors))]
public class GeneratorBenchmarks
{
    private string[] _texts = [];
    private List<AdditionalText> _specs = [];
    private int _expectedFiles;

    /// <summary>Method specs besides errors.yaml and naming.yaml.</summary>
    [Params(1, 50, 500)]
    public int SpecCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<(string Path, string Text)> specs = SyntheticSpecs.Create(SpecCount);
        _texts = specs.Select(spec => spec.Text).ToArray();
        _specs = GeneratorHost.ToAdditionalTexts(specs);

        // Once, with step tracking off as measured: the set must generate cleanly, and each run must produce the same files.
        GeneratorDriver driver = GeneratorHost.RunClean(GeneratorHost.CreateDriver(_specs, trackSteps: false));
        _expectedFiles = driver.GetRunResult().GeneratedTrees.Length;
        if (FullGeneratorRun() != _expectedFiles)
        {
            throw new InvalidOperationException("Two runs over the same specs produced different file counts.");
        }
    }

    /// <summary>Every text loaded into a YAML node tree, nothing else: what reading the specs costs at least.</summary>
    [Benchmark(Baseline = true)]
    public int YamlParseFloor()
    {
        int documents = 0;
        foreach (string text in _texts)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            documents += stream.Documents.Count;
        }

        return documents;
    }

    /// <summary>
    /// Parse, cross-file checks and the finished C# text of every file (AddSource takes a SourceText).
    /// Roslyn 4.14 parses the generated trees lazily, when the compilation needs them, so the C#
    /// parse is the compiler's cost, not counted here (GeneratedTrees only lists them).
    /// </summary>
    [Benchmark]
    public int FullGeneratorRun()
    {
        GeneratorDriver driver = GeneratorHost.CreateDriver(_specs, trackSteps: false).RunGenerators(GeneratorHost.Compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    private sealed class GarbageCollectors : ManualConfig
    {
        public GarbageCollectors()
        {
            AddJob(Job.Default.WithGcServer(false).WithId("Workstation GC"));
            AddJob(Job.Default.WithGcServer(true).WithId("Server GC (as csc)"));
        }
    }
}
