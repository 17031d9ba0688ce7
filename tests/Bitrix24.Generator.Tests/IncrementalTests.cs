using System.Collections;
using System.Reflection;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The pipeline caches what did not change: a second run does no work, a summary edit re-emits one
/// file, a C# edit runs nothing, and no step output keeps compiler or YAML objects alive.
/// </summary>
public sealed class IncrementalTests
{
    private const string SendSpec = "spec/imopenlines/imopenlines.bot.session.message.send.yaml";

    private static readonly string[] AllSteps =
    [
        TrackingNames.SpecFiles, TrackingNames.ParseSpec, TrackingNames.FileDiagnostics, TrackingNames.SpecModel,
        TrackingNames.BuildSdk, TrackingNames.SdkDiagnostics, TrackingNames.EmitUnits,
    ];

    [Fact]
    public void SecondRunWithTheSameInputs_IsCachedEverywhere()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(RepositoryFiles.RealSpecs()).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        GeneratorRunResult second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (string step in AllSteps)
        {
            Assert.All(Outputs(second, step), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(SourceOutputs(second), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void EditingOneSpecsSummary_ReEmitsOnlyThatMethodsFile()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = RepositoryFiles.RealSpecs();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        AdditionalText send = specs.Single(s => s.Path == SendSpec);
        string edited = send.GetText()!.ToString().Replace(
            "summary: Sends an automatic message", "summary: Posts an automatic message", StringComparison.Ordinal);
        Assert.NotEqual(send.GetText()!.ToString(), edited);
        driver = driver.ReplaceAdditionalText(send, new InMemoryAdditionalText(SendSpec, edited)).RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        // Only the edited file is parsed again...
        var parsed = Outputs(run, TrackingNames.ParseSpec);
        Assert.Single(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(parsed.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // ...only its method's unit changes (the client and batch trees, enums, error codes, catalog and method list hold no summaries)...
        var units = Outputs(run, TrackingNames.EmitUnits).ToList();
        var changed = Assert.Single(units, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("Methods.ImOpenLines.Bot.Session.Message.Send.g.cs", ((Model.Units.EmitUnit)changed.Value).HintName);
        Assert.All(units.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Subset(
            units.Where(o => o.Reason == IncrementalStepRunReason.Unchanged).Select(o => ((Model.Units.EmitUnit)o.Value).HintName).ToHashSet(),
            new HashSet<string>
            {
                "Batch.ImOpenLines.g.cs", "Bitrix24ErrorCode.g.cs", "Bitrix24GeneratedMethods.g.cs", "Bitrix24MethodCatalog.g.cs", "Clients.ImOpenLines.g.cs",
                "Enums.ImOpenLines.AutoMessageType.g.cs", "Methods.ImOpenLines.Bot.Session.Finish.g.cs",
                "Methods.ImOpenLines.Bot.Session.Operator.g.cs", "Methods.ImOpenLines.Bot.Session.Transfer.g.cs",
            });

        // ...and only that file is emitted again.
        var sources = SourceOutputs(run);
        Assert.Single(sources, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(sources.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.Contains(run.GeneratedSources, s => s.SourceText.ToString().Contains("Posts an automatic message", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestSpecs.ObjectTypeSpecs.TypesPath, "summary: The name shown in chats.", "summary: The name shown to others.", "Types.Demo.Profile.g.cs")]
    [InlineData(TestSpecs.ObjectTypeSpecs.ListPath, "summary: Lists the items, as a bare list.", "summary: Lists every item.", "Methods.Demo.Item.List.g.cs")]
    [InlineData(TestSpecs.ObjectTypeSpecs.RegisterPath, "  RegisterResult:\n    members:", "  RegisterResult:\n    summary: What registering gives.\n    members:", "Types.Demo.RegisterResult.g.cs")]
    public void EditingASharedTypeOrAMethod_ReEmitsOnlyItsFile(string path, string find, string replace, string hint)
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = TestSpecs.ObjectTypeSpecs.All().Select(s => new InMemoryAdditionalText(s.Path, s.Text)).ToList();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        AdditionalText file = specs.Single(s => s.Path == path);
        string edited = file.GetText()!.ToString().Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(file.GetText()!.ToString(), edited);
        driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(path, edited)).RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        var units = Outputs(run, TrackingNames.EmitUnits).ToList();
        var changed = Assert.Single(units, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(hint, ((Model.Units.EmitUnit)changed.Value).HintName);
        Assert.All(units.Where(o => o != changed), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Single(SourceOutputs(run), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void MovingLinesOrEditingComments_ReEmitsNothing()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var specs = RepositoryFiles.RealSpecs();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        AdditionalText send = specs.Single(s => s.Path == SendSpec);
        string edited = "# A new comment line shifts every position below it.\n\n" + send.GetText()!;
        driver = driver.ReplaceAdditionalText(send, new InMemoryAdditionalText(SendSpec, edited)).RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.Contains(Outputs(run, TrackingNames.ParseSpec), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(run, TrackingNames.EmitUnits), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.All(SourceOutputs(run), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
    }

    [Fact]
    public void AddingAnUnrelatedCSharpFile_RunsNothing()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(RepositoryFiles.RealSpecs()).RunGenerators(compilation);

        var withCode = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class UserCode { void M() { } }", GeneratorHarness.ParseOptions));
        GeneratorRunResult run = driver.RunGenerators(withCode).GetRunResult().Results.Single();

        foreach (string step in AllSteps)
        {
            Assert.All(Outputs(run, step), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(SourceOutputs(run), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void StepOutputs_HoldNoCompilerOrYamlObjects()
    {
        GeneratorRunResult run = GeneratorHarness.Run(RepositoryFiles.RealSpecs()).GetRunResult().Results.Single();

        foreach (string step in AllSteps.Where(s => s != TrackingNames.SpecFiles))
        {
            foreach (var output in Outputs(run, step))
            {
                AssertGraphIsPlainData(output.Value, step);
            }
        }
    }

    [Fact]
    public void ParsingTheSameTextTwice_GivesEqualButDistinctModels()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, SendSpec));

        var first = Parsing.SpecParser.Parse(SendSpec, SourceText.From(text), CancellationToken.None);
        var second = Parsing.SpecParser.Parse(SendSpec, SourceText.From(text), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first.File, second.File);
        Assert.NotEqual(first, Parsing.SpecParser.Parse(SendSpec, SourceText.From(text.Replace("type: int", "type: long")), CancellationToken.None));
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string step) =>
        run.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs) : [];

    private static List<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult run) =>
        run.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs).ToList();

    /// <summary>
    /// Walks an output's object graph: symbols, syntax, compilations, texts and YAML nodes would keep
    /// a whole compilation or file alive in the cache and break equality between runs.
    /// </summary>
    private static void AssertGraphIsPlainData(object? root, string step)
    {
        Type[] banned = [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(AdditionalText), typeof(SourceText), typeof(Location), typeof(YamlNode)];
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object?>([root]);
        while (pending.Count > 0)
        {
            object? value = pending.Pop();
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            {
                continue;
            }

            Type type = value.GetType();
            Assert.False(banned.Any(b => b.IsAssignableFrom(type)), $"{step} output holds a {type.FullName}");
            if (value is DiagnosticDescriptor)
            {
                continue; // static singletons; they hold no compilation
            }

            if (value is IEnumerable items)
            {
                foreach (object? item in items)
                {
                    pending.Push(item);
                }
            }

            for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    pending.Push(field.GetValue(value));
                }
            }
        }
    }
}
