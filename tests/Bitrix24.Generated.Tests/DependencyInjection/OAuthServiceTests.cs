using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>An OAuth application's client from the container: its tokens, its refresh, and the token store the app registered.</summary>
public sealed class OAuthServiceTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task A_refresh_hands_the_new_tokens_to_the_token_store_registered_in_the_container()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        EmulatedOAuthTokens issued = portal.IssueTokens();
        var store = new RecordingTokenStore();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            OAuthSettings(portal, issued),
            services: s => s.AddSingleton<IBitrix24TokenStore>(store).AddSingleton<TimeProvider>(clock));
        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "before expiry"));
        Assert.Empty(store.Saved);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "after expiry"));

        Assert.Equal(1, portal.TokenRefreshCount);
        Bitrix24OAuthTokens saved = Assert.Single(store.Saved);
        Assert.Same(saved, client.OAuthTokens);
        Assert.NotEqual(issued.AccessToken, saved.AccessToken);
        Assert.NotEqual(issued.RefreshToken, saved.RefreshToken);
        Assert.Equal(issued.ClientEndpoint, saved.ClientEndpoint);
        Assert.Same(store, DependencyInjectionHost.OptionsOf(client).TokenStore);
        Assert.Equal(["expired_token"], portal.Requests.For(Send).Where(r => r.Status != 200).Select(r => r.ErrorCode));
        Assert.Equal(["before expiry", "after expiry"], portal.State.GetChat(DemoPortal.ChatId).Transcript.TakeLast(2).Select(m => m.Text));
    }

    [Fact]
    public async Task LoadTokens_supplies_tokens_newer_than_the_configured_ones()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        EmulatedOAuthTokens configured = portal.IssueTokens();
        EmulatedOAuthTokens saved = portal.IssueTokens();
        var collection = new ServiceCollection();
        collection.AddSingleton(new RecordingTokenStore(Tokens(saved)));
        collection.AddBitrix24(
            DependencyInjectionHost.Configuration(OAuthSettings(portal, configured)).GetSection("Bitrix24"),
            o => o.LoadTokens = provider => provider.GetRequiredService<RecordingTokenStore>().Saved[^1]);
        await using ServiceProvider services = collection.BuildServiceProvider();
        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Equal(saved.AccessToken, client.OAuthTokens!.AccessToken);
        Assert.Equal(saved.AccessToken, Assert.Single(portal.Requests.All).Parameters["auth"]!.GetValue<string>());
    }

    [Fact]
    public async Task LoadTokens_giving_nothing_falls_back_to_the_configured_tokens()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        EmulatedOAuthTokens configured = portal.IssueTokens();
        var collection = new ServiceCollection();
        collection.AddBitrix24(DependencyInjectionHost.Configuration(OAuthSettings(portal, configured)).GetSection("Bitrix24"), o => o.LoadTokens = _ => null);
        await using ServiceProvider services = collection.BuildServiceProvider();
        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Equal(configured.AccessToken, Assert.Single(portal.Requests.All).Parameters["auth"]!.GetValue<string>());
        Assert.Null(DependencyInjectionHost.OptionsOf(client).TokenStore);
    }

    internal static KeyValuePair<string, string?>[] OAuthSettings(EmulatedPortal portal, EmulatedOAuthTokens tokens) =>
    [
        new("Bitrix24:ClientId", portal.Application.ClientId),
        new("Bitrix24:ClientSecret", portal.Application.ClientSecret),
        new("Bitrix24:AccessToken", tokens.AccessToken),
        new("Bitrix24:RefreshToken", tokens.RefreshToken),
        new("Bitrix24:ClientEndpoint", tokens.ClientEndpoint.ToString()),
        new("Bitrix24:ServerEndpoint", tokens.ServerEndpoint.ToString()),
    ];

    private static Bitrix24OAuthTokens Tokens(EmulatedOAuthTokens tokens) =>
        new(tokens.AccessToken, tokens.RefreshToken, tokens.ClientEndpoint, tokens.ServerEndpoint, tokens.ExpiresAt);
}
