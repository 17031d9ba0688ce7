using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// The promise of the catalog: a method added to spec/ is callable from the command line with no C#
/// edit. A copy of the repository gets one new YAML file (the operator spec under a new name), is
/// built, and the new method is listed and sent. The emulator does not know it and answers
/// ERROR_METHOD_NOT_FOUND, which proves the request really left with the new name.
/// </summary>
public sealed class NewSpecMethodTests
{
    private const string NewMethod = "imopenlines.bot.session.operatorcopy";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_copied_spec_file_becomes_a_callable_command_with_no_csharp_edit()
    {
        string workspace = Directory.CreateTempSubdirectory("b24cli-spec-").FullName;
        try
        {
            CopyRepository(workspace);
            string operatorSpec = Path.Combine(workspace, "spec", "imopenlines", "imopenlines.bot.session.operator.yaml");
            string yaml = File.ReadAllText(operatorSpec);
            Assert.Contains("method: imopenlines.bot.session.operator\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            File.WriteAllText(
                Path.Combine(workspace, "spec", "imopenlines", NewMethod + ".yaml"),
                yaml.Replace("method: imopenlines.bot.session.operator", "method: " + NewMethod, StringComparison.Ordinal));

            string project = Path.Combine("src", "Bitrix24.Cli");
            CliRun build = await DotnetProcess.RunAsync(workspace, ["build", project, "-nodeReuse:false", "-v:q", "-clp:NoSummary"], BuildTimeout);
            Assert.True(build.ExitCode == 0, build.ToString());

            CliRun methods = await DotnetProcess.RunAsync(workspace, ["run", "--project", project, "--no-build", "--", "methods"], RunTimeout);
            Assert.True(methods.ExitCode == 0, methods.ToString());
            Assert.Contains(NewMethod + "  Hands the open line dialog from the chat bot over to a free operator of the line.", methods.Out, StringComparison.Ordinal);
            Assert.Contains("imopenlines.bot.session.operator  ", methods.Out, StringComparison.Ordinal);

            CliRun call = await DotnetProcess.RunAsync(workspace, ["run", "--project", project, "--no-build", "--", NewMethod, "--chat-id", "112"], RunTimeout);
            Assert.True(call.ExitCode == 1, call.ToString());
            Assert.Equal("ERROR_METHOD_NOT_FOUND: Method not found!", call.Error.Trim());
            Assert.Contains($"/rest/1/***/{NewMethod}", call.Out, StringComparison.Ordinal);
            Assert.Contains("""Body:    {"CHAT_ID":112}""", call.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>What building the command line needs, without build output.</summary>
    private static void CopyRepository(string workspace)
    {
        foreach (string file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(RepositoryFiles.Root, file), Path.Combine(workspace, file));
        }

        foreach (string folder in new[] { "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated", "src/Bitrix24.Emulator", "src/Bitrix24.Cli" })
        {
            CopyTree(Path.Combine(RepositoryFiles.Root, folder), Path.Combine(workspace, folder));
        }
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
