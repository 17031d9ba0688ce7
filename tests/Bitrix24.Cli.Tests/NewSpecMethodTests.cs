using System.Text.RegularExpressions;
using Bitrix24.Tests.Shared;

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
        using var workspace = RepositoryCopy.Create(
            "b24cli-spec-", "spec", "generator/Bitrix24.Generator", "src/Bitrix24.Generated", "src/Bitrix24.Emulator", "src/Bitrix24.Cli");
        string yaml = File.ReadAllText(workspace.Combine("spec/imopenlines/imopenlines.bot.session.operator.yaml"));
        Assert.Contains("method: imopenlines.bot.session.operator\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        workspace.WriteFile(
            $"spec/imopenlines/{NewMethod}.yaml",
            yaml.Replace("method: imopenlines.bot.session.operator", "method: " + NewMethod, StringComparison.Ordinal));

        string project = Path.Combine("src", "Bitrix24.Cli");
        DotnetRun build = await DotnetProcess.RunAsync(workspace.Path, ["build", project, "-nodeReuse:false", "-v:q", "-clp:NoSummary"], BuildTimeout);
        Assert.True(build.ExitCode == 0, build.ToString());

        DotnetRun methods = await DotnetProcess.RunAsync(workspace.Path, ["run", "--project", project, "--no-build", "--", "methods"], RunTimeout);
        Assert.True(methods.ExitCode == 0, methods.ToString());

        // Names are padded to the longest method name, which other specs decide.
        Assert.Matches(@"(?m)^  " + Regex.Escape(NewMethod) + @" +Hands the open line dialog from the chat bot over to a free operator of the line\.", methods.Out);
        Assert.Matches(@"(?m)^  imopenlines\.bot\.session\.operator +Hands", methods.Out);

        DotnetRun call = await DotnetProcess.RunAsync(workspace.Path, ["run", "--project", project, "--no-build", "--", NewMethod, "--chat-id", "112"], RunTimeout);
        Assert.True(call.ExitCode == 1, call.ToString());
        Assert.Equal("ERROR_METHOD_NOT_FOUND: Method not found!", call.Error.Trim());
        Assert.Contains($"/rest/1/***/{NewMethod}", call.Out, StringComparison.Ordinal);
        Assert.Contains("""Body:    {"CHAT_ID":112}""", call.Out, StringComparison.Ordinal);
    }
}
