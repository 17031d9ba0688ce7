using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The per-method operating limit (FACTS §4, §7): time summed per method and app or webhook in ten
/// one-minute buckets; the call that crosses the limit completes, the next is 429 OPERATION_TIME_LIMIT.
/// Here the limit is 1 s and every call costs 0.4 s, so the third call crosses it.
/// </summary>
public sealed class OperatingLimitTests
{
    private static readonly EmulatedWebhook SecondWebhook = new(DemoPortal.AdminId, "secondhookcode", ["imopenlines", "imbot"]);

    private static JsonObject Send => new() { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "x" };

    private static Task<TestPortal> StartAsync() => TestPortal.StartAsync(o =>
    {
        o.OperatingLimit = TimeSpan.FromSeconds(1);
        o.CallDuration = TimeSpan.FromSeconds(0.4);
        o.Webhooks.Add(SecondWebhook);
    });

    private static Task<ApiResponse> SendAsync(TestPortal portal, EmulatedWebhook? webhook = null) =>
        portal.CallAsync(BotMethods.MessageSend, Send, webhook);

    private static double Operating(ApiResponse response) => response.Time!["operating"]!.GetValue<double>();

    private static long ResetAt(ApiResponse response) => response.Time!["operating_reset_at"]!.GetValue<long>();

    [Fact]
    public async Task The_time_block_reports_the_growing_sum_and_when_the_first_bucket_drops_out()
    {
        await using var portal = await StartAsync();

        ApiResponse first = await SendAsync(portal);
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        ApiResponse second = await SendAsync(portal);

        Assert.Equal(0.4, Operating(first), 6);
        Assert.Equal(0.8, Operating(second), 6);
        long expectedReset = TestClock.Epoch.AddSeconds(600).ToUnixTimeSeconds();
        Assert.Equal(expectedReset, ResetAt(first));
        Assert.Equal(expectedReset, ResetAt(second));
    }

    [Fact]
    public async Task The_call_that_crosses_the_limit_completes_and_the_next_is_429_OPERATION_TIME_LIMIT()
    {
        await using var portal = await StartAsync();
        (await SendAsync(portal)).AssertTrue();
        (await SendAsync(portal)).AssertTrue();

        ApiResponse crossing = await SendAsync(portal);
        ApiResponse blocked = await SendAsync(portal);

        crossing.AssertTrue();
        Assert.Equal(1.2, Operating(crossing), 6);
        blocked.AssertError(429, "OPERATION_TIME_LIMIT");
        Assert.Equal("Method is blocked due to operation time limit.", blocked.ErrorDescription);
        Assert.Equal(4, portal.Chat.Transcript.Count);
        Assert.False(portal.Portal.Requests.All[^1].Processed);
    }

    [Fact]
    public async Task A_blocked_method_leaves_other_methods_working()
    {
        await using var portal = await StartAsync();
        for (int i = 0; i < 3; i++)
        {
            await SendAsync(portal);
        }

        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");
        ApiResponse other = await portal.CallAsync("profile");

        other.AssertSuccess();
        Assert.Equal(0.4, Operating(other), 6);
    }

    [Fact]
    public async Task A_blocked_method_still_works_for_another_webhook_and_for_the_app()
    {
        await using var portal = await StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        for (int i = 0; i < 3; i++)
        {
            await SendAsync(portal);
        }

        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");

        ApiResponse otherWebhook = await SendAsync(portal, SecondWebhook);
        ApiResponse app = await portal.CallOAuthAsync(BotMethods.MessageSend, tokens.AccessToken, Send);
        otherWebhook.AssertTrue();
        app.AssertTrue();
        Assert.Equal(0.4, Operating(otherWebhook), 6);
        Assert.Equal(0.4, Operating(app), 6);
    }

    [Fact]
    public async Task After_ten_minutes_the_method_works_again()
    {
        await using var portal = await StartAsync();
        for (int i = 0; i < 3; i++)
        {
            await SendAsync(portal);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        ApiResponse again = await SendAsync(portal);

        again.AssertTrue();
        Assert.Equal(0.4, Operating(again), 6);
    }

    [Fact]
    public async Task Only_the_oldest_bucket_drops_out_at_operating_reset_at()
    {
        await using var portal = await StartAsync();
        await SendAsync(portal);
        await SendAsync(portal);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        ApiResponse crossing = await SendAsync(portal);
        Assert.Equal(1.2, Operating(crossing), 6);
        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");

        portal.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(ResetAt(crossing)));
        ApiResponse after = await SendAsync(portal);

        after.AssertTrue();
        Assert.Equal(0.8, Operating(after), 6);
        Assert.Equal(TestClock.Epoch.AddMinutes(5).AddSeconds(600).ToUnixTimeSeconds(), ResetAt(after));
    }

