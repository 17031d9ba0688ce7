using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, with step tracking on.</summary>
internal static class GeneratorHarness
{
    /// <summary>C# 12: what the .NET 8 SDK's compiler (Roslyn 4.8, the generator's floor) understands.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>The runtime's implicit usings (ImplicitUsings=enable), which in-memory compilations do not get from MSBuild.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>The generators of the runtime's other packages (the [LoggerMessage] one), which the SDK build runs too.</summary>
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> RuntimeGenerators = new(LoadRuntimeGenerators);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs) =>
        CSharpGeneratorDriver.Create(
            generators: [new SpecGenerator().AsSourceGenerator()],
            additionalTexts: specs,
            parseOptions: ParseOptions,
            optionsProvider: new SpecOptionsProvider(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator alone over the specs (no C# input needed: it never reads the compilation).</summary>
    public static GeneratorDriver Run(IEnumerable<AdditionalText> specs) =>
        CreateDriver(specs).RunGenerators(EmptyCompilation());

    public static GeneratorDriver Run(params (string Path, string Text)[] specs) =>
        Run(specs.Select(s => new InMemoryAdditionalText(s.Path, s.Text)));

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("Specs", [], FrameworkReferences.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// The SDK as the real build makes it: the hand-written runtime plus whatever the generator emits
    /// for <paramref name="specs"/>, plus any extra C# (a user program). Returns the compilation after
    /// generation and every diagnostic the generator reported.
    /// </summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) CompileSdk(
        IEnumerable<AdditionalText> specs, params string[] extraSources)
    {
        var trees = RepositoryFiles.RuntimeSources()
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "GlobalUsings.g.cs"))
            .Concat(extraSources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, $"User{i}.cs")));
        var compilation = CSharpCompilation.Create("Bitrix24.Generated", trees, FrameworkReferences.Value, SdkCompilationOptions);
        GeneratorDriver driver = CreateDriver(specs).AddGenerators(RuntimeGenerators.Value)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        return (output, diagnostics, driver);
    }

    /// <summary>
    /// The SDK's sources before our generator runs: the runtime, its implicit usings and what the
    /// [LoggerMessage] generator makes of them. That output does not depend on any spec, so it is made
    /// once; the fuzzer adds only our generator's output to it, case after case.
    /// </summary>
    public static readonly Lazy<CSharpCompilation> SdkBeforeGeneration = new(() =>
    {
        var trees = RepositoryFiles.RuntimeSources()
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create("Bitrix24.Generated", trees, FrameworkReferences.Value, SdkCompilationOptions);
        CSharpGeneratorDriver.Create(RuntimeGenerators.Value, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (CSharpCompilation)output;
    });

    private static readonly CSharpCompilationOptions SdkCompilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // The SDK build suppresses these too: version unification notes between framework assemblies.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    /// <summary>The SDK built from the real specs, as a reference for app compilations (built once).</summary>
    private static readonly Lazy<MetadataReference> Sdk = new(() =>
    {
        var (output, diagnostics, _) = CompileSdk(RepositoryFiles.RealSpecs());
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Concat(diagnostics).ToList();
        return errors.Count == 0
            ? output.ToMetadataReference()
            : throw new InvalidOperationException("The SDK does not compile: " + string.Join("\n", errors));
    });

    /// <summary>The MSBuild properties of an app that uses the generator package without setting anything.</summary>
    public static Dictionary<string, string> AppOptions(string? accessor = null) =>
        accessor is null ? new() : new() { ["build_property.Bitrix24ClientAccessor"] = accessor };

    public static GeneratorDriver CreateAppDriver(IEnumerable<AdditionalText> specs, Dictionary<string, string> globalOptions) =>
        CSharpGeneratorDriver.Create(
            generators: [new SpecGenerator().AsSourceGenerator()],
            additionalTexts: specs,
            parseOptions: ParseOptions,
            optionsProvider: new SpecOptionsProvider(globalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// An app with its own specs, as the generator package builds it: its C# and generated code,
    /// referencing the SDK (when <paramref name="referenceSdk"/>) the way a package reference does.
    /// </summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) CompileApp(
        IEnumerable<AdditionalText> specs, Dictionary<string, string>? globalOptions = null, bool referenceSdk = true, params string[] sources) =>
        CompileApp(specs, globalOptions, referenceSdk, "Contoso.SupportBot", [], sources);

    /// <summary>The same, with the assembly's name and extra references (another project with specs).</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) CompileApp(
        IEnumerable<AdditionalText> specs, Dictionary<string, string>? globalOptions, bool referenceSdk, string assemblyName,
        IEnumerable<MetadataReference> references, params string[] sources)
    {
        var compilation = AppCompilation(referenceSdk, sources).WithAssemblyName(assemblyName).AddReferences(references);
        GeneratorDriver driver = CreateAppDriver(specs, globalOptions ?? AppOptions())
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        return (output, diagnostics, driver);
    }

    public static CSharpCompilation AppCompilation(bool referenceSdk, params string[] sources)
    {
        var references = referenceSdk ? FrameworkReferences.Value.Add(Sdk.Value) : FrameworkReferences.Value;
        return CSharpCompilation.Create(
            "Contoso.SupportBot",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, $"App{i}.cs")),
            references,
            SdkCompilationOptions);
    }

    /// <summary>The test host's framework (TPA): complete and offline, unlike reference packs fetched at test time.</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll"
                // The runtime's Microsoft.Extensions dependencies (logging, DI, options, configuration, HttpClientFactory),
                // here from the ASP.NET Core shared framework the emulator brings into the test host.
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Win32.", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<ISourceGenerator> LoadRuntimeGenerators()
    {
        string path = typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LoggingGenerators").Value!;
        return Assembly.LoadFrom(path).GetTypes()
            .Where(type => typeof(IIncrementalGenerator).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator())
            .ToImmutableArray();
    }
}
