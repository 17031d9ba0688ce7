using System.Text;
using System.Text.RegularExpressions;
using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// A scope becomes a namespace under <c>Bitrix24</c> and a property of the client and the batch, in
/// the same compilation as the runtime. An outside fuzz run broke the SDK's build with scopes named
/// like names the runtime uses (<c>task</c>, a real Bitrix24 family, gave CS0118 in Bitrix24Batch.cs).
/// Now every such name either compiles or is refused with a B24G diagnostic, and every real family
/// compiles.
/// </summary>
public sealed class NameSafetyTests
{
    /// <summary>
    /// The first segments of the REST methods in the official docs (bitrix24/b24restdocs,
    /// api-reference/**, method names in page titles), those the spec format can write.
    /// </summary>
    public static readonly string[] RealFamilies =
    [
        "access", "ai", "app", "biconnector", "bizproc", "booking", "calendar", "call", "catalog", "crm", "department", "disk",
        "documentgenerator", "entity", "event", "events", "feature", "humanresources", "im", "imbot", "imconnector", "imopenlines",
        "landing", "lists", "log", "mail", "mailservice", "main", "messageservice", "method", "methods", "note", "placement", "profile",
        "pull", "rpa", "sale", "salescenter", "scope", "server", "sign", "socialnetwork", "task", "tasks", "telephony", "timeman", "user",
        "userconsent", "userfieldconfig", "userfieldtype", "vote", "voximplant",
    ];

    [Fact]
    public void EveryWordTheRuntimeSpells_AsAScope_CompilesOrIsRefusedWithB24G2006()
    {
        // Every capitalised word in the runtime's sources (types, members, namespaces, words in doc comments)
        // becomes a scope spelled exactly like it, all in one SDK build.
        var words = RepositoryFiles.RuntimeSources()
            .SelectMany(source => Regex.Matches(source.Text, @"\b[A-Z][A-Za-z0-9]*\b").Select(m => m.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        var naming = new StringBuilder("words:\n");
        var specs = new List<InMemoryAdditionalText>();
        foreach (string word in words)
        {
            string scope = "z" + word.ToLowerInvariant();
            naming.Append("  ").Append(scope).Append(": ").Append(word).Append('\n');
            specs.Add(new InMemoryAdditionalText($"spec/{scope}/{scope}.item.get.yaml", $"method: {scope}.item.get\nresult:\n  type: bool\n"));
        }

        specs.Add(new InMemoryAdditionalText("spec/naming.yaml", naming.ToString()));
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(specs);

        Assert.True(words.Count > 500, "Too few words: " + words.Count);
        CompilationAssert.NoWarnings(output);
        Assert.All(diagnostics, d => Assert.Equal("B24G2006", d.Id));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("Scope 'zuri' becomes the C# name 'Bitrix24.Uri'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'Bitrix24.Bitrix24Batch', which the runtime's type", StringComparison.Ordinal));
        Assert.Contains(output.GetSymbolsWithName("TaskItemGetRequest"), s => s is INamedTypeSymbol);
    }

    [Fact]
    public void RealFamilies_GenerateAndCompileWithoutWarnings_InTheSdk()
    {
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(RepositoryFiles.RealSpecs().Concat(FamilySpecs()), UsesEveryFamily());

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void RealFamilies_GenerateAndCompileWithoutWarnings_InAnApp()
    {
        // The generator package brings the SDK's naming.yaml, as here.
        var specs = FamilySpecs().Concat(RepositoryFiles.RealSpecs().Where(s => s.Path == "spec/naming.yaml"));
        var (output, diagnostics, _) = GeneratorHarness.CompileApp(specs, sources: UsesEveryFamily().Replace("client.", "client.App().", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
    }

    /// <summary><c>task.item.list</c> and its like for every family, with a parameter, an enum and a list result.</summary>
    private static IEnumerable<InMemoryAdditionalText> FamilySpecs() =>
        RealFamilies.Where(f => f is not "imopenlines").Select(family => new InMemoryAdditionalText(
            $"spec/{family}/{family}.item.list.yaml",
            $"""
            method: {family}.item.list
            summary: Lists the items of {family}.
            params:
              - name: FILTER
                type: string[]
              - name: ORDER
                type: Direction
            enums:
              Direction:
                values: [ASC, DESC]
            result:
              type: int[]
            """));

    /// <summary>User code that calls each family's method, so every namespace and scope property is used.</summary>
    private static string UsesEveryFamily()
    {
        var code = new StringBuilder("using Bitrix24;\n\ninternal static class Families\n{\n    public static async System.Threading.Tasks.Task CallAsync(Bitrix24.Bitrix24Client client)\n    {\n");
        foreach (string family in RealFamilies.Where(f => f is not "imopenlines"))
        {
            string scope = family switch { "imbot" => "ImBot", "imconnector" => "ImConnector", _ => char.ToUpperInvariant(family[0]) + family.Substring(1) };
            code.Append($"        _ = await client.{scope}.Item.ListAsync(order: Bitrix24.{scope}.Direction.Desc);\n");
        }

        return code.Append("    }\n}\n").ToString();
    }
}