    [Fact]
    public async Task Calls_that_fail_in_the_method_count_too()
    {
        await using var portal = await StartAsync();
        for (int i = 0; i < 3; i++)
        {
            (await portal.CallAsync(BotMethods.MessageSend)).AssertError(400, "CHAT_ID_EMPTY");
        }

        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");
    }

    [Fact]
    public async Task Refused_calls_do_not_count()
    {
        await using var portal = await StartAsync();
        await SendAsync(portal);
        await SendAsync(portal);
        await SendAsync(portal);
        for (int i = 0; i < 5; i++)
        {
            (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0.4, Operating((await SendAsync(portal)).AssertTrue()), 6);
    }

    [Fact]
    public async Task The_outer_batch_is_not_counted_but_each_command_counts_against_its_method()
    {
        await using var portal = await StartAsync();
        string command = "imopenlines.bot.session.message.send?CHAT_ID=112&NAME=DEFAULT&MESSAGE=x";

        ApiResponse batch = await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonArray(command, command, command, command) });

        JsonNode result = batch.AssertSuccess()!;
        Assert.Null(batch.Time!["operating"]);
        Assert.Null(batch.Time!["operating_reset_at"]);
        Assert.Equal(3, result["result"]!.AsArray().Count);
        Assert.Equal("OPERATION_TIME_LIMIT", result["result_error"]!["3"]!["error"]!.GetValue<string>());
        Assert.Equal(1.2, result["result_time"]![2]!["operating"]!.GetValue<double>(), 6);
        (await SendAsync(portal)).AssertError(429, "OPERATION_TIME_LIMIT");
        (await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonArray("profile") })).AssertSuccess();
    }

    [Fact]
    public async Task Without_an_operating_limit_nothing_is_blocked()
    {
        await using var portal = await TestPortal.StartAsync(o =>
        {
            o.OperatingLimit = null;
            o.CallDuration = TimeSpan.FromSeconds(10);
        });

        for (int i = 0; i < 10; i++)
        {
            (await SendAsync(portal)).AssertTrue();
        }
    }

    [Fact]
    public void OperatingLimiter_blocks_only_when_the_sum_is_over_the_limit()
    {
        var limiter = new OperatingLimiter(TimeSpan.FromSeconds(1));

        limiter.Record("webhook:a", "m", TestClock.Epoch, TimeSpan.FromSeconds(0.5));
        limiter.Record("webhook:a", "m", TestClock.Epoch, TimeSpan.FromSeconds(0.5));
        Assert.False(limiter.IsBlocked("webhook:a", "m", TestClock.Epoch));

        limiter.Record("webhook:a", "m", TestClock.Epoch, TimeSpan.FromSeconds(0.001));
        Assert.True(limiter.IsBlocked("webhook:a", "m", TestClock.Epoch));
        Assert.False(limiter.IsBlocked("webhook:b", "m", TestClock.Epoch));
        Assert.False(limiter.IsBlocked("webhook:a", "other", TestClock.Epoch));
    }

    [Fact]
    public void OperatingLimiter_starts_a_new_bucket_each_minute_after_the_last_one_started()
    {
        var limiter = new OperatingLimiter(TimeSpan.FromSeconds(100));

        limiter.Record("k", "m", TestClock.Epoch, TimeSpan.FromSeconds(1));
        limiter.Record("k", "m", TestClock.Epoch.AddSeconds(59), TimeSpan.FromSeconds(1));
        limiter.Record("k", "m", TestClock.Epoch.AddSeconds(60), TimeSpan.FromSeconds(1));

        // Buckets at 0 s (2 s of time) and 60 s (1 s): at 600 s the first drops out, the second stays.
        (double operating, long resetAt) = limiter.Record("k", "m", TestClock.Epoch.AddSeconds(600), TimeSpan.FromSeconds(1));
        Assert.Equal(2, operating, 6);
        Assert.Equal(TestClock.Epoch.AddSeconds(660).ToUnixTimeSeconds(), resetAt);
    }
}
