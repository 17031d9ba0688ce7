using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary><c>&lt;method&gt; --help</c> documents the parameters from the catalog.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Method_help_shows_types_required_marker_enum_values_summaries_and_docs()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.message.send", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Sends an automatic message from the application's chat bot to an open line dialog.", run.Out, StringComparison.Ordinal);
        Assert.Contains("--chat-id, --CHAT_ID <int>", run.Out, StringComparison.Ordinal);
        Assert.Contains("[required] Chat to send into", run.Out, StringComparison.Ordinal);
        Assert.Contains("--name, --NAME <WELCOME|DEFAULT>", run.Out, StringComparison.Ordinal);
        Assert.Contains("WELCOME - The greeting configured in the open line settings", run.Out, StringComparison.Ordinal);
        Assert.Contains("DEFAULT - Sends the MESSAGE text", run.Out, StringComparison.Ordinal);
        Assert.Contains("--message, --MESSAGE <string>", run.Out, StringComparison.Ordinal);
        Assert.Contains("Docs: https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/chat-bots/imopenlines-bot-session-message-send.html", run.Out, StringComparison.Ordinal);
        Assert.Contains("--webhook <URL>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_wins_over_a_missing_required_parameter()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.transfer", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--leave, --LEAVE <Y|N>", run.Out, StringComparison.Ordinal);
        Assert.Contains("Portal default: N.", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Root_help_lists_methods_one_line_each()
    {
        CliRun run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (Bitrix24MethodInfo method in Bitrix24MethodCatalog.Methods)
        {
            Assert.Contains($"{method.Name}  ", run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Docs:", run.Out, StringComparison.Ordinal);
    }
}
