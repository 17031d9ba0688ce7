using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// With <c>--webhook</c> or <c>BITRIX24_WEBHOOK_URL</c> the command line calls that portal (here an
/// emulator the test starts) and never prints the webhook code.
/// </summary>
public sealed class WebhookModeTests : IAsyncLifetime
{
    private const string Send = "imopenlines.bot.session.message.send";
    private static readonly string Code = DemoPortal.Webhook.Code;

    private EmulatedPortal _portal = null!;

    private string WebhookUrl => _portal.WebhookUrl.ToString();

    public async Task InitializeAsync() => _portal = await EmulatedPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public void The_demo_webhook_code_is_the_one_these_tests_look_for()
    {
        Assert.Equal("emulatorhookcode", Code);
        Assert.Contains(Code, WebhookUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_option_calls_that_portal_and_hides_the_code()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "DEFAULT", "--message", "Through a webhook", "--webhook", WebhookUrl);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Calling {_portal.BaseUrl} through its incoming webhook.", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Sent:    POST {_portal.BaseUrl}rest/1/***/{Send}", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("transcript", run.Out, StringComparison.Ordinal);
        AssertNoCode(run);

        Assert.Contains(_portal.State.GetChat(112).Transcript, m => m.Text == "Through a webhook");
        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Through a webhook"}""", Assert.Single(_portal.Requests.For(Send)).Body);
    }

    [Fact]
    public async Task Environment_variable_names_the_webhook()
    {
        var environment = new Dictionary<string, string?> { ["BITRIX24_WEBHOOK_URL"] = WebhookUrl };

        CliRun run = await CliRunner.RunAsync([Send, "--chat-id", "112", "--name", "WELCOME"], environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Calling {_portal.BaseUrl}", run.Out, StringComparison.Ordinal);
        AssertNoCode(run);
        Assert.Single(_portal.Requests.For(Send));
    }

    [Fact]
    public async Task Webhook_option_wins_over_the_environment_variable()
    {
        var environment = new Dictionary<string, string?> { ["BITRIX24_WEBHOOK_URL"] = "https://elsewhere.example/rest/1/othercode/" };

        CliRun run = await CliRunner.RunAsync(["--webhook", WebhookUrl, Send, "--chat-id", "112", "--name", "WELCOME"], environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(_portal.Requests.For(Send));
    }

    [Fact]
    public async Task Json_through_a_webhook_prints_only_the_result()
    {
        CliRun run = await CliRunner.RunAsync("imopenlines.bot.session.operator", "--chat-id", "112", "--webhook", WebhookUrl, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Out.Trim());
        AssertNoCode(run);
    }

    [Fact]
    public async Task Portal_error_through_a_webhook_is_one_line_on_stderr()
    {
        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "0", "--webhook", WebhookUrl);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("CHAT_ID_EMPTY: Chat ID can't be empty", run.Error.Trim());
        AssertNoCode(run);
    }

    [Fact]
    public async Task Html_page_from_a_proxy_is_a_one_line_transport_error_with_exit_code_1()
    {
        _portal.Faults.Enqueue(EmulatedFault.HtmlPage(502));

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", WebhookUrl);

        Assert.True(run.ExitCode == 1, run.ToString());
        string error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("transport error (InvalidResponse): ", error, StringComparison.Ordinal);
        Assert.Contains("502", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Out + run.Error, StringComparison.Ordinal);
        AssertNoCode(run);
    }

    [Fact]
    public async Task Webhook_without_the_bot_scopes_gets_the_portals_scope_error()
    {
        string crmOnly = _portal.GetWebhookUrl(DemoPortal.WebhookWithoutBotScopes).ToString();

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", crmOnly);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("insufficient_scope", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortal.WebhookWithoutBotScopes.Code, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_portal_is_a_connection_failure_with_exit_code_1()
    {
        string url;
        await using (EmulatedPortal stopped = await EmulatedPortal.StartAsync())
        {
            url = stopped.WebhookUrl.ToString();
        }

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--webhook", url);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("transport error (ConnectionFailed): ", run.Error, StringComparison.Ordinal);
        AssertNoCode(run);
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_exits_130_promptly()
    {
        _portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        CliRun run = await CliRunner.RunAsync([Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", WebhookUrl], CliRunner.NoEnvironment, cancellation.Token);

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Equal("Cancelled.", run.Error.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    private static void AssertNoCode(CliRun run)
    {
        Assert.DoesNotContain(Code, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, run.Error, StringComparison.Ordinal);
    }
}
