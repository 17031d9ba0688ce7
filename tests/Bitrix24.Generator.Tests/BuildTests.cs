using Bitrix24.Tests.Shared;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The real build, not an in-memory compilation: a copy of the SDK project with three broken spec
/// files beside the real ones (one nested 50 000 levels deep) must fail with B24G errors at
/// file(line,col), and with nothing else
/// (no CS8785 generator crash, no C# errors from half-generated code). This also proves the MSBuild
/// wiring: spec metadata reaches the generator and YamlDotNet loads beside it.
/// </summary>
public sealed class BuildTests
{
    [Fact]
    public async Task BrokenSpecs_FailTheBuild_WithB24GErrorsAtFileLineColumn_Only()
    {
        using var workspace = RepositoryCopy.Create("b24g-build-", "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated");
        workspace.WriteFile("spec/imbot/imbot.chat.leave.yaml",
            "method: imbot.chat.leave\nparams:\n  - name: CHAT_ID\n    type: integr\nresult:\n  type: bool\n");
        workspace.WriteFile("spec/imbot/imbot.chat.get.yaml",
            "method: imbot.chat.get\nparams: [\n  - name: CHAT_ID\nresult:\n  type: bool\n");
        // The outside fuzz run's process killer: a value 50 000 levels deep (a 100 KB file).
        workspace.WriteFile("spec/imbot/imbot.chat.deep.yaml",
            "method: imbot.chat.deep\nresult:\n  type: bool\nx-deep: " + new string('[', 50_000) + "x" + new string(']', 50_000) + "\n");

        (DotnetRun build, string output) = await BuildSdkAsync(workspace);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("spec/imbot/imbot.chat.leave.yaml(4,11): error B24G1003: Unknown type 'integr'", output, StringComparison.Ordinal);
        Assert.Contains("spec/imbot/imbot.chat.get.yaml(3,3): error B24G0001", output, StringComparison.Ordinal);
        Assert.Contains("spec/imbot/imbot.chat.deep.yaml(4,72): error B24G0004: Values are nested more than 64 levels deep here", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", output, StringComparison.Ordinal);
        var otherErrors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal) && !line.Contains(": error B24G", StringComparison.Ordinal)).ToList();
        Assert.True(otherErrors.Count == 0, string.Join("\n", otherErrors));
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicApi_IsTrackedForTheRuntime_ButASpecAddsMethodsWithoutAnApiFileEdit()
    {
        // A new spec (public request class, client and batch methods) builds as is; a new public
        // member of the hand-written runtime fails until PublicAPI.Unshipped.txt lists it (RS0016).
        using var workspace = RepositoryCopy.Create("b24g-api-", "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated");
        workspace.WriteFile("spec/imbot/imbot.chat.leave.yaml",
            "method: imbot.chat.leave\nparams:\n  - name: CHAT_ID\n    type: int\n    required: true\nresult:\n  type: bool\n");
        workspace.WriteFile("src/Bitrix24.Generated/Client/Bitrix24Undeclared.cs",
            "namespace Bitrix24;\n\n/// <summary>Not in PublicAPI.*.txt.</summary>\npublic static class Bitrix24Undeclared\n{\n}\n");

        (DotnetRun build, string output) = await BuildSdkAsync(workspace);

        Assert.NotEqual(0, build.ExitCode);
        var errors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("Bitrix24Undeclared.cs(4,21): error RS0016: Symbol 'Bitrix24Undeclared' is not part of the declared public API", error, StringComparison.Ordinal);
    }

    /// <summary>Builds the copy's SDK project for one framework, quietly, as a developer would.</summary>
    private static async Task<(DotnetRun Build, string Output)> BuildSdkAsync(RepositoryCopy workspace)
    {
        DotnetRun build = await DotnetProcess.RunAsync(
            workspace.Combine("src/Bitrix24.Generated"),
            ["build", "Bitrix24.Generated.csproj", "-f", "net10.0", "-nodeReuse:false", "-v:q", "-clp:NoSummary"],
            TimeSpan.FromMinutes(8));
        return (build, build.Out + build.Error);
    }
}
