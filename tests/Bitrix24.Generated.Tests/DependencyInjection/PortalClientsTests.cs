using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;
using Bitrix24.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>
/// Many portals in one process: a client per portal made from its installation (OAuth application), and keyed clients
/// for webhook portals. Two emulated portals stand for two customers' portals.
/// </summary>
public sealed class PortalClientsTests
{
    [Fact]
    public async Task Each_installed_portal_gets_its_own_client_kept_for_later_calls()
    {
        await using var a = await EmulatedPortal.StartAsync();
        await using var b = await EmulatedPortal.StartAsync();
        var installations = new InMemoryBitrix24InstallationStore();
        await installations.SaveAsync(Installation("portal-a", a.IssueTokens()), default);
        await installations.SaveAsync(Installation("portal-b", b.IssueTokens()), default);
        await using ServiceProvider provider = Services(installations).BuildServiceProvider();
        var clients = provider.GetRequiredService<Bitrix24PortalClients>();

        Bitrix24Client forA = await clients.GetAsync("portal-a");
        Bitrix24Client forB = await clients.GetAsync("portal-b");
        await forA.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "to a");
        await forB.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Same(forA, await clients.GetAsync("portal-a"));
        Assert.NotSame(forA, forB);
        Assert.Contains(a.State.GetChat(DemoPortal.ChatId).Transcript, m => m.Text == "to a");
        Assert.Empty(a.Requests.For("imopenlines.bot.session.operator"));
        Assert.Single(b.Requests.For("imopenlines.bot.session.operator"));
    }

    [Fact]
    public async Task A_portal_not_installed_is_refused_by_name_and_works_once_its_installation_arrives()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var installations = new InMemoryBitrix24InstallationStore();
        await using ServiceProvider provider = Services(installations).BuildServiceProvider();
        var clients = provider.GetRequiredService<Bitrix24PortalClients>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => clients.GetAsync("late-portal"));
        Assert.Contains("late-portal", refused.Message, StringComparison.Ordinal);

        await installations.SaveAsync(Installation("late-portal", portal.IssueTokens()), default);
        Assert.True(await (await clients.GetAsync("late-portal")).ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task A_refreshed_pair_goes_back_into_the_installation_and_a_forgotten_client_is_made_again_from_it()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var installations = new InMemoryBitrix24InstallationStore();
        await installations.SaveAsync(Installation("portal-a", portal.IssueTokens()), default);
        await using ServiceProvider provider = Services(installations).BuildServiceProvider();
        var clients = provider.GetRequiredService<Bitrix24PortalClients>();
        Bitrix24Client first = await clients.GetAsync("portal-a");
        portal.ExpireAccessTokens();

        await first.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Bitrix24Installation saved = (await installations.FindAsync("portal-a", default))!;
        Assert.Equal(first.OAuthTokens!.RefreshToken, saved.RefreshToken);
        Assert.Equal("app-token", saved.ApplicationToken);
        Assert.True(clients.Forget("portal-a"));
        Bitrix24Client second = await clients.GetAsync("portal-a");
        Assert.NotSame(first, second);
        Assert.Equal(saved.RefreshToken, second.OAuthTokens!.RefreshToken);
        Assert.True(await second.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "again"));
        Assert.Equal(1, portal.TokenRefreshCount);
    }

    [Fact]
    public async Task Webhook_portals_are_keyed_clients()
    {
        await using var a = await EmulatedPortal.StartAsync();
        await using var b = await EmulatedPortal.StartAsync();
        var services = new ServiceCollection();
        services.AddBitrix24Webhook("sales", a.WebhookUrl);
        services.AddBitrix24Webhook("support", b.WebhookUrl, o => o.Retry.Enabled = false);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<Bitrix24Client>("support").ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Same(provider.GetRequiredKeyedService<Bitrix24Client>("sales"), provider.GetRequiredKeyedService<Bitrix24Client>("sales"));
        Assert.Empty(a.Requests.For("imopenlines.bot.session.operator"));
        Assert.Single(b.Requests.For("imopenlines.bot.session.operator"));
        Assert.Throws<ArgumentException>(() => services.AddBitrix24Webhook("bad", new Uri("https://example.com/not-a-webhook")));
    }

    private static ServiceCollection Services(IBitrix24InstallationStore installations)
    {
        var services = new ServiceCollection();
        services.AddSingleton(installations);
        services.AddBitrix24PortalClients(DemoPortal.Application.ClientId, DemoPortal.Application.ClientSecret);
        return services;
    }

    private static Bitrix24Installation Installation(string memberId, EmulatedOAuthTokens tokens) => new(memberId, "app-token")
    {
        ClientEndpoint = tokens.ClientEndpoint,
        ServerEndpoint = tokens.ServerEndpoint,
        AccessToken = tokens.AccessToken,
        RefreshToken = tokens.RefreshToken,
        ExpiresAt = tokens.ExpiresAt,
    };
}
