using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The smallest reproduction of each kind of failure an outside fuzz run found (10 000 mutated spec
/// sets), now each a diagnostic at the spec or code that compiles. The rows of its table:
/// <list type="number">
/// <item>The compiler process dies: <see cref="SpecLimitsTests"/> (50 000-deep values on a 1 MB stack).</item>
/// <item>Generated or runtime code does not compile: <see cref="DoesNotCompileAnyMore"/>, and
/// <see cref="NameSafetyTests"/> for every name the runtime uses and every real Bitrix24 family.</item>
/// <item>Generated code has warnings: <see cref="HasNoWarningsAnyMore"/>.</item>
/// <item>An internal error instead of a position: <see cref="SpecLimitsTests"/> (what made YamlDotNet throw).</item>
/// <item>A name accepted silently that breaks or shadows: <see cref="IsRefusedWhereItWasAccepted"/>.</item>
/// <item>Code emitted for a file that has an error: <see cref="AFileWithAnErrorFoundAcrossFiles_EmitsNothing"/>.</item>
/// </list>
/// The in-repo fuzzer (<c>tests/Bitrix24.Generator.Fuzz</c>, <see cref="FuzzTests"/>) keeps looking for more.
/// </summary>
public sealed class FuzzFindingsTests
{
    private const string Path = "spec/demo/demo.item.get.yaml";

    private const string Valid = "method: demo.item.get\nparams:\n  - name: ID\n    type: int\nresult:\n  type: bool\n";

    public static TheoryData<string, string, string, string?> Uncompilable => new()
    {
        // (what, file, text, the only diagnostic expected, or null for none)
        { "a real family: task.item.list", "spec/task/task.item.list.yaml", "method: task.item.list\nresult:\n  type: int[]\n", null },
        { "scope enum (the runtime names System.Enum in full, so it compiles)", "spec/enum/enum.item.get.yaml", "method: enum.item.get\nresult:\n  type: bool\n", null },
        { "scope exception", "spec/exception/exception.item.get.yaml", "method: exception.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope array", "spec/array/array.item.get.yaml", "method: array.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope system", "spec/system/system.item.get.yaml", "method: system.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope uri", "spec/uri/uri.item.get.yaml", "method: uri.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope options", "spec/options/options.item.get.yaml", "method: options.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope microsoft", "spec/microsoft/microsoft.item.get.yaml", "method: microsoft.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "scope attribute", "spec/attribute/attribute.item.get.yaml", "method: attribute.item.get\nresult:\n  type: bool\n", "B24G2006" },
        { "naming word spelled Attribute", "spec/naming.yaml", "words:\n  demo: Attribute\n", "B24G2006" },
        { "naming word spelled CancellationToken", "spec/naming.yaml", "words:\n  demo: CancellationToken\n", "B24G2006" },
        { "naming word spelled Bitrix24Batch", "spec/naming.yaml", "words:\n  demo: Bitrix24Batch\n", "B24G2006" },
        { "naming word spelled Bitrix24ErrorCode", "spec/naming.yaml", "words:\n  demo: Bitrix24ErrorCode\n", "B24G2006" },
        { "an enum value named value__", Path, Valid + "enums:\n  Level:\n    values:\n      - wire: A\n        name: value__\n", "B24G2006" },
        { "an enum named like its converter's method, TryParse", Path, Valid.Replace("type: int", "type: TryParse") + "enums:\n  TryParse:\n    values: [A]\n", null },
        { "an enum named ValueType, which System has too", Path, Valid + "enums:\n  ValueType:\n    values: [A]\n", "B24G2006" },
        { "an enum named To, whose converter would be ToWire", Path, Valid + "enums:\n  To:\n    values: [A]\n", "B24G2006" },
        { "an enum value named GetType", Path, Valid + "enums:\n  Level:\n    values: [GET_TYPE]\n", "B24G2006" },
        { "an error code that becomes Bitrix24ErrorCode.Parse", Path, Valid + "errors:\n  - code: PARSE\n", "B24G2006" },
    };

    [Theory]
    [MemberData(nameof(Uncompilable))]
    public void DoesNotCompileAnyMore(string what, string path, string text, string? diagnostic)
    {
        // The reproduction, and beside it a sound file (unless the reproduction is that file).
        var specs = new[] { new InMemoryAdditionalText(path, text), new InMemoryAdditionalText(Path, Valid) }.DistinctBy(s => s.Path);
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(specs);

        Assert.True(diagnostic is null ? diagnostics.IsEmpty : diagnostics.Single().Id == diagnostic, what + ": " + string.Join("\n", diagnostics));
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void ARefusedScope_GetsNeitherItsMethodsNorItsEnums()
    {
        // Scope demo spelled Bitrix24Client: its enum once went to namespace Bitrix24.Bitrix24Client all the same (CS0101).
        var (output, diagnostics, driver) = GeneratorHarness.CompileSdk(
        [
            new InMemoryAdditionalText(Path, Valid.Replace("type: int", "type: Color") + "enums:\n  Color:\n    values: [RED]\n"),
            new InMemoryAdditionalText("spec/naming.yaml", "words:\n  demo: Bitrix24Client\n"),
        ]);

        Assert.Equal("Scope 'demo' becomes the C# name 'Bitrix24.Bitrix24Client', which the runtime's type Bitrix24.Bitrix24Client already uses; map the word to another spelling in naming.yaml",
            Assert.Single(diagnostics).GetMessage());
        Assert.DoesNotContain(driver.GetRunResult().Results[0].GeneratedSources, s => s.HintName.StartsWith("Enums.", StringComparison.Ordinal));
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void ABrokenFileOfARefusedScope_KeepsNoEnumThere()
    {
        // A file with an error keeps its sound enums for the scope; scope attribute has no namespace to keep them in.
        string broken = "method: attribute.item.get\nparams:\n  - name: ID\n    type: integr\nresult:\n  type: bool\nenums:\n  Color:\n    values: [RED]\n";
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText("spec/attribute/attribute.item.get.yaml", broken)]);

        Assert.Equal(["B24G1003", "B24G2006"], diagnostics.Select(d => d.Id).Order());
        CompilationAssert.NoWarnings(output);
    }

    public static TheoryData<string, string> Warned => new()
    {
        { "a valid spec: result string[] (CS8603 in ReadResultItem)", Valid.Replace("type: bool", "type: string[]") },
        { "a bell in a summary (CS1570)", Valid + "summary: \"bell \\a\"\n" },
        { "a NUL in remarks (CS1570)", Valid + "remarks: \"nul \\0 here\"\n" },
        { "U+FFFE and an escape character in a summary (CS1570)", Valid + "summary: \"a \\uFFFE b \\e c\"\n" },
        { "line separators in a summary", Valid + "summary: \"one\\u2028two\\u0085three\\u2029four\"\n" },
        { "a quote in the docs link (CS1570 in href)", Valid + "docs: 'https://example.com/a\"b<c>'\n" },
        { "control characters in an enum value and an error description", Valid + "enums:\n  Level:\n    values:\n      - wire: \"a\\tb\"\n        name: Tab\nerrors:\n  - code: DEMO_X\n    description: \"x\\x01y\"\n" },
    };

    [Theory]
    [MemberData(nameof(Warned))]
    public void HasNoWarningsAnyMore(string what, string text)
    {
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path, text)]);

        Assert.True(diagnostics.IsEmpty, what + ": " + string.Join("\n", diagnostics));
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void AStringListResult_IsReadAsNullableStrings()
    {
        var (output, _, _) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path, Valid.Replace("type: bool", "type: string[]"))]);

        var method = (IMethodSymbol)output.GetTypeByMetadataName("Bitrix24.Demo.DemoItemApi")!.GetMembers("GetAsync").First();
        Assert.Equal("System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<string?>>", method.ReturnType.ToDisplayString());
    }

    public static TheoryData<string, string> AcceptedSilently => new()
    {
        { "a parameter MEMBERWISE_CLONE", Valid.Replace("name: ID", "name: MEMBERWISE_CLONE") },
        { "a parameter REFERENCE_EQUALS", Valid.Replace("name: ID", "name: REFERENCE_EQUALS") },
        { "a method segment memberwiseClone (a group property)", Valid.Replace("demo.item.get", "demo.memberwiseClone.get") },
        { "a method segment getType", Valid.Replace("demo.item.get", "demo.getType.get") },
        { "a method segment finalize", Valid.Replace("demo.item.get", "demo.finalize.get") },
    };

    [Theory]
    [MemberData(nameof(AcceptedSilently))]
    public void IsRefusedWhereItWasAccepted(string what, string text)
    {
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path.Replace("demo.item.get", text.Split('\n')[0].Substring(8)), text)]);

        Assert.True(diagnostics.Length == 1 && diagnostics[0].Id == "B24G2006", what + ": " + string.Join("\n", diagnostics));
        CompilationAssert.NoWarnings(output);
    }

    public static TheoryData<string, string, string, string> FoundAcrossFiles => new()
    {
        // (what, the other file, the broken file, its diagnostic); the broken file is demo.item.set.
        { "an enum value that is no C# name (B24G1007)", Valid, Set + "enums:\n  K:\n    values: [\"01\"]\n", "B24G1007" },
        { "an error code whose C# name another file's has (B24G2006)", Valid + "errors:\n  - code: ChatIdEmpty\n", Set + "errors:\n  - code: CHAT_ID_EMPTY\n", "B24G2006" },
        { "an error code with another status (B24G2003)", Valid + "errors:\n  - code: DEMO_X\n    status: 400\n", Set + "errors:\n  - code: DEMO_X\n    status: 409\n", "B24G2003" },
        { "an enum declared again with other values (B24G2004)", Valid + "enums:\n  Color:\n    values: [RED]\n", Set + "enums:\n  Color:\n    values: [BLUE]\n", "B24G2004" },
        { "an enum whose value is named like an enum member (B24G2006)", Valid, Set + "enums:\n  Level:\n    values: [HAS_FLAG]\n", "B24G2006" },
    };

    private const string Set = "method: demo.item.set\nresult:\n  type: bool\n";

    [Theory]
    [MemberData(nameof(FoundAcrossFiles))]
    public void AFileWithAnErrorFoundAcrossFiles_EmitsNothing(string what, string other, string broken, string diagnostic)
    {
        var (output, diagnostics, driver) = GeneratorHarness.CompileSdk(
            [new InMemoryAdditionalText(Path, other), new InMemoryAdditionalText("spec/demo/demo.item.set.yaml", broken)]);

        Diagnostic only = Assert.Single(diagnostics);
        Assert.True(only.Id == diagnostic && only.Location.GetLineSpan().Path == "spec/demo/demo.item.set.yaml", what + ": " + only);
        var hints = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Methods.Demo.Item.Get.g.cs", hints);
        Assert.DoesNotContain("Methods.Demo.Item.Set.g.cs", hints);
        CompilationAssert.NoWarnings(output);
    }
}
