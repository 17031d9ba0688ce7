using System.Collections.Concurrent;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Bitrix24.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// The inbound side's state in Redis: installations, offsets, and the lease that lets one replica poll a bot; then two
/// replicas polling one bot of the emulated portal: every event handled once, and the stand-by takes over when the
/// poller stops.
/// </summary>
public sealed class EventStateTests : IClassFixture<RedisServer>, IAsyncLifetime
{
    private const string BotToken = "redis-e2e-bot";
    private readonly RedisServer _server;
    private ConnectionMultiplexer? _redis;

    public EventStateTests(RedisServer server) => _server = server;

    public async Task InitializeAsync()
    {
        if (RedisServer.IsInstalled || RedisServer.IsRequired)
        {
            _redis = await _server.ConnectAsync(asyncTimeoutMs: 5000);
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task Offsets_and_the_poll_lease_are_shared_and_a_lease_runs_out_when_not_renewed()
    {
        var store = new RedisBitrix24EventOffsetStore(_redis!);
        string key = "portal.example:443/bot/" + Guid.NewGuid().ToString("N")[..6];

        Assert.Null(await store.GetAsync(key, default));
        await store.SaveAsync(key, 42, default);
        Assert.Equal(42, await new RedisBitrix24EventOffsetStore(_redis!).GetAsync(key, default));

        Assert.True(await store.TryHoldAsync(key, "a", TimeSpan.FromMilliseconds(300), default));
        Assert.False(await store.TryHoldAsync(key, "b", TimeSpan.FromSeconds(30), default));
        Assert.True(await store.TryHoldAsync(key, "a", TimeSpan.FromMilliseconds(300), default)); // renewed
        await Task.Delay(450);
        Assert.True(await store.TryHoldAsync(key, "b", TimeSpan.FromSeconds(30), default));
        Assert.False(await store.TryHoldAsync(key, "a", TimeSpan.FromSeconds(30), default));
    }

    [RedisFact]
    public async Task An_installation_is_kept_whole_replaced_whole_and_removed()
    {
        var store = new RedisBitrix24InstallationStore(_redis!);
        string member = "m" + Guid.NewGuid().ToString("N");
        var full = new Bitrix24Installation(member, "app-token-1")
        {
            Domain = "example.bitrix24.com",
            ClientEndpoint = new Uri("https://example.bitrix24.com/rest/"),
            ServerEndpoint = new Uri("https://oauth.bitrix.info/rest/"),
            AccessToken = "access",
            RefreshToken = "refresh",
            ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000),
            InstalledAt = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000),
        };

        await store.SaveAsync(full, default);
        Bitrix24Installation read = (await store.FindAsync(member, default))!;
        Assert.Equal((full.ApplicationToken, full.Domain, full.ClientEndpoint, full.ServerEndpoint, full.AccessToken, full.RefreshToken, full.ExpiresAt, full.InstalledAt),
            (read.ApplicationToken, read.Domain, read.ClientEndpoint, read.ServerEndpoint, read.AccessToken, read.RefreshToken, read.ExpiresAt, read.InstalledAt));

        await store.SaveAsync(new Bitrix24Installation(member, "app-token-2"), default);
        read = (await store.FindAsync(member, default))!;
        Assert.Equal(("app-token-2", null, null), (read.ApplicationToken, read.AccessToken, read.Domain));

        Assert.True(await store.RemoveAsync(member, default));
        Assert.Null(await store.FindAsync(member, default));
        Assert.False(await store.RemoveAsync(member, default));
    }

    [RedisFact]
    public async Task Two_replicas_poll_one_bot_each_event_is_handled_once_and_the_stand_by_takes_over()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int botId;
        using (var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl)))
        {
            botId = (await client.ImBot.V2.Bot.RegisterAsync(new BotRegisterFields
            {
                Code = "redis_e2e", BotToken = BotToken, Type = "openline", Properties = new BotProperties { Name = "Redis E2E" },
            })).Bot.Id;
        }

        portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        var handled = new ConcurrentQueue<(string Replica, string Text)>();
        IHost first = await StartReplicaAsync(portal, botId, "first", handled);
        using IHost second = await StartReplicaAsync(portal, botId, "second", handled);
        try
        {
            for (int i = 0; i < 10; i++)
            {
                portal.PostCustomerMessage(DemoPortal.ChatId, "m" + i);
            }

            await Eventually.WaitUntilAsync(() => handled.Count >= 10, "the first ten messages");
            await Task.Delay(500); // more rounds of both replicas: nothing else may come
            Assert.Equal(Enumerable.Range(0, 10).Select(i => "m" + i), handled.Select(h => h.Text));
            Assert.Single(handled.Select(h => h.Replica).Distinct()); // one replica polled; the other stood by

            // The poller stops (its lease is no longer renewed): the stand-by takes over where it stopped.
            string poller = handled.First().Replica;
            IHost stopping = poller == "first" ? first : second;
            await stopping.StopAsync();
            portal.PostCustomerMessage(DemoPortal.ChatId, "after");
            await Eventually.WaitUntilAsync(() => handled.Count >= 11, "the message after the takeover");
            await Task.Delay(300);
            Assert.Equal(11, handled.Count);
            Assert.NotEqual(poller, handled.Last().Replica);
        }
        finally
        {
            first.Dispose();
        }
    }

    private async Task<IHost> StartReplicaAsync(EmulatedPortal portal, int botId, string name, ConcurrentQueue<(string, string)> handled)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // Each replica its own connection, as separate processes would have.
        builder.Services.AddSingleton<IConnectionMultiplexer>(await _server.ConnectAsync(asyncTimeoutMs: 5000));
        builder.Services.AddBitrix24RedisEvents();
        builder.Services.AddBitrix24(options => options.WebhookUrl = portal.WebhookUrl);
        builder.Services.AddBitrix24EventPolling(polling =>
        {
            polling.Bots.Add(new Bitrix24PolledBot(botId, BotToken));
            polling.IdleDelay = TimeSpan.FromMilliseconds(100);
            polling.LeaseDuration = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddBitrix24EventHandler<MessageAddEvent>((message, context, ct) =>
        {
            handled.Enqueue((name, message.Message.Text!));
            return Task.CompletedTask;
        });
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
