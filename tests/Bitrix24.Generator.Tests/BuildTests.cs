using System.Diagnostics;
using Bitrix24.Generator.Tests.Infrastructure;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The real build, not an in-memory compilation: a copy of the SDK project with two broken spec
/// files beside the real ones must fail with B24G errors at file(line,col), and with nothing else
/// (no CS8785 generator crash, no C# errors from half-generated code). This also proves the MSBuild
/// wiring: spec metadata reaches the generator and YamlDotNet loads beside it.
/// </summary>
public sealed class BuildTests
{
    [Fact]
    public void BrokenSpecs_FailTheBuild_WithB24GErrorsAtFileLineColumn_Only()
    {
        string workspace = Directory.CreateTempSubdirectory("b24g-build-").FullName;
        try
        {
            foreach (string file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
            {
                File.Copy(Path.Combine(RepositoryFiles.Root, file), Path.Combine(workspace, file));
            }

            foreach (string folder in new[] { "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated" })
            {
                CopyTree(Path.Combine(RepositoryFiles.Root, folder), Path.Combine(workspace, folder));
            }

            Directory.CreateDirectory(Path.Combine(workspace, "spec", "imbot"));
            File.WriteAllText(Path.Combine(workspace, "spec", "imbot", "imbot.chat.leave.yaml"),
                "method: imbot.chat.leave\nparams:\n  - name: CHAT_ID\n    type: integr\nresult:\n  type: bool\n");
            File.WriteAllText(Path.Combine(workspace, "spec", "imbot", "imbot.chat.get.yaml"),
                "method: imbot.chat.get\nparams: [\n  - name: CHAT_ID\nresult:\n  type: bool\n");

            var (exitCode, output) = Build(Path.Combine(workspace, "src", "Bitrix24.Generated", "Bitrix24.Generated.csproj"));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("spec/imbot/imbot.chat.leave.yaml(4,11): error B24G1003: Unknown type 'integr'", output, StringComparison.Ordinal);
            Assert.Contains("spec/imbot/imbot.chat.get.yaml(3,3): error B24G0001", output, StringComparison.Ordinal);
            var otherErrors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal) && !line.Contains(": error B24G", StringComparison.Ordinal)).ToList();
            Assert.True(otherErrors.Count == 0, string.Join("\n", otherErrors));
            Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8784", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-f", "net10.0", "-nodeReuse:false", "-v:q", "-clp:NoSummary"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };

        // The test host inherits MSBuild variables from 'dotnet test'; a nested build must find its own.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
