using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// Several clients holding the same rotating refresh token (replicas of one app, here as clients with their own single
/// flight): without a shared store two of them refresh it and one gets <c>invalid_grant</c>; with one, exactly one
/// refresh reaches the portal and every client goes on with its pair. (The Redis store does the same across OS
/// processes: tests/Bitrix24.Redis.Tests.)
/// </summary>
public sealed class SharedTokenTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task Without_a_shared_store_two_replicas_with_the_same_refresh_token_end_in_invalid_grant()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        using var first = EmulatorClients.OAuth(portal, tokens, o => o.RateLimit = Bitrix24RateLimit.Off);
        using var second = EmulatorClients.OAuth(portal, tokens, o => o.RateLimit = Bitrix24RateLimit.Off);
        portal.ExpireAccessTokens();

        Assert.True(await first.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "first"));
        var refused = await Assert.ThrowsAsync<Bitrix24ApiException>(() => second.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "second"));

        Assert.Equal("invalid_grant", refused.Code);
        Assert.Equal(1, portal.TokenRefreshCount);
    }

    [Fact]
    public async Task Three_replicas_with_a_hundred_calls_each_on_an_expired_token_make_one_refresh_and_every_call_succeeds()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        var shared = new InMemoryBitrix24SharedTokenStore();
        Bitrix24Client[] replicas = Enumerable.Range(0, 3)
            .Select(_ => EmulatorClients.OAuth(portal, tokens, o => { o.RateLimit = Bitrix24RateLimit.Off; o.SharedTokens = shared; }))
            .ToArray();
        try
        {
            portal.ExpireAccessTokens();

            bool[] results = await Task.WhenAll(replicas.SelectMany((client, r) => Enumerable.Range(0, 100).Select(i =>
                client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, $"r{r}-{i}"))));

            Assert.Equal(300, results.Count(ok => ok));
            Assert.Equal(1, portal.TokenRefreshCount);
            Assert.Equal(300, portal.State.GetChat(DemoPortal.ChatId).Transcript.Select(m => m.Text).Where(t => t.StartsWith('r')).Distinct().Count());
            Bitrix24StoredTokens stored = (await shared.GetAsync(Bitrix24SharedTokenKey.For(Options(portal, tokens)), CancellationToken.None))!;
            Assert.Equal(2, stored.Version);
            Assert.All(replicas, client => Assert.Equal(stored.Tokens.RefreshToken, client.OAuthTokens!.RefreshToken));
        }
        finally
        {
            Array.ForEach(replicas, client => client.Dispose());
        }
    }

    [Fact]
    public async Task A_replica_that_starts_later_with_the_old_pair_takes_the_stored_one_instead_of_refreshing()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        var shared = new InMemoryBitrix24SharedTokenStore();
        using var early = EmulatorClients.OAuth(portal, tokens, o => { o.RateLimit = Bitrix24RateLimit.Off; o.SharedTokens = shared; });
        portal.ExpireAccessTokens();
        Assert.True(await early.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        // Started from configuration's (now spent) pair: its first refusal finds the newer pair in the store.
        using var late = EmulatorClients.OAuth(portal, tokens, o => { o.RateLimit = Bitrix24RateLimit.Off; o.SharedTokens = shared; });
        Assert.True(await late.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "late"));

        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal(early.OAuthTokens!.RefreshToken, late.OAuthTokens!.RefreshToken);
    }

    [Fact]
    public async Task A_refused_refresh_token_with_nothing_newer_stored_is_a_lost_authorization_reported_once()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        var shared = new InMemoryBitrix24SharedTokenStore();
        var lost = new List<Bitrix24AuthorizationLostException>();
        using var client = EmulatorClients.OAuth(portal, tokens, o =>
        {
            o.RateLimit = Bitrix24RateLimit.Off;
            o.SharedTokens = shared;
            o.OnAuthorizationLost = lost.Add;
        });
        // A process that refreshed without the store (or died before storing its pair) spent the refresh token.
        using (var outsider = EmulatorClients.OAuth(portal, tokens, o => o.RateLimit = Bitrix24RateLimit.Off))
        {
            portal.ExpireAccessTokens();
            await outsider.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "outsider");
        }

        var failure = await Assert.ThrowsAsync<Bitrix24AuthorizationLostException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Same(failure, Assert.Single(lost));
        Assert.Contains("authorized again", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Requests.For("imopenlines.bot.session.operator"), r => r.Status == 200);
    }

    [Fact]
    public async Task A_stale_commit_never_replaces_a_newer_pair()
    {
        var store = new InMemoryBitrix24SharedTokenStore();
        var endpoint = new Uri("https://example.bitrix24.com/rest/");
        Bitrix24OAuthTokens Pair(string name) => new("access-" + name, "refresh-" + name, endpoint);
        await store.SeedAsync("k", Pair("1"), default);

        Bitrix24RefreshTurn a = await store.BeginRefreshAsync("k", 1, "a", TimeSpan.FromSeconds(30), default);
        Bitrix24RefreshTurn b = await store.BeginRefreshAsync("k", 1, "b", TimeSpan.FromSeconds(30), default);
        Assert.Equal((Bitrix24RefreshTurnKind.Go, Bitrix24RefreshTurnKind.Wait), (a.Kind, b.Kind));
        Assert.True(await store.CommitAsync("k", 1, "a", Pair("2"), default));
        Assert.True(await store.CommitAsync("k", 1, "a", Pair("2"), default)); // the same commit again: it landed
        Assert.False(await store.CommitAsync("k", 1, "b", Pair("stale"), default));

        Bitrix24RefreshTurn after = await store.BeginRefreshAsync("k", 1, "b", TimeSpan.FromSeconds(30), default);
        Assert.Equal(Bitrix24RefreshTurnKind.Fresh, after.Kind);
        Assert.Equal(("refresh-2", 2L), (after.Stored!.Tokens.RefreshToken, after.Stored.Version));
    }

    private static Bitrix24ClientOptions Options(EmulatedPortal portal, EmulatedOAuthTokens tokens) =>
        Bitrix24ClientOptions.OAuth(new Bitrix24OAuthTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ClientEndpoint, tokens.ServerEndpoint, tokens.ExpiresAt),
            portal.Application.ClientId, portal.Application.ClientSecret);
}
