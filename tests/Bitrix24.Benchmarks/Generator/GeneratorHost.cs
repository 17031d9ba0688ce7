using Bitrix24.Generator;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// Runs the spec generator in-process the way the SDK's build does: SDK mode, the spec metadata
/// MSBuild would give (<see cref="SpecOptionsProvider"/>, shared with the generator tests), C# 12.
/// </summary>
internal static class GeneratorHost
{
    /// <summary>C# 12: what the .NET 8 SDK's compiler (Roslyn 4.8, the generator's floor) understands.</summary>
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>
    /// An empty library over the host's framework. In SDK mode the generator never reads the
    /// compilation's code or references, so nothing more is needed; the references keep it a
    /// compilation the compiler could really have.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> s_compilation = new(() => CSharpCompilation.Create(
        "Bitrix24.Generated",
        syntaxTrees: [],
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

    public static CSharpCompilation Compilation => s_compilation.Value;

    /// <summary>The specs as the compiler hands them over: AdditionalFiles with their text already read.</summary>
    public static List<AdditionalText> ToAdditionalTexts(IEnumerable<(string Path, string Text)> specs) =>
        specs.Select(spec => ToAdditionalText(spec.Path, spec.Text)).ToList();

    public static AdditionalText ToAdditionalText(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <param name="trackSteps">
    /// Off for timing, as in the compiler; on to see which steps ran and why (it costs time and memory:
    /// every step keeps its inputs and outputs).
    /// </param>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            generators: [new SpecGenerator().AsSourceGenerator()],
            additionalTexts: specs,
            parseOptions: s_parseOptions,
            optionsProvider: new SpecOptionsProvider(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>
    /// Runs the driver and insists on a clean result: a benchmark over specs the generator rejects
    /// would measure its error path, not the code it generates.
    /// </summary>
    public static GeneratorDriver RunClean(GeneratorDriver driver)
    {
        GeneratorDriver ran = driver.RunGenerators(Compilation);
        GeneratorRunResult result = ran.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator failed.", result.Exception);
        }

        if (!result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException(
                $"The specs give {result.Diagnostics.Length} diagnostics; a benchmark needs none:\n" + string.Join("\n", result.Diagnostics.Take(20)));
        }

        return !result.GeneratedSources.IsEmpty && result.GeneratedSources.All(source => source.SourceText.Length > 0)
            ? ran
            : throw new InvalidOperationException("The generator produced no source text.");
    }
}
