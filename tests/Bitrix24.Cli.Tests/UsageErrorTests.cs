using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary>A wrong command line exits 2 before anything is sent, with a message naming the valid choices.</summary>
public sealed class UsageErrorTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task Unknown_method_lists_the_valid_methods_and_suggests_the_closest()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.mesage.send", "--chat-id", "112");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("Unknown method 'imopenlines.bot.session.mesage.send'. Did you mean imopenlines.bot.session.message.send?", run.Error, StringComparison.Ordinal);
        foreach (Bitrix24MethodInfo method in Bitrix24MethodCatalog.Methods)
        {
            Assert.Contains(method.Name, run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("transfer", "imopenlines.bot.session.transfer")]
    [InlineData("IMOPENLINES.BOT.SESSION.FINISH", "imopenlines.bot.session.finish")]
    public async Task Unknown_method_suggestions_cover_short_and_wrongly_cased_names(string typed, string suggested)
    {
        CliRun run = await CliRunner.RunAsync(typed);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Did you mean {suggested}?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrongly_cased_method_suggests_only_its_own_name()
    {
        CliRun run = await CliRunner.RunAsync("IMOPENLINES.BOT.SESSION.FINISH");

        Assert.StartsWith("Unknown method 'IMOPENLINES.BOT.SESSION.FINISH'. Did you mean imopenlines.bot.session.finish?" + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--chatid", "--chat-id")]
    [InlineData("--CHATID", "--chat-id")]
    [InlineData("--mesage", "--message")]
    [InlineData("--nam", "--name")]
    [InlineData("--nmae", "--name")]
    public async Task Unknown_parameter_suggests_the_closest(string typed, string suggested)
    {
        CliRun run = await CliRunner.RunAsync(Send, typed, "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Unknown parameter '{typed}' for {Send}. Did you mean {suggested}?" + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameter_lists_the_methods_parameters()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat", "112", "--name", "DEFAULT");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Unknown parameter '--chat' for {Send}. Did you mean --chat-id?", run.Error, StringComparison.Ordinal);
        Assert.Contains("--chat-id, --CHAT_ID  int (required)", run.Error, StringComparison.Ordinal);
        Assert.Contains("--name, --NAME        WELCOME|DEFAULT", run.Error, StringComparison.Ordinal);
        Assert.Contains("--message, --MESSAGE  string", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Bad_enum_value_lists_the_valid_values()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "HELLO");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Invalid value 'HELLO' for --name (NAME): expected one of WELCOME, DEFAULT", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task Bad_integer_is_a_usage_error(string value)
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Invalid value '{value}' for --chat-id (CHAT_ID): expected an integer (int)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_yes_no_value_lists_Y_and_N()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.transfer", "--chat-id", "112", "--leave", "maybe");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Invalid value 'maybe' for --leave (LEAVE): expected Y or N", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_parameter_is_named_and_nothing_is_sent()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--name", "DEFAULT", "--message", "Hi");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Missing required parameter --chat-id (CHAT_ID)", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task A_value_without_its_option_is_a_usage_error()
    {
        CliRun run = await CliRunner.RunAsync(Send, "112");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Unexpected argument '112' for {Send}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Option_without_a_value_is_a_usage_error()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--chat-id", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_method_at_all_is_a_usage_error_listing_the_methods()
    {
        CliRun run = await CliRunner.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No method given", run.Error, StringComparison.Ordinal);
        Assert.Contains(Send, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_webhook_url_is_a_usage_error_that_does_not_echo_the_code()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--webhook", "https://example.bitrix24.com/rest/admin/s3cr3tc0de/");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Invalid webhook URL", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3tc0de", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_webhook_to_a_remote_host_is_refused()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--webhook", "http://example.bitrix24.com/rest/1/s3cr3tc0de/");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("s3cr3tc0de", run.Out + run.Error, StringComparison.Ordinal);
    }
}
