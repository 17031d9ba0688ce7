using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// What the YAML itself can do to the compiler the generator runs in, found by an outside fuzz run:
/// a value nested 50 000 levels deep overflowed the stack inside YamlDotNet (the build died with no
/// message), and some broken files made YamlDotNet throw exceptions that became B24G9001 "generator
/// failure" instead of a position in the file. Each now gets a positioned diagnostic, on a stack the
/// size of Windows' default.
/// </summary>
public sealed class SpecLimitsTests
{
    private const string Path = "spec/demo/demo.item.get.yaml";

    private const string Valid = "method: demo.item.get\nresult:\n  type: bool\n";

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void AValue50000LevelsDeep_IsB24G0004_AtTheLevelPastTheLimit(string open, string close)
    {
        // Flow sequences and flow mappings, 50 000 deep on one line (a 100 KB and a 200 KB file).
        string deep = "x-deep: " + string.Concat(Enumerable.Repeat(open, 50_000)) + "x" + string.Concat(Enumerable.Repeat(close, 50_000)) + "\n";

        Diagnostic diagnostic = RunOnWindowsSizedStack((Path, Valid + deep));

        Assert.Equal("B24G0004", diagnostic.Id);
        // The root mapping is level 1 and x-deep's value level 2, so the 64th open of the value is level 65.
        int column = "x-deep: ".Length + (63 * open.Length) + 1;
        Assert.Equal($"{Path}(4,{column})", diagnostic.FileLineColumn());
        Assert.Contains("more than 64 levels", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void BlockListsInsideEachOther50000Deep_AreB24G0004()
    {
        // "- - - x" is a list in a list in a list; 50 000 of them are a 100 KB file.
        Diagnostic diagnostic = RunOnWindowsSizedStack((Path, string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n"));

        Assert.Equal(("B24G0004", Path + "(1,129)"), (diagnostic.Id, diagnostic.FileLineColumn()));
    }

    [Fact]
    public void NestingAtTheLimit_IsRead()
    {
        // 62 levels inside the value, plus the root and x-deep's own: 64 in all. The key is unknown, nothing more.
        string deep = "x-deep: " + new string('[', 62) + "x" + new string(']', 62) + "\n";

        var result = GeneratorHarness.Run((Path, Valid + deep)).GetRunResult();

        Assert.Equal("B24G3001", Assert.Single(result.Diagnostics).Id);
        Assert.Contains(result.Results[0].GeneratedSources, s => s.HintName == "Methods.Demo.Item.Get.g.cs");
    }

    [Fact]
    public void AFileOverOneMebibyte_IsB24G0003_AtTheFile()
    {
        string large = Valid + "remarks: " + new string('a', 1024 * 1024) + "\n";

        Diagnostic diagnostic = RunOnWindowsSizedStack((Path, large));

        Assert.Equal(("B24G0003", Path + "(1,1)"), (diagnostic.Id, diagnostic.FileLineColumn()));
        Assert.Contains("may have at most 1048576", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary: &s Text\nremarks: *s\n", 5, 10, "s")]
    [InlineData("x: &a [*a]\n", 4, 8, "a")]
    public void AnAlias_IsB24G0005_AtTheAlias(string yaml, int line, int column, string alias)
    {
        Diagnostic diagnostic = RunOnWindowsSizedStack((Path, Valid + yaml));

        Assert.Equal(("B24G0005", $"{Path}({line},{column})"), (diagnostic.Id, diagnostic.FileLineColumn()));
        Assert.Contains("'*" + alias + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    // YamlDotNet throws InvalidOperationException from its scanner here, and ArgumentException below.
    [InlineData("...\n---\n", "(1,1)")]
    [InlineData("  : \"List<int>\"\n", "(2,1)")]
    public void WhatMadeYamlDotNetThrow_IsB24G0001_WithAPosition(string text, string where)
    {
        Diagnostic diagnostic = RunOnWindowsSizedStack((Path, text));

        Assert.Equal(("B24G0001", Path + where), (diagnostic.Id, diagnostic.FileLineColumn()));
        Assert.DoesNotContain("report it", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredThousandUnknownKeys_AreCutAtAHundredDiagnostics()
    {
        string keys = string.Concat(Enumerable.Range(0, 100_000).Select(i => "k" + i + ": 1\n"));

        var result = GeneratorHarness.Run((Path, Valid + keys)).GetRunResult();

        Assert.Equal(101, result.Diagnostics.Length);
        Assert.Equal("B24G3003", result.Diagnostics[^1].Id);
    }

    /// <summary>
    /// Runs the generator on a thread with a 1 MB stack, Windows' default, where an unbounded
    /// recursion dies soonest; returns its only diagnostic.
    /// </summary>
    private static Diagnostic RunOnWindowsSizedStack(params (string Path, string Text)[] files)
    {
        GeneratorDriverRunResult? result = null;
        var thread = new Thread(() => result = GeneratorHarness.Run(files).GetRunResult(), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(result);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(result.Results[0].GeneratedSources.Where(s => s.HintName.StartsWith("Methods.", StringComparison.Ordinal)));
        return Assert.Single(result.Diagnostics);
    }
}
