using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.State;
using Bitrix24.Redis.Replica;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// Replicas as real OS processes (tests/Bitrix24.Redis.Replica), each with its own connection, client and memory, against
/// one emulated portal and one private redis-server: nothing here can pass by sharing a process. The pace is scaled up
/// (10/s, burst 10) to keep the run short; the Standard-plan run (4 × 250 at 2/s) is `dotnet run --project
/// tests/Bitrix24.Redis.Replica -- scenario`, with its figures in docs/benchmarks.md.
/// </summary>
public sealed class MultiProcessTests
{
    private const double Pace = 10;
    private const int Burst = 10;

    static MultiProcessTests()
    {
        // The replica from its own output folder (same configuration), where its dependencies are its own.
        string own = AppContext.BaseDirectory.Replace("Bitrix24.Redis.Tests", "Bitrix24.Redis.Replica", StringComparison.Ordinal);
        ReplicaProcess.ProgramPath = Path.Combine(own, "Bitrix24.Redis.Replica.dll");
    }

    [RedisFact]
    public async Task Four_processes_share_one_budget_with_no_QUERY_LIMIT_EXCEEDED_surfacing_and_every_message_delivered_once()
    {
        using RedisServerProcess redis = await RedisServerProcess.StartAsync();
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = new EmulatedRateLimit(Pace, Burst) });

        ScenarioReport report = await ReplicaScenario.RunAsync(portal, redis.ConnectionString, replicas: 4, messages: 25, Pace, Burst, headroom: 2);

        Assert.Equal((100, 0, 0), (report.Delivered, report.Lost, report.Duplicates));
        Assert.Equal((0, 0), (report.QueryLimitSurfaced, report.OtherFailures));
        // Timers firing late make a scaled-up pace (100 ms slots) noisier than the portal's 500 ms ones; the Standard run shows ≥ 95 %.
        Assert.True(report.Share >= 0.9, $"{report.Share:P1} of the bucket's maximum in {report.WindowSeconds:0.0} s");
    }

    [RedisFact]
    public async Task Redis_killed_midway_loses_and_repeats_nothing_the_replicas_fall_back_and_return_to_the_shared_budget()
    {
        using RedisServerProcess redis = await RedisServerProcess.StartAsync();
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = new EmulatedRateLimit(Pace, Burst) });

        ScenarioReport report = await ReplicaScenario.RunAsync(portal, redis.ConnectionString, replicas: 4, messages: 60, Pace, Burst, headroom: 2, onHalfway: async () =>
        {
            redis.Kill();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await redis.RestartAsync();
        });

        Assert.Equal((240, 0, 0), (report.Delivered, report.Lost, report.Duplicates));
        Assert.Equal((0, 0), (report.QueryLimitSurfaced, report.OtherFailures));
        Assert.True(report.Fallbacks > 0, "no replica fell back while Redis was down");
        Assert.True(report.EndedShared, "a replica was still on its own share at the end");
    }

    [RedisFact]
    public async Task Three_processes_with_a_hundred_calls_each_on_an_expired_token_make_exactly_one_refresh_through_Redis()
    {
        using RedisServerProcess redis = await RedisServerProcess.StartAsync();
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        portal.ExpireAccessTokens();

        ReplicaResult[] results = await Task.WhenAll(Enumerable.Range(1, 3).Select(id => ReplicaProcess.RunAsync(RefreshArguments(portal, tokens, id, redis.ConnectionString))));

        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.All(results, r => Assert.Equal((100, 0), (r.Sent, r.Failures.Values.Sum())));
        Assert.Equal(300, portal.State.GetChat(DemoPortal.ChatId).Transcript.Select(m => m.Text).Where(t => t.StartsWith('t')).Distinct().Count());
    }

    [Fact]
    public async Task Without_Redis_two_processes_given_the_same_refresh_token_end_in_invalid_grant()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        portal.ExpireAccessTokens();

        ReplicaResult[] results = await Task.WhenAll(Enumerable.Range(1, 2).Select(id => ReplicaProcess.RunAsync(RefreshArguments(portal, tokens, id, redis: null))));

        // Both presented the same refresh token; the portal took it once, so the other process's calls all failed.
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Contains(results, r => r.Failures.GetValueOrDefault("invalid_grant") == 100);
        Assert.Contains(results, r => r.Sent == 100);
    }

    private static IEnumerable<string> RefreshArguments(EmulatedPortal portal, EmulatedOAuthTokens tokens, int id, string? redis)
    {
        string[] arguments =
        [
            "refresh", "--endpoint", tokens.ClientEndpoint.ToString(), "--server", tokens.ServerEndpoint.ToString(), "--access", tokens.AccessToken, "--refresh", tokens.RefreshToken,
            "--client-id", portal.Application.ClientId, "--secret", portal.Application.ClientSecret, "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--calls", "100",
        ];
        return redis is null ? arguments : [.. arguments, "--redis", redis];
    }
}
