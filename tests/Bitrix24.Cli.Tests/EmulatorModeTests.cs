using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary>Without a webhook the command line starts the emulator in-process and shows the chat afterwards.</summary>
public sealed class EmulatorModeTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task Readme_command_delivers_the_message_into_chat_112_and_prints_the_transcript()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "DEFAULT", "--message", "Hello! How can I assist you?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("embedded Bitrix24 emulator", run.Out, StringComparison.Ordinal);
        Assert.Contains("/rest/1/***/" + Send, run.Out, StringComparison.Ordinal);
        Assert.Contains("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Hello! How can I assist you?"}""", run.Out, StringComparison.Ordinal);
        Assert.Contains("Result:  true", run.Out, StringComparison.Ordinal);
        Assert.Contains("Chat 112 transcript", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d:\d\d  Chris Customer: Hi! I have a question about my order\.", run.Out);
        Assert.Matches(@"\d\d:\d\d:\d\d  Support Bot \[system\]: Hello! How can I assist you\?", run.Out);
        Assert.Contains("owner bot 7 (Support Bot)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("emulatorhookcode", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Chat_id_zero_is_the_portals_CHAT_ID_EMPTY_with_exit_code_1()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "0", "--name", "DEFAULT", "--message", "Hi");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("CHAT_ID_EMPTY: Chat ID can't be empty", run.Error.Trim());
        Assert.Contains("""{"CHAT_ID":0,""", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wire_name_alias_and_case_insensitive_enum_value_work()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--CHAT_ID", "112", "--NAME", "default", "--MESSAGE", "Via wire names");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Via wire names"}""", run.Out, StringComparison.Ordinal);
        Assert.Contains("Support Bot [system]: Via wire names", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Welcome_posts_the_lines_greeting()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "welcome");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Support Bot [system]: Welcome to Demo Support!", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_to_the_queue_with_leave_shows_the_new_owner()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.transfer", "--chat-id", "112", "--transfer-id", "queue1", "--leave", "Y", "--client-id", "demo-support-bot");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("""{"CHAT_ID":112,"TRANSFER_ID":"queue1","LEAVE":"Y","CLIENT_ID":"***"}""", run.Out, StringComparison.Ordinal);
        Assert.Contains("[system]: The bot transferred the dialog to the queue of \"Demo Support\".", run.Out, StringComparison.Ordinal);
        Assert.Contains("owner queue of line 1 (Demo Support), bot left the chat", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", "Y")]
    [InlineData("n", "N")]
    [InlineData("TRUE", "Y")]
    [InlineData(null, "Y")]
    public async Task Yes_no_values_are_sent_as_Y_or_N(string? given, string sent)
    {
        string[] leave = given is null ? ["--leave"] : ["--leave", given];
        CliRun run = await CliRunner.RunAsync(["imopenlines.bot.session.transfer", "--chat-id", "112", "--user-id", "3", .. leave, "--client-id", "demo-support-bot"], CliRunner.NoEnvironment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"\"LEAVE\":\"{sent}\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("owner operator 3 (Oliver Operator)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_hands_the_chat_to_the_first_free_operator()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.operator", "--chat-id", "112");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The bot passed the dialog to operator Oliver Operator.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finish_without_the_bots_client_id_is_the_portals_BOT_ID_ERROR_and_still_shows_the_chat()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.finish", "--chat-id", "112");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("BOT_ID_ERROR: Bot not found", run.Error.Trim());
        Assert.Contains("Session 500: active", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_only_the_result()
    {
        CliRun run = await CliRunner.RunAsync("--json", "imopenlines.bot.session.finish", "--chat-id", "112", "--client-id", "demo-support-bot");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Out.Trim());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Json_error_goes_to_stderr_only()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "0", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal("CHAT_ID_EMPTY: Chat ID can't be empty", run.Error.Trim());
    }

    [Fact]
    public async Task Messages_starting_with_at_are_text_not_response_files()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "DEFAULT", "--message", "@Chris привет");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"MESSAGE\":\"@Chris привет\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("Support Bot [system]: @Chris привет", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_lists_every_catalog_method_with_its_summary()
    {
        CliRun run = await CliRunner.RunAsync("methods");

        Assert.Equal(0, run.ExitCode);
        foreach (Bitrix24MethodInfo method in Bitrix24MethodCatalog.Methods)
        {
            Assert.Contains(method.Name, run.Out, StringComparison.Ordinal);
            Assert.Contains(method.Summary!, run.Out, StringComparison.Ordinal);
        }

        Assert.Equal(Bitrix24MethodCatalog.Methods.Count, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_chat_the_emulator_does_not_have_prints_no_transcript()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "999", "--name", "DEFAULT", "--message", "Anyone?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("transcript", run.Out, StringComparison.Ordinal);
    }
}
