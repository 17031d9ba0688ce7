using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bitrix24.Cli.Output;
using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Cli.Transport;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// When the SDK repeats a call (503 <c>QUERY_LIMIT_EXCEEDED</c> and the like), the command line says so on
/// each repeat, "Repeated: attempt 2 of 5 after 0.3 s", instead of printing the same request again.
/// </summary>
public sealed partial class RetryReportTests : IAsyncLifetime
{
    private const string Send = "imopenlines.bot.session.message.send";

    private EmulatedPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await EmulatedPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Each_repeat_after_503_is_one_line_with_the_attempt_the_maximum_and_the_delay()
    {
        _portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 2, method: Send);

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", _portal.WebhookUrl.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = Lines(run.Out);
        int sent = Array.FindIndex(lines, line => line.StartsWith("Sent:    POST ", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("Sent:", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("Body:", StringComparison.Ordinal));
        Assert.Equal("""Body:    {"CHAT_ID":112,"NAME":"WELCOME"}""", lines[sent + 1]);

        (int Attempt, int Of, double After) second = Repeat(lines[sent + 2]);
        (int Attempt, int Of, double After) third = Repeat(lines[sent + 3]);
        Assert.Equal((2, 5), (second.Attempt, second.Of));
        Assert.Equal((3, 5), (third.Attempt, third.Of));

        // The SDK's back-off: 0.25-0.5 s before the second attempt, 0.5-1 s before the third (printed to a tenth).
        Assert.InRange(second.After, 0.2, 5);
        Assert.InRange(third.After, 0.4, 5);
        Assert.Equal("Result:  true", lines[sent + 4]);

        Assert.Equal(3, _portal.Requests.For(Send).Count);
        Assert.Single(_portal.Requests.For(Send).Select(r => r.Body).Distinct());
        Assert.DoesNotContain(DemoCode, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_attempt_fails_the_last_repeat_is_attempt_5_of_5_and_the_error_follows()
    {
        _portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 5, method: Send);

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", _portal.WebhookUrl.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("QUERY_LIMIT_EXCEEDED: Too many requests", run.Error.Trim());
        string[] repeats = Lines(run.Out).Where(line => line.StartsWith("Repeated:", StringComparison.Ordinal)).ToArray();
        Assert.Equal([2, 3, 4, 5], repeats.Select(line => Repeat(line).Attempt));
        Assert.All(repeats, line => Assert.Equal(5, Repeat(line).Of));
        Assert.Single(Lines(run.Out), line => line.StartsWith("Sent:", StringComparison.Ordinal));
        Assert.Equal(5, _portal.Requests.For(Send).Count);
    }

    [Fact]
    public async Task Json_output_stays_the_result_alone_when_the_call_was_repeated()
    {
        _portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), method: Send);

        CliRun run = await CliRunner.RunAsync(Send, "--chat-id", "112", "--name", "WELCOME", "--webhook", _portal.WebhookUrl.ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Out.Trim());
        Assert.Equal(2, _portal.Requests.For(Send).Count);
    }

    [Fact]
    public async Task The_capture_numbers_each_attempt_and_times_it_from_the_previous_answer()
    {
        var clock = new ManualClock();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        var seen = new List<CapturedRequest>();
        var capture = new RequestCapture(new StubHandler(() => { clock.Advance(TimeSpan.FromMilliseconds(40)); return answers.Dequeue(); }), clock) { Sending = seen.Add };
        using var http = new HttpClient(capture);
        var url = new Uri("http://127.0.0.1:1/rest/1/code/a.b");

        (await http.PostAsync(url, new StringContent("{}"))).Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(620));
        (await http.PostAsync(url, new StringContent("{}"))).Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(1240));
        (await http.PostAsync(url, new StringContent("{}"))).Dispose();

        Assert.Equal([1, 2, 3], seen.Select(r => r.Attempt));
        Assert.Equal([null, TimeSpan.FromMilliseconds(620), TimeSpan.FromMilliseconds(1240)], seen.Select(r => r.Waited));
        Assert.Equal(seen, capture.Requests);
    }

    [Fact]
    public void The_report_prints_a_repeat_as_one_line_unless_the_request_changed()
    {
        var output = new StringWriter();
        var report = new CallReport(new CliContext(output, TextWriter.Null, CliRunner.NoEnvironment), SecretMask.ForWebhook(new Uri("https://example.bitrix24.com/rest/1/s3cr3t/")), jsonOnly: false);
        var url = new Uri("https://example.bitrix24.com/rest/1/s3cr3t/a.b");

        report.Sending(new CapturedRequest("POST", url, """{"A":1}"""), maxAttempts: 5);
        report.Sending(new CapturedRequest("POST", url, """{"A":1}""", 2, TimeSpan.FromMilliseconds(649)), maxAttempts: 5);
        report.Sending(new CapturedRequest("POST", url, """{"A":2}""", 3, TimeSpan.FromSeconds(12.25)), maxAttempts: 5);

        Assert.Equal(
            [
                "Sent:    POST https://example.bitrix24.com/rest/1/***/a.b",
                """Body:    {"A":1}""",
                "Repeated: attempt 2 of 5 after 0.6 s",
                "Repeated: attempt 3 of 5 after 12.3 s",
                "Sent:    POST https://example.bitrix24.com/rest/1/***/a.b",
                """Body:    {"A":2}""",
            ],
            Lines(output.ToString()));
    }

    [Fact]
    public void With_json_output_the_report_prints_no_request()
    {
        var output = new StringWriter();
        var report = new CallReport(new CliContext(output, TextWriter.Null, CliRunner.NoEnvironment), SecretMask.None, jsonOnly: true);

        report.Sending(new CapturedRequest("POST", new Uri("https://example.bitrix24.com/rest/a.b"), "{}"), maxAttempts: 5);
        report.Sending(new CapturedRequest("POST", new Uri("https://example.bitrix24.com/rest/a.b"), "{}", 2, TimeSpan.FromSeconds(1)), maxAttempts: 5);

        Assert.Equal(string.Empty, output.ToString());
    }

    private static string DemoCode => Bitrix24.Emulator.State.DemoPortal.Webhook.Code;

    private static (int Attempt, int Of, double After) Repeat(string line)
    {
        Match match = RepeatLine().Match(line);
        Assert.True(match.Success, $"Not a repeat line: '{line}'");
        return (
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Repeated: attempt (\d+) of (\d+) after (\d+\.\d) s$")]
    private static partial Regex RepeatLine();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    /// <summary>Answers each request with the next status, without a network.</summary>
    private sealed class StubHandler(Func<HttpStatusCode> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answer()));
    }
}
