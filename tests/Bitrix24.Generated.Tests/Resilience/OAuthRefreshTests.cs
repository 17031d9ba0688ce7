using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// On 401 expired_token the SDK refreshes once at the OAuth server named by <c>server_endpoint</c>,
/// replays the call once, and hands the rotated tokens to the token store. Concurrent calls share one
/// refresh; a refused refresh is a clear error, never a loop.
/// </summary>
public sealed class OAuthRefreshTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task A_hundred_concurrent_calls_on_an_expired_token_make_one_refresh_and_each_message_arrives_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, RateLimit = null });
        var store = new RecordingTokenStore();
        using var client = EmulatorClients.OAuth(portal, o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = Bitrix24RateLimit.Off;
            o.TokenStore = store;
        });
        clock.Advance(TimeSpan.FromHours(1));

        bool[] results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "m" + i)));

        Assert.All(results, Assert.True);
        Assert.Equal(1, portal.TokenRefreshCount);
        Bitrix24OAuthTokens saved = Assert.Single(store.Saved);
        Assert.Same(saved, client.OAuthTokens);
        Assert.Equal(100, portal.Requests.For(Send).Count(r => r.Status == 200));
        Assert.All(portal.Requests.For(Send).Where(r => r.Status != 200), r => Assert.Equal("expired_token", r.ErrorCode));
        var texts = portal.State.GetChat(DemoPortal.ChatId).Transcript.Select(m => m.Text).Where(t => t.StartsWith('m')).ToList();
        Assert.Equal(100, texts.Count);
        Assert.Equal(100, texts.Distinct().Count());
    }

    [Fact]
    public async Task The_rotated_refresh_token_is_used_for_the_next_refresh()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        var store = new RecordingTokenStore();
        using var client = EmulatorClients.OAuth(portal, o =>
        {
            o.TimeProvider = clock;
            o.TokenStore = store;
        });

        for (int hour = 0; hour < 3; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
        }

        Assert.Equal(3, portal.TokenRefreshCount);
        Assert.Equal(3, store.Saved.Select(t => t.RefreshToken).Distinct().Count());
    }

    [Fact]
    public async Task The_replay_happens_once_so_a_token_expired_again_surfaces()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, AccessTokenLifetime = TimeSpan.Zero });
        using var client = EmulatorClients.OAuth(portal, o => o.TimeProvider = clock);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.ExpiredToken, e.ErrorCode);
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal(2, portal.Requests.For(Send).Count);
    }

    [Fact]
    public async Task Webhook_clients_never_try_to_refresh()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(Bitrix24.Emulator.Faults.EmulatedFault.Error(401, "expired_token", "The access token provided has expired."));
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.ExpiredToken, e.ErrorCode);
        Assert.Equal(0, portal.TokenRefreshCount);
        Assert.Single(portal.Requests.All);
        Assert.Null(client.OAuthTokens);
    }

    [Theory]
    [InlineData("https://oauth.bitrix.info/rest/", "https://oauth.bitrix.info/oauth/token/")]
    [InlineData("https://oauth.bitrix24.tech/rest/", "https://oauth.bitrix24.tech/oauth/token/")]
    [InlineData(null, "https://oauth.bitrix.info/oauth/token/")]
    public void The_token_endpoint_comes_from_server_endpoint(string? serverEndpoint, string expected)
    {
        var tokens = new Bitrix24OAuthTokens("a", "r", new Uri("https://example.bitrix24.com/rest/"), serverEndpoint is null ? null : new Uri(serverEndpoint));

        Assert.Equal(new Uri(expected), TokenEndpointClient.TokenUri(tokens));
    }

    [Fact]
    public async Task New_tokens_are_kept_out_of_messages_too()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var client = EmulatorClients.OAuth(portal, o => o.TimeProvider = clock);
        clock.Advance(TimeSpan.FromHours(1));
        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        Bitrix24OAuthTokens fresh = client.OAuthTokens!;
        string page = "<html>token " + fresh.AccessToken + " refresh " + fresh.RefreshToken + "</html>";
        portal.Faults.Enqueue(Bitrix24.Emulator.Faults.EmulatedFault.Reply(502, page, "text/html"));

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.DoesNotContain(fresh.AccessToken, e.ResponseExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.RefreshToken, e.ResponseExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.AccessToken, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.AccessToken, fresh.ToString(), StringComparison.Ordinal);
    }
}
