using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>The leaky bucket (FACTS §4): 2/s with 50 (Enterprise 5/s with 250), 503 QUERY_LIMIT_EXCEEDED beyond it.</summary>
public sealed class RateLimitTests
{
    /// <summary>Sends <paramref name="count"/> quick calls on the frozen clock; returns the statuses in order.</summary>
    private static async Task<List<HttpStatusCode>> BurstAsync(TestPortal portal, int count, string path = "rest/1/emulatorhookcode/profile.json")
    {
        var statuses = new List<HttpStatusCode>(count);
        for (int i = 0; i < count; i++)
        {
            statuses.Add((await portal.Http.PostJsonAsync(path)).Status);
        }

        return statuses;
    }

    [Fact]
    public async Task A_burst_of_60_on_a_frozen_clock_gives_exactly_50_successes_then_503s()
    {
        await using var portal = await TestPortal.StartAsync();

        List<HttpStatusCode> statuses = await BurstAsync(portal, 60);

        Assert.All(statuses.Take(50), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(50), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
    }

    [Fact]
    public async Task The_refusal_is_503_QUERY_LIMIT_EXCEEDED_Too_many_requests()
    {
        await using var portal = await TestPortal.StartAsync();
        await BurstAsync(portal, 50);

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "x" });

        response.AssertError(503, "QUERY_LIMIT_EXCEEDED");
        Assert.Equal("Too many requests", response.ErrorDescription);
        Assert.Single(portal.Chat.Transcript);
        Assert.False(portal.Portal.Requests.All[^1].Processed);
        Assert.Equal(EmulatedAuthKind.None, portal.Portal.Requests.All[^1].AuthKind);
    }

    [Fact]
    public async Task After_one_second_two_more_calls_pass()
    {
        await using var portal = await TestPortal.StartAsync();
        await BurstAsync(portal, 60);

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        List<HttpStatusCode> statuses = await BurstAsync(portal, 3);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], statuses);
    }

    [Fact]
    public async Task Refused_calls_do_not_fill_the_bucket()
    {
        await using var portal = await TestPortal.StartAsync();
        await BurstAsync(portal, 50);
        List<HttpStatusCode> refused = await BurstAsync(portal, 30);
        Assert.All(refused, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));

        portal.Clock.Advance(TimeSpan.FromSeconds(0.5));
        List<HttpStatusCode> statuses = await BurstAsync(portal, 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], statuses);
    }

    [Fact]
    public async Task The_bucket_drains_completely_over_time()
    {
        await using var portal = await TestPortal.StartAsync();
        await BurstAsync(portal, 50);

        portal.Clock.Advance(TimeSpan.FromSeconds(25));

        Assert.All(await BurstAsync(portal, 50), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Enterprise_allows_250_then_drains_5_per_second()
    {
        await using var portal = await TestPortal.StartAsync(o => o.RateLimit = EmulatedRateLimit.Enterprise);

        List<HttpStatusCode> burst = await BurstAsync(portal, 251);
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        List<HttpStatusCode> afterOneSecond = await BurstAsync(portal, 6);

        Assert.Equal(250, burst.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, burst[^1]);
        Assert.Equal(5, afterOneSecond.TakeWhile(s => s == HttpStatusCode.OK).Count());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterOneSecond[^1]);
    }

    [Fact]
    public async Task Without_a_rate_limit_300_quick_calls_all_pass()
    {
        await using var portal = await TestPortal.StartAsync(o => o.RateLimit = null);

        List<HttpStatusCode> statuses = await BurstAsync(portal, 300);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task The_bucket_is_shared_by_every_webhook_and_app_of_the_portal()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        await BurstAsync(portal, 25);
        await BurstAsync(portal, 25, "rest/1/crmonlyhookcode0/profile.json");

        ApiResponse response = await portal.CallOAuthAsync("profile", tokens.AccessToken);

        response.AssertError(503, "QUERY_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Calls_with_bad_authorization_count_and_are_refused_before_authorization()
    {
        await using var portal = await TestPortal.StartAsync();

        List<HttpStatusCode> statuses = await BurstAsync(portal, 51, "rest/1/wrongcode/profile.json");

        Assert.All(statuses.Take(50), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[^1]);
        (await portal.CallAsync("profile")).AssertError(503, "QUERY_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task A_batch_counts_as_one_request()
    {
        await using var portal = await TestPortal.StartAsync();
        await BurstAsync(portal, 49);
        var commands = new JsonObject();
        for (int i = 0; i < 10; i++)
        {
            commands["c" + i] = "profile";
        }

        ApiResponse batch = await portal.CallAsync("batch", new JsonObject { ["cmd"] = commands });

        Assert.Equal(10, batch.AssertSuccess()!["result"]!.AsObject().Count);
        (await portal.CallAsync("profile")).AssertError(503, "QUERY_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(2, 0)]
    [InlineData(double.NaN, 50)]
    public async Task A_non_positive_rate_limit_is_refused_at_start(double drain, int size)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TestPortal.StartAsync(o => o.RateLimit = new EmulatedRateLimit(drain, size)));
    }

    [Fact]
    public void LeakyBucket_drains_fractionally_between_calls()
    {
        var bucket = new LeakyBucket(new EmulatedRateLimit(2, 3), TestClock.Epoch);

        Assert.True(bucket.TryAdd(TestClock.Epoch));
        Assert.True(bucket.TryAdd(TestClock.Epoch));
        Assert.True(bucket.TryAdd(TestClock.Epoch));
        Assert.False(bucket.TryAdd(TestClock.Epoch));
        Assert.False(bucket.TryAdd(TestClock.Epoch.AddSeconds(0.25)));
        Assert.True(bucket.TryAdd(TestClock.Epoch.AddSeconds(0.5)));
        Assert.False(bucket.TryAdd(TestClock.Epoch.AddSeconds(0.5)));
    }

    [Fact]
    public void LeakyBucket_ignores_a_clock_going_backwards()
    {
        var bucket = new LeakyBucket(new EmulatedRateLimit(2, 1), TestClock.Epoch);

        Assert.True(bucket.TryAdd(TestClock.Epoch));
        Assert.False(bucket.TryAdd(TestClock.Epoch.AddSeconds(-10)));
    }
}
