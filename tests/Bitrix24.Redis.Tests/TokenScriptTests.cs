using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// <see cref="RedisBitrix24SharedTokens"/> against a real server: the begin/commit protocol of MULTI-INSTANCE.md §2 step by
/// step, on two connections standing for two replicas. Each test has a key of its own.
/// </summary>
public sealed class TokenScriptTests : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly Uri Endpoint = new("https://example.bitrix24.com/rest/");

    private readonly RedisServer _server;
    private readonly string _key = "example.bitrix24.com/local.app" + Guid.NewGuid().ToString("N")[..8];
    private ConnectionMultiplexer? _first;
    private ConnectionMultiplexer? _second;

    public TokenScriptTests(RedisServer server) => _server = server;

    private RedisBitrix24SharedTokens First => new(_first!);

    private RedisBitrix24SharedTokens Second => new(_second!);

    public async Task InitializeAsync()
    {
        if (RedisServer.IsInstalled || RedisServer.IsRequired)
        {
            // A generous timeout: these tests are about the protocol, and a busy machine must not turn them into timeouts.
            _first = await _server.ConnectAsync(asyncTimeoutMs: 5000);
            _second = await _server.ConnectAsync(asyncTimeoutMs: 5000);
        }
    }

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
            await _second!.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task One_replica_gets_the_lease_the_other_waits_then_finds_the_pair_fresh_and_a_stale_commit_is_refused()
    {
        Bitrix24StoredTokens seeded = await First.SeedAsync(_key, Pair("1", expiresAt: DateTimeOffset.FromUnixTimeSeconds(1_900_000_000)), default);
        Bitrix24StoredTokens again = await Second.SeedAsync(_key, Pair("other"), default); // seeding never overwrites
        Assert.Equal((1L, "refresh-1"), (seeded.Version, again.Tokens.RefreshToken));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000), again.Tokens.ExpiresAt);
        Assert.Equal(new Uri("https://example.bitrix24.com/oauth/"), again.Tokens.ServerEndpoint);

        Bitrix24RefreshTurn go = await First.BeginRefreshAsync(_key, 1, "replica-a", Lease, default);
        Bitrix24RefreshTurn wait = await Second.BeginRefreshAsync(_key, 1, "replica-b", Lease, default);
        Assert.Equal(Bitrix24RefreshTurnKind.Go, go.Kind);
        Assert.Equal("refresh-1", go.Stored!.Tokens.RefreshToken);
        Assert.Equal(Bitrix24RefreshTurnKind.Wait, wait.Kind);
        Assert.InRange(wait.Wait, TimeSpan.FromSeconds(29), Lease);

        Assert.True(await First.CommitAsync(_key, 1, "replica-a", Pair("2"), default));
        Assert.True(await First.CommitAsync(_key, 1, "replica-a", Pair("2"), default)); // a retried commit that had landed
        Assert.False(await Second.CommitAsync(_key, 1, "replica-b", Pair("stale"), default));

        Bitrix24RefreshTurn fresh = await Second.BeginRefreshAsync(_key, 1, "replica-b", Lease, default);
        Assert.Equal((Bitrix24RefreshTurnKind.Fresh, 2L, "refresh-2"), (fresh.Kind, fresh.Stored!.Version, fresh.Stored.Tokens.RefreshToken));
        Bitrix24StoredTokens? stored = await Second.GetAsync(_key, default);
        Assert.Equal(("access-2", 2L), (stored!.Tokens.AccessToken, stored.Version));
        Assert.Equal(-1, (long)(await _first!.GetDatabase().KeyTimeToLiveAsync($"b24:{{{_key}}}:auth") is { } ttl ? ttl.TotalMilliseconds : -1));
    }

    [RedisFact]
    public async Task A_lease_whose_holder_vanished_runs_out_and_another_replica_takes_it()
    {
        await First.SeedAsync(_key, Pair("1"), default);
        Assert.Equal(Bitrix24RefreshTurnKind.Go, (await First.BeginRefreshAsync(_key, 1, "crashed", TimeSpan.FromMilliseconds(200), default)).Kind);
        Assert.Equal(Bitrix24RefreshTurnKind.Wait, (await Second.BeginRefreshAsync(_key, 1, "survivor", Lease, default)).Kind);

        await Task.Delay(300);

        Bitrix24RefreshTurn taken = await Second.BeginRefreshAsync(_key, 1, "survivor", Lease, default);
        Assert.Equal(Bitrix24RefreshTurnKind.Go, taken.Kind);
        Assert.True(await Second.CommitAsync(_key, 1, "survivor", Pair("2"), default));
    }

    [RedisFact]
    public async Task Nothing_stored_reads_as_null_and_a_turn_asks_for_a_seed()
    {
        Assert.Null(await First.GetAsync(_key, default));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await First.BeginRefreshAsync(_key, 0, "a", Lease, default));
        Assert.Contains("seed", error.Message, StringComparison.Ordinal);
    }

    private static Bitrix24OAuthTokens Pair(string name, DateTimeOffset? expiresAt = null) =>
        new("access-" + name, "refresh-" + name, Endpoint, new Uri("https://example.bitrix24.com/oauth/"), expiresAt);
}
