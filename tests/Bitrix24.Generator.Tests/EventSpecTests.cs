using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// Event specs (<c>*.event.yaml</c>): a sound one generates an event class with its reader that compiles with the
/// runtime; each broken one is one diagnostic at its position, and no class.
/// </summary>
public sealed class EventSpecTests
{
    private const string Path = "spec/demo/events/ONDEMOITEMADD.event.yaml";

    private const string Event = """
        event: ONDEMOITEMADD
        class: ItemAddEvent
        scope: demo
        summary: An item was added.
        data:
          - name: item
            type: Item
            required: true
          - name: count
            type: int
        types:
          Item:
            members:
              - name: id
                type: int
                required: true

        """;

    [Fact]
    public void A_sound_event_generates_a_class_that_implements_the_event_interface_and_compiles()
    {
        var (output, diagnostics, driver) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path, Event)]);

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
        GeneratedSourceResult source = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == "Types.Demo.ItemAddEvent.g.cs");
        string text = source.SourceText.ToString();
        Assert.Contains("public sealed partial class ItemAddEvent : global::Bitrix24.Inbound.IBitrix24Event<global::Bitrix24.Demo.ItemAddEvent>", text, StringComparison.Ordinal);
        Assert.Contains("Create<global::Bitrix24.Demo.ItemAddEvent>(\"ONDEMOITEMADD\", Read)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("event: ONDEMOITEMADD", "event: onDemoItemAdd", "B24G1006", "(1,8)")]
    [InlineData("class: ItemAddEvent", "class: itemAddEvent", "B24G1006", "(2,8)")]
    [InlineData("scope: demo\n", "scope: Demo\n", "B24G1006", "(3,8)")]
    [InlineData("count\n    type: int", "count\n    type: Missing", "B24G2002", "(10,11)")]
    public void A_broken_event_is_one_diagnostic_at_its_position(string from, string to, string id, string where)
    {
        AssertOnly(id, Path + where, (Path, Event.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_same_event_in_two_files_is_refused_at_the_second()
    {
        string other = Event.Replace("class: ItemAddEvent", "class: OtherItemAddEvent", StringComparison.Ordinal).Replace("types:", "typez:", StringComparison.Ordinal);
        GeneratorDriverRunResult result = GeneratorHarness.Run((Path, Event), ("spec/other/ONDEMOITEMADD.event.yaml", other.Replace("scope: demo", "scope: other", StringComparison.Ordinal))).GetRunResult();

        Assert.Contains(result.Diagnostics, d => d.Id == "B24G2010");
    }

    private static void AssertOnly(string id, string where, params (string Path, string Text)[] files)
    {
        GeneratorDriverRunResult result = GeneratorHarness.Run(files).GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == id);
        Assert.Equal((id, where), (diagnostic.Id, diagnostic.FileLineColumn()));
        Assert.DoesNotContain(result.Results[0].GeneratedSources, s => s.HintName == "Types.Demo.ItemAddEvent.g.cs");
    }
}
