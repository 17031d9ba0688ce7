using Bitrix24.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// Every validation rule of the spec format: its diagnostic ID, severity and position, written as
/// the build prints it (<c>file(line,col)</c>, 1-based). A broken file never throws and yields no code.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Path = "spec/demo/demo.item.get.yaml";

    private const string Valid = """
        method: demo.item.get
        params:
          - name: ID
            type: int
            required: true
        result:
          type: bool

        """;

    [Fact]
    public void InvalidYaml_B24G0001_AtTheParserPosition()
    {
        AssertOnly("B24G0001", Path + "(3,3)", DiagnosticSeverity.Error, (Path, "method: demo.item.get\nparams: [\n  - x\nresult: {type: bool}\n"));
    }

    [Fact]
    public void DuplicateYamlKey_B24G0001()
    {
        AssertOnly("B24G0001", Path + "(2,1)", DiagnosticSeverity.Error, (Path, "method: demo.item.get\nmethod: demo.item.get\nresult: {type: bool}\n"));
    }

    [Fact]
    public void EmptyFile_B24G0002()
    {
        AssertOnly("B24G0002", Path + "(1,1)", DiagnosticSeverity.Error, (Path, "# nothing here\n"));
    }

    [Fact]
    public void RootIsNotAMapping_B24G0002()
    {
        AssertOnly("B24G0002", Path + "(1,1)", DiagnosticSeverity.Error, (Path, "- method: demo.item.get\n"));
    }

    [Fact]
    public void MissingMethod_B24G1001()
    {
        AssertOnly("B24G1001", Path + "(1,1)", DiagnosticSeverity.Error, (Path, "summary: no method\nresult:\n  type: bool\n"));
    }

    [Fact]
    public void MissingParameterName_B24G1001_AtTheParameter()
    {
        AssertOnly("B24G1001", Path + "(3,5)", DiagnosticSeverity.Error, (Path, Valid.Replace("name: ID", "summary: no name")));
    }

    [Fact]
    public void MissingParameterType_B24G1001()
    {
        AssertOnly("B24G1001", Path + "(3,5)", DiagnosticSeverity.Error, (Path, Valid.Replace("    type: int\n", "")));
    }

    [Fact]
    public void MissingResult_B24G1001()
    {
        AssertOnly("B24G1001", Path + "(1,1)", DiagnosticSeverity.Error, (Path, Valid.Replace("result:\n  type: bool", "")));
    }

    [Theory]
    [InlineData("Demo.item.get")]
    [InlineData("demo")]
    [InlineData("demo..get")]
    [InlineData("demo.item-list.get")]
    [InlineData("demo.2fa.get")]
    public void MethodNameNotDottedWords_B24G1002(string name)
    {
        AssertOnly("B24G1002", Path + "(1,9)", DiagnosticSeverity.Error, (Path, Valid.Replace("method: demo.item.get", "method: " + name)));
    }

    [Fact]
    public void UnknownType_B24G1003_AtTheTypeValue()
    {
        AssertOnly("B24G1003", Path + "(4,11)", DiagnosticSeverity.Error, (Path, Valid.Replace("type: int", "type: integr")));
    }

    [Fact]
    public void DuplicateParameter_B24G1004_EvenInAnotherCase()
    {
        string spec = Valid.Replace("params:\n", "params:\n  - name: ID\n    type: int\n").Replace("name: ID\n    type: int\n    required", "name: id\n    type: int\n    required");
        AssertOnly("B24G1004", Path + "(5,11)", DiagnosticSeverity.Error, (Path, spec));
    }

    [Fact]
    public void DuplicateEnumValue_B24G1005()
    {
        string spec = Valid + "enums:\n  Color:\n    values:\n      - RED\n      - RED\n";
        AssertOnly("B24G1005", Path + "(12,9)", DiagnosticSeverity.Error, (Path, spec));
    }

    [Theory]
    [InlineData("    required: maybe", 5, 15)]
    [InlineData("    required: [true]", 5, 15)]
    public void InvalidValue_B24G1006(string line, int row, int column)
    {
        AssertOnly("B24G1006", $"{Path}({row},{column})", DiagnosticSeverity.Error, (Path, Valid.Replace("    required: true", line)));
    }

    [Theory]
    [InlineData("    status: 99", 13)]
    [InlineData("    retry: sometimes", 12)]
    public void InvalidErrorValue_B24G1006(string line, int column)
    {
        string spec = Valid + "errors:\n  - code: DEMO_FAILED\n" + line + "\n";
        AssertOnly("B24G1006", $"{Path}(10,{column})", DiagnosticSeverity.Error, (Path, spec));
    }

    [Fact]
    public void EnumValueThatIsNoIdentifier_B24G1007_SuggestsName()
    {
        string spec = Valid + "enums:\n  Level:\n    values:\n      - \"1\"\n";
        var diagnostic = AssertOnly("B24G1007", Path + "(11,9)", DiagnosticSeverity.Error, (Path, spec));
        Assert.Contains("name:", diagnostic.GetMessage());
    }

    [Fact]
    public void DuplicateErrorCode_B24G1008()
    {
        string spec = Valid + "errors:\n  - code: DEMO_FAILED\n  - code: DEMO_FAILED\n";
        AssertOnly("B24G1008", Path + "(10,11)", DiagnosticSeverity.Error, (Path, spec));
    }

    [Fact]
    public void SameMethodInTwoFiles_B24G2001_AtTheSecond()
    {
        var diagnostic = AssertOnly("B24G2001", "spec/other/demo.item.get.yaml(1,9)", DiagnosticSeverity.Error,
            (Path, Valid), ("spec/other/demo.item.get.yaml", Valid));
        Assert.Contains("demo.item.get.yaml", diagnostic.GetMessage());
    }

    [Fact]
    public void EnumNotDeclared_B24G2002()
    {
        AssertOnly("B24G2002", Path + "(4,11)", DiagnosticSeverity.Error, (Path, Valid.Replace("type: int", "type: Color")));
    }

    [Fact]
    public void EnumDeclaredInAnotherFileOfTheScope_IsFound()
    {
        string other = "method: demo.item.set\nresult:\n  type: bool\nenums:\n  Color:\n    values: [RED]\n";
        var result = GeneratorHarness.Run((Path, Valid.Replace("type: int", "type: Color")), ("spec/demo/demo.item.set.yaml", other)).GetRunResult();
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ErrorCodeWithTwoStatuses_B24G2003()
    {
        string first = Valid + "errors:\n  - code: DEMO_FAILED\n    status: 400\n";
        string second = Valid.Replace("demo.item.get", "demo.item.set") + "errors:\n  - code: DEMO_FAILED\n    status: 409\n";
        AssertOnly("B24G2003", "spec/demo/demo.item.set.yaml(9,11)", DiagnosticSeverity.Error,
            (Path, first), ("spec/demo/demo.item.set.yaml", second));
    }

    [Fact]
    public void EnumDeclaredTwiceDifferently_B24G2004()
    {
        string first = Valid + "enums:\n  Color:\n    values: [RED]\n";
        string second = Valid.Replace("demo.item.get", "demo.item.set") + "enums:\n  Color:\n    values: [BLUE]\n";
        AssertOnly("B24G2004", "spec/demo/demo.item.set.yaml(9,3)", DiagnosticSeverity.Error,
            (Path, first), ("spec/demo/demo.item.set.yaml", second));
    }

    [Fact]
    public void NamingWordMappedTwice_B24G2005()
    {
        AssertOnly("B24G2005", "spec/z/naming.yaml(2,3)", DiagnosticSeverity.Error,
            ("spec/naming.yaml", "words:\n  demo: Demo\n"), ("spec/z/naming.yaml", "words:\n  demo: DeMo\n"));
    }

    [Fact]
    public void TwoCodesWithOneCSharpName_B24G2006()
    {
        var diagnostic = AssertOnly("B24G2006", "spec/errors.yaml(3,11)", DiagnosticSeverity.Error,
            ("spec/errors.yaml", "errors:\n  - code: INVALID_REQUEST\n  - code: invalid_request\n"));
        Assert.Contains("InvalidRequest", diagnostic.GetMessage());
    }

    [Fact]
    public void EnumNamedLikeAGroupClass_B24G2006()
    {
        string spec = Valid + "enums:\n  DemoItemApi:\n    values: [A]\n";
        AssertOnly("B24G2006", Path + "(9,3)", DiagnosticSeverity.Error, (Path, spec));
    }

    [Fact]
    public void UnknownKey_B24G3001_IsAWarningAndCodeIsStillGenerated()
    {
        var result = GeneratorHarness.Run((Path, Valid.Replace("required: true", "requried: true"))).GetRunResult();
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("B24G3001", Path + "(5,5)", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.FileLineColumn(), diagnostic.Severity));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Methods.Demo.Item.Get.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void FileNameNotTheMethod_B24G3002_IsAWarning()
    {
        AssertOnly("B24G3002", "spec/demo/item.yaml(1,9)", DiagnosticSeverity.Warning, ("spec/demo/item.yaml", Valid));
    }

    [Fact]
    public void YamlOutsideTheSpecFolder_IsNotRead()
    {
        var result = GeneratorHarness.Run(("ci/workflow.yaml", "this: [is not a spec")).GetRunResult();
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ResultWithoutValue_B24G1001()
    {
        AssertOnly("B24G1001", Path + "(6,1)", DiagnosticSeverity.Error, (Path, Valid.Replace("result:\n  type: bool", "result:")));
    }

    [Fact]
    public void InvalidValueMessage_QuotesTheKeyOnce()
    {
        var diagnostic = AssertOnly("B24G1006", Path + "(5,15)", DiagnosticSeverity.Error, (Path, Valid.Replace("required: true", "required: maybe")));
        Assert.Equal("'required' must be true or false", diagnostic.GetMessage());
    }

    [Fact]
    public void EnumsOfAFileWithoutAValidMethodName_AreNotEmitted()
    {
        string spec = Valid.Replace("method: demo.item.get", "method: Demo") + "enums:\n  Color:\n    values: [RED]\n";
        var result = GeneratorHarness.Run((Path, spec)).GetRunResult();
        Assert.Equal(["B24G1002"], result.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("Enums.", StringComparison.Ordinal));
    }

    [Fact]
    public void MethodUsingABrokenEnum_IsLeftOutWithoutASecondError()
    {
        string declaring = Valid + "enums:\n  Color:\n    values: [RED, RED]\n";
        string using_ = Valid.Replace("demo.item.get", "demo.item.set").Replace("type: int", "type: Color");
        var result = GeneratorHarness.Run((Path, declaring), ("spec/demo/demo.item.set.yaml", using_)).GetRunResult();
        Assert.Equal(["B24G1005"], result.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.EndsWith("Methods.Demo.Item.Set.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("spec/dispose/dispose.item.get.yaml", "method: dispose.item.get", "Bitrix24Client.Dispose")]
    [InlineData("spec/demo/demo.demoApi.get.yaml", "method: demo.demoApi.get", "DemoApi")]
    [InlineData("spec/count/count.item.get.yaml", "method: count.item.get", "Bitrix24Batch.Count")]
    [InlineData("spec/demo/demo.demoBatchApi.get.yaml", "method: demo.demoBatchApi.get", "DemoBatchApi")]
    [InlineData("spec/demo/demo.batch.item.get.yaml", "method: demo.batch.item.get", "'DemoBatchApi', which the group class of demo.batch.item.get")]
    public void MethodNamesClashingWithGeneratedOrHandWrittenMembers_B24G2006(string path, string methodLine, string clash)
    {
        var diagnostic = AssertOnly("B24G2006", path + "(1,9)", DiagnosticSeverity.Error, (path, Valid.Replace("method: demo.item.get", methodLine)));
        Assert.Contains(clash, diagnostic.GetMessage());
    }

    [Fact]
    public void BatchMethodPushedAsideByAGroup_GetsTheCommandSuffix_AndAMethodOfThatNameIsB24G2006()
    {
        // demo.item.get.nearest makes a group property Get, so the batch method of demo.item.get is GetCommand...
        var result = GeneratorHarness.Run((Path, Valid), ("spec/demo/demo.item.get.nearest.yaml", Valid.Replace("demo.item.get", "demo.item.get.nearest"))).GetRunResult();
        Assert.Empty(result.Diagnostics);
        string getFile = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Methods.Demo.Item.Get.g.cs").SourceText.ToString();
        Assert.Contains("public global::Bitrix24.Bitrix24BatchItem<bool> GetCommand(int id)", getFile, StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task<bool> GetAsync(int id,", getFile, StringComparison.Ordinal);

        // ...which a method named getCommand may then not take.
        const string third = "spec/demo/demo.item.getCommand.yaml";
        var diagnostic = AssertOnly("B24G2006", third + "(1,9)", DiagnosticSeverity.Error,
            (Path, Valid), ("spec/demo/demo.item.get.nearest.yaml", Valid.Replace("demo.item.get", "demo.item.get.nearest")), (third, Valid.Replace("demo.item.get", "demo.item.getCommand")));
        Assert.Contains("DemoItemBatchApi.GetCommand", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("DEMO_ITEM_GET_REQUEST")]
    [InlineData("GET_TYPE")]
    public void ParameterNamedLikeTheRequestClassOrAnObjectMember_B24G2006(string wireName)
    {
        AssertOnly("B24G2006", Path + "(3,11)", DiagnosticSeverity.Error, (Path, Valid.Replace("name: ID", "name: " + wireName)));
    }

    [Fact]
    public void NamingWordWithASeparator_B24G1006()
    {
        AssertOnly("B24G1006", "spec/naming.yaml(2,3)", DiagnosticSeverity.Error, ("spec/naming.yaml", "words:\n  im_bot: ImBot\n"));
    }

    [Theory]
    [InlineData("type: int", "type: integr")]
    [InlineData("type: int", "type: Colour")]
    [InlineData("type: int", "type: [int")]
    [InlineData("required: true", "required: maybe")]
    [InlineData("result:", "? [not, text]\n: a key that is not text\nresult:")]
    public void BrokenFile_YieldsNoCode_OtherFilesStillGenerate(string find, string replacement)
    {
        string broken = Valid.Replace(find, replacement);
        string sound = Valid.Replace("demo.item.get", "demo.item.set");
        GeneratorDriverRunResult result = GeneratorHarness.Run((Path, broken), ("spec/demo/demo.item.set.yaml", sound)).GetRunResult();

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var hints = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        Assert.DoesNotContain("Methods.Demo.Item.Get.g.cs", hints);
        Assert.Contains("Methods.Demo.Item.Set.g.cs", hints);
    }

    /// <summary>Runs the generator and asserts exactly one diagnostic, with its ID, position and severity.</summary>
    private static Diagnostic AssertOnly(string id, string where, DiagnosticSeverity severity, params (string Path, string Text)[] files)
    {
        GeneratorDriverRunResult result = GeneratorHarness.Run(files).GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, where, severity), (diagnostic.Id, diagnostic.FileLineColumn(), diagnostic.Severity));
        return diagnostic;
    }
}
