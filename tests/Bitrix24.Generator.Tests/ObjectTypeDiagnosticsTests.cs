using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// Every rule of object types, types files, maps, <c>json</c>, <c>?</c> and <c>member:</c>: its
/// diagnostic ID and position (<c>file(line,col)</c>, 1-based), and that a broken declaration yields
/// no code for what uses it, while the rest still compiles.
/// </summary>
public sealed class ObjectTypeDiagnosticsTests
{
    private const string Path = "spec/demo/demo.item.set.yaml";

    private const string TypesPath = "spec/demo/demo.types.yaml";

    private const string Method = """
        method: demo.item.set
        params:
          - name: fields
            type: Fields
            required: true
        result:
          type: bool
        types:
          Fields:
            members:
              - name: title
                type: string
              - name: owner
                type: Owner

        """;

    private const string Types = """
        scope: demo
        types:
          Owner:
            members:
              - name: id
                type: int
                required: true
              - name: tags
                type: map<string?>

        """;

    [Fact]
    public void SoundTypes_GenerateAndCompile()
    {
        var (output, diagnostics, driver) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path, Method), new InMemoryAdditionalText(TypesPath, Types)]);

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
        var hints = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Types.Demo.Fields.g.cs", hints);
        Assert.Contains("Types.Demo.Owner.g.cs", hints);
    }

    [Theory]
    [InlineData("map<int[]>")]
    [InlineData("map<int>[]")]
    [InlineData("int?[]")]
    [InlineData("map<>")]
    [InlineData("Dictionary<string,int>")]
    public void TypesTheGrammarDoesNotHave_B24G1003(string type)
    {
        AssertOnly("B24G1003", Path + "(4,11)", (Path, Method.Replace("type: Fields", "type: " + type)), (TypesPath, Types));
    }

    [Theory]
    [InlineData("map<string?>")]
    [InlineData("int[]?")]
    [InlineData("Owner?")]
    [InlineData("json")]
    [InlineData("map<Owner>")]
    [InlineData("Owner[]")]
    public void TypesTheGrammarHas_Compile(string type)
    {
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(
            [new InMemoryAdditionalText(Path, Method.Replace("type: Owner", "type: " + type)), new InMemoryAdditionalText(TypesPath, Types)]);

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void ATypeNoFileDeclares_B24G2002_AtTheType()
    {
        AssertOnly("B24G2002", Path + "(14,15)", (Path, Method));
    }

    [Fact]
    public void AMemberTwice_B24G1009_AtTheSecond()
    {
        string types = Types.Replace("      - name: tags", "      - name: id\n        type: long\n      - name: tags");
        AssertOnly("B24G1009", TypesPath + "(8,15)", (Path, Method), (TypesPath, types));
    }

    [Fact]
    public void MembersDifferingOnlyInCase_AreTwoMembers_ButOneCSharpName_B24G2006()
    {
        string types = Types.Replace("      - name: tags", "      - name: ID\n        type: long\n      - name: tags");
        var diagnostic = AssertOnly("B24G2006", TypesPath + "(8,15)", (Path, Method), (TypesPath, types));
        Assert.Contains("Owner.Id", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GetType", "System.Object")]
    [InlineData("Owner", "the type itself")]
    public void AMemberNamedLikeWhatTheClassHas_B24G2006(string property, string owner)
    {
        string types = Types.Replace("      - name: tags\n", "      - name: x\n        property: " + property + "\n        type: int\n      - name: tags\n");
        var diagnostic = AssertOnly("B24G2006", TypesPath + "(8,15)", (Path, Method), (TypesPath, types));
        Assert.Contains(owner, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("property: lower")]
    [InlineData("property: Wrong-Name")]
    public void APropertyThatIsNoUpperCaseCSharpName_B24G1006(string line)
    {
        string types = Types.Replace("        required: true\n", "        required: true\n        " + line + "\n");
        AssertOnly("B24G1006", TypesPath + "(8,19)", (Path, Method), (TypesPath, types));
    }

    [Fact]
    public void ATypeDeclaredTwiceWithOtherMembers_B24G2008_AtTheLater()
    {
        string again = "  Owner:\n    members:\n      - name: id\n        type: long\n";
        // The types file comes later in path order (demo.types > demo.item.set), so it is the one reported.
        AssertOnly("B24G2008", TypesPath + "(3,3)", (Path, Method + again), (TypesPath, Types));
    }

    [Fact]
    public void ATypeDeclaredTwiceAlike_IsFine()
    {
        string again = Types.Substring(Types.IndexOf("  Owner:", StringComparison.Ordinal));
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(
            [new InMemoryAdditionalText(Path, Method + again), new InMemoryAdditionalText(TypesPath, Types)]);

        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void ATypeThatHoldsItself_B24G2009_AtEachTypeOfTheCycle_AndNothingUsingItIsGenerated()
    {
        string cyclic = Types.Replace("type: map<string?>", "type: map<Back>") + "  Back:\n    members:\n      - name: owner\n        type: Owner[]\n";
        var (output, diagnostics, driver) = GeneratorHarness.CompileSdk([new InMemoryAdditionalText(Path, Method), new InMemoryAdditionalText(TypesPath, cyclic)]);

        Assert.Equal(["B24G2009 " + TypesPath + "(10,3)", "B24G2009 " + TypesPath + "(3,3)"], diagnostics.Select(d => d.Id + " " + d.FileLineColumn()).Order());
        Assert.Contains("Owner → Back → Owner", diagnostics[0].GetMessage() + diagnostics[1].GetMessage(), StringComparison.Ordinal);
        var hints = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain("Methods.Demo.Item.Set.g.cs", hints);
        Assert.DoesNotContain("Types.Demo.Fields.g.cs", hints);
        CompilationAssert.NoWarnings(output);
    }

    [Fact]
    public void ATypeThatHoldsItselfDirectly_B24G2009()
    {
        var diagnostic = AssertOnly("B24G2009", TypesPath + "(3,3)", (Path, Method), (TypesPath, Types.Replace("type: map<string?>", "type: Owner?")));
        Assert.Contains("(Owner → Owner)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AChainOfTenThousandTypes_IsJudgedWithoutRecursion()
    {
        // A hostile types file: T0 holds T1 holds T2 ... T9999, and the last holds T0. Judged on a 1 MB stack.
        var text = new System.Text.StringBuilder("scope: demo\ntypes:\n");
        for (int i = 0; i < 10_000; i++)
        {
            text.Append("  T").Append(i).Append(":\n    members:\n      - name: next\n        type: T").Append((i + 1) % 10_000).Append('\n');
        }

        GeneratorDriverRunResult? result = null;
        var thread = new Thread(() => result = GeneratorHarness.Run((TypesPath, text.ToString())).GetRunResult(), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(result);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Equal(10_000, result.Diagnostics.Count(d => d.Id == "B24G2009"));
    }

    [Fact]
    public void AnEnumAndATypeOfOneName_B24G2006()
    {
        string types = Types + "enums:\n  Owner:\n    values: [A]\n";
        var diagnostic = AssertOnly("B24G2006", TypesPath + "(3,3)", (Path, Method), (TypesPath, types));
        Assert.Contains("enum Owner", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("types:\n  File:\n    members:\n      - name: id\n        type: int\n", "System.IO.File")]
    [InlineData("enums:\n  Task:\n    values: [A]\n", "System.Threading.Tasks.Task")]
    [InlineData("types:\n  Action:\n    members:\n      - name: id\n        type: int\n", "System.Action")]
    public void ATypeNamedLikeOneTheDefaultUsingsBringIn_B24G2006(string declaration, string framework)
    {
        var diagnostic = AssertOnly("B24G2006", TypesPath + "(3,3)", (TypesPath, "scope: demo\n" + declaration));
        Assert.Contains(framework + ", which code with the default usings also sees", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATypesFileWithoutScope_B24G1001()
    {
        AssertOnly("B24G1001", TypesPath + "(1,1)", (TypesPath, Types.Replace("scope: demo\n", "")));
    }

    [Fact]
    public void ATypesFileWithABadScope_B24G1006()
    {
        AssertOnly("B24G1006", TypesPath + "(1,8)", (TypesPath, Types.Replace("scope: demo", "scope: Demo.Item")));
    }

    [Fact]
    public void AResultMemberThatIsNoName_B24G1006()
    {
        AssertOnly("B24G1006", Path + "(8,11)", (Path, Method.Replace("  type: bool\n", "  type: bool\n  member: a.b\n")), (TypesPath, Types));
    }

    [Fact]
    public void ATypeWithoutMembers_B24G1001()
    {
        AssertOnly("B24G1001", TypesPath + "(4,5)", (Path, Method.Replace("type: Owner", "type: string")), (TypesPath, "scope: demo\ntypes:\n  Owner:\n    summary: nothing\n"));
    }

    /// <summary>Runs the generator and asserts exactly one diagnostic, with its ID and position.</summary>
    private static Diagnostic AssertOnly(string id, string where, params (string Path, string Text)[] files)
    {
        GeneratorDriverRunResult result = GeneratorHarness.Run(files).GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, where), (diagnostic.Id, diagnostic.FileLineColumn()));
        return diagnostic;
    }
}
