using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Diagnostics;

/// <summary>What the SDK logs: one line per call, warnings for retries and limits, and never a secret.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task A_call_writes_one_line_with_method_status_duration_and_attempt()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var client = EmulatorClients.Webhook(portal, o => o.LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)));

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "Hi");

        var line = Assert.Single(logs.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Bitrix24.Bitrix24Client", line.Category);
        Assert.Matches(@"^Bitrix24 imopenlines\.bot\.session\.message\.send on 127\.0\.0\.1: HTTP 200 in \d+ ms, attempt 1 ", line.Text);
    }

    [Fact]
    public async Task A_failure_is_a_warning_with_the_error_and_status_or_says_no_status_came_back()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            EmulatorClients.SingleAttempt(o);
            o.LoggerFactory = factory;
        });
        var refusedOptions = Bitrix24ClientOptions.Webhook(ClosedPort.BaseUrl() + "/rest/1/closedportcode/");
        EmulatorClients.SingleAttempt(refusedOptions);
        refusedOptions.LoggerFactory = factory;
        using var refused = new Bitrix24Client(refusedOptions);

        await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(0));
        await Assert.ThrowsAsync<Bitrix24TransportException>(() => refused.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal([LogLevel.Warning, LogLevel.Warning], logs.Lines.Select(l => l.Level));
        Assert.Matches(@"^Bitrix24 imopenlines\.bot\.session\.message\.send on 127\.0\.0\.1 failed: CHAT_ID_EMPTY \(HTTP 400\) in \d+ ms, attempt 1 ", logs.Lines[0].Text);
        Assert.Matches(@"^Bitrix24 imopenlines\.bot\.session\.message\.send on 127\.0\.0\.1 failed: ConnectionFailed \(no HTTP status\) in \d+ ms, attempt 1 ", logs.Lines[1].Text);
        Assert.DoesNotContain("closedportcode", string.Join("\n", logs.Lines.Select(l => l.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_are_warnings_and_the_final_line_counts_the_attempts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 2);
        var logs = new CapturingLoggerProvider();
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        });

        await ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Information], logs.Lines.Select(l => l.Level));
        Assert.Contains("attempt 1 failed with QUERY_LIMIT_EXCEEDED; repeating in", logs.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", logs.Lines[2].Text, StringComparison.Ordinal);
        Assert.Contains("attempt 3", logs.Lines[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_line_of_failing_webhook_and_OAuth_calls_holds_a_secret()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var tokens = portal.IssueTokens();
        using var webhook = EmulatorClients.Webhook(portal, o => o.LoggerFactory = factory);
        using var oauth = EmulatorClients.OAuth(portal, tokens, o =>
        {
            o.TimeProvider = clock;
            o.LoggerFactory = factory;
        });

        // Portal pages that echo the secrets back, a refresh (new tokens), and failures of every kind.
        string echo = $"<html>{DemoPortal.Webhook.Code} {tokens.AccessToken} {tokens.RefreshToken} {portal.Application.ClientSecret}</html>";
        portal.Faults.Enqueue(EmulatedFault.Reply(502, echo, "text/html"), method: "imopenlines.bot.session.operator");
        await Assert.ThrowsAsync<Bitrix24TransportException>(() => webhook.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
        await Assert.ThrowsAsync<Bitrix24ApiException>(() => webhook.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId));
        clock.Advance(TimeSpan.FromHours(1));
        await oauth.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        Bitrix24OAuthTokens fresh = oauth.OAuthTokens!;
        portal.Faults.Enqueue(EmulatedFault.Reply(502, echo + fresh.AccessToken + fresh.RefreshToken, "text/html"));
        await Assert.ThrowsAsync<Bitrix24TransportException>(() => oauth.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
        clock.Advance(TimeSpan.FromDays(181));
        await Assert.ThrowsAsync<Bitrix24ApiException>(() => oauth.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        string[] secrets = [DemoPortal.Webhook.Code, tokens.AccessToken, tokens.RefreshToken, fresh.AccessToken, fresh.RefreshToken, portal.Application.ClientSecret];
        Assert.True(logs.Lines.Count >= 6, string.Join("\n", logs.Lines));
        Assert.All(logs.Lines, line => Assert.All(secrets, secret => Assert.DoesNotContain(secret, line.Text, StringComparison.Ordinal)));
    }
}
