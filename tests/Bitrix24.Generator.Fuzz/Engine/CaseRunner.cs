using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Fuzz;

/// <summary>Where the generated code goes: into the SDK beside its runtime sources, or into an app that references the SDK.</summary>
internal enum FuzzMode
{
    Sdk,
    App,
}

/// <summary>
/// Runs the generator over one case as the compiler would and checks every promise: no crash, no
/// internal error, output that compiles without warnings beside the runtime (or in an app), no code
/// for a file that has an error, and no case slower than the limit.
/// </summary>
internal sealed partial class CaseRunner
{
    private readonly FuzzMode _mode;
    private readonly TimeSpan _slow;

    // Many cases generate exactly the same files (an edit the generator rejects, a text it reads the same);
    // their compilation would say the same again.
    private readonly ConcurrentDictionary<string, (string? Error, string? Warning)> _compiled = new(StringComparer.Ordinal);

    private readonly bool _compile;

    /// <param name="mode">Where the generated code goes.</param>
    /// <param name="slow">A generator run longer than this is a problem.</param>
    /// <param name="compile">False checks the generator alone (crashes, diagnostics, time), for a quick pass over many cases.</param>
    public CaseRunner(FuzzMode mode, TimeSpan slow, bool compile = true)
    {
        _mode = mode;
        _slow = slow;
        _compile = compile;
    }

    public CaseOutcome Run(FuzzCase fuzzCase)
    {
        var problems = new Dictionary<FuzzCategory, string>();
        var texts = fuzzCase.Specs.Files.Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        CSharpCompilation compilation = _mode == FuzzMode.Sdk ? GeneratorHarness.SdkBeforeGeneration.Value : GeneratorHarness.AppCompilation(referenceSdk: true);
        GeneratorDriver driver = _mode == FuzzMode.Sdk
            ? GeneratorHarness.CreateDriver(texts)
            : GeneratorHarness.CreateAppDriver(texts, GeneratorHarness.AppOptions());

        var clock = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        TimeSpan generatorTime = clock.Elapsed;
        GeneratorDriverRunResult run = driver.GetRunResult();
        GeneratorRunResult result = run.Results[0];

        if (result.Exception is { } exception)
        {
            problems[FuzzCategory.GeneratorCrash] = exception.GetType().Name + ": " + exception.Message;
        }

        if (generatorTime > _slow)
        {
            problems[FuzzCategory.Slow] = $"the generator took {generatorTime.TotalMilliseconds:F0} ms";
        }

        GeneratorDiagnostics diagnostics = new(run.Diagnostics);
        if (diagnostics.First("B24G9001") is { } internalError)
        {
            problems[FuzzCategory.InternalError] = internalError.ToString();
        }

        // Every diagnostic must say what and where: a B24G code, at a line of one of the case's spec files.
        if (run.Diagnostics.FirstOrDefault(d => !d.Id.StartsWith("B24G", StringComparison.Ordinal) || !fuzzCase.Specs.Contains(d.Location.GetLineSpan().Path)) is { } unlocated)
        {
            problems[FuzzCategory.UnlocatedDiagnostic] = unlocated.ToString();
        }

        var (error, warning) = _compile ? Compile(compilation, result.GeneratedSources) : (null, null);
        if (error is not null)
        {
            problems[FuzzCategory.Uncompilable] = error;
        }

        if (warning is not null)
        {
            problems[FuzzCategory.Warnings] = warning;
        }

        if (EmittedForBrokenFile(fuzzCase.Specs, diagnostics, result.GeneratedSources) is { } emitted)
        {
            problems[FuzzCategory.EmittedForBrokenFile] = emitted;
        }

        return new CaseOutcome(fuzzCase.Number, problems, diagnostics.Errors.Count, generatorTime);
    }

    private (string? Error, string? Warning) Compile(CSharpCompilation compilation, IReadOnlyList<GeneratedSourceResult> sources)
    {
        string key = Hash(sources);
        return _compiled.GetOrAdd(key, _ =>
        {
            var diagnostics = compilation.AddSyntaxTrees(sources.Select(s => s.SyntaxTree)).GetDiagnostics();
            return (
                diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString(),
                diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Warning)?.ToString());
        });
    }

    private static string Hash(IReadOnlyList<GeneratedSourceResult> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedSourceResult source in sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.HintName + "\0" + source.SourceText + "\0"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// A method whose file has an error must not be generated, unless a sound file declares the same
    /// method (the error is then the duplicate's, and the first declaration is the one generated).
    /// </summary>
    private static string? EmittedForBrokenFile(SpecSet specs, GeneratorDiagnostics diagnostics, IReadOnlyList<GeneratedSourceResult> sources)
    {
        // An app without methods of its own has no list, and nothing to have emitted.
        if (!sources.Any(s => s.HintName == "Bitrix24GeneratedMethods.g.cs"))
        {
            return null;
        }

        GeneratedSourceResult list = sources.First(s => s.HintName == "Bitrix24GeneratedMethods.g.cs");

        var generated = QuotedText().Matches(list.SourceText.ToString()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var broken = diagnostics.Errors.Select(d => d.Location.GetLineSpan().Path).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (string path in broken.Where(specs.Contains))
        {
            if (MethodOf(specs[path]) is not { } method || !generated.Contains(method))
            {
                continue;
            }

            bool soundTwin = specs.Paths.Any(other => other != path && !broken.Contains(other) && MethodOf(specs[other]) == method);
            if (!soundTwin)
            {
                return path + " has an error, yet " + method + " is generated";
            }
        }

        return null;
    }

    private static string? MethodOf(string text) => MethodLine().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^method:\\s*['\"]?([A-Za-z0-9.]+)['\"]?\\s*$", RegexOptions.Multiline)]
    private static partial Regex MethodLine();

    [GeneratedRegex("\"([^\"\\\\]*)\"")]
    private static partial Regex QuotedText();

    /// <summary>The generator's diagnostics, with the lookups the checks need.</summary>
    private sealed class GeneratorDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        private readonly List<Diagnostic> _all = diagnostics.ToList();

        public List<Diagnostic> Errors => _all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        public Diagnostic? First(string id) => _all.FirstOrDefault(d => d.Id == id);
    }
}
