using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Bitrix24.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Events.Tests;

/// <summary>
/// Webhook mode end to end over real HTTP on 127.0.0.1: the emulated portal posts form-encoded deliveries to an
/// ASP.NET Core host with <c>MapBitrix24Events</c>, whose typed handler replies through the portal.
/// </summary>
public sealed class WebhookEndToEndTests
{
    [Fact]
    public async Task A_customer_message_reaches_the_typed_handler_whose_reply_appears_in_the_transcript()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int port = BotHarness.FreePort();
        var handlerUrl = new Uri($"http://127.0.0.1:{port}/bitrix24/events");
        int botId = await BotHarness.RegisterAndConnectAsync(portal, handlerUrl);
        string applicationToken = portal.State.ApplicationTokenOfBot(botId)!;

        var joined = new ConcurrentQueue<JoinChatEvent>();
        await using WebApplication host = await StartHostAsync(port, portal, applicationToken, services => services
            .AddBitrix24EventHandler<JoinChatEvent>((e, context, ct) => { joined.Enqueue(e); return Task.CompletedTask; })
            .AddBitrix24EventHandler<MessageAddEvent, EchoHandler>());

        // The join happened before the host listened; this one arrives.
        portal.PostCustomerMessage(DemoPortal.ChatId, "Where is my order?");
        await portal.WhenEventsDeliveredAsync();

        await Eventually.WaitUntilAsync(() => BotHarness.RepliesOf(portal, botId).Count == 1, "the bot's reply");
        Assert.Equal(["You wrote: Where is my order? (chat LINES, user " + DemoPortal.CustomerId + ")"], BotHarness.RepliesOf(portal, botId));
        Assert.Contains(portal.Deliveries.ForBot(botId), d => d.Event == "ONIMBOTV2MESSAGEADD" && d.HttpStatus == 200);
    }

    [Fact]
    public async Task A_delivery_with_a_forged_or_missing_token_gets_401_and_no_handler_runs()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int port = BotHarness.FreePort();
        int handled = 0;
        await using WebApplication host = await StartHostAsync(port, portal, "the-real-token", services => services
            .AddBitrix24EventHandler<MessageAddEvent>((e, context, ct) => { Interlocked.Increment(ref handled); return Task.CompletedTask; }));
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{port}/bitrix24/events");
        string body = "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=7&data%5Bmessage%5D%5Bid%5D=1&data%5Bmessage%5D%5Btext%5D=hi&auth%5Bmember_id%5D=m1";

        HttpResponseMessage forged = await http.PostAsync(url, Form(body + "&auth%5Bapplication_token%5D=the-real-tokeX"));
        HttpResponseMessage missing = await http.PostAsync(url, Form(body));
        HttpResponseMessage genuine = await http.PostAsync(url, Form(body + "&auth%5Bapplication_token%5D=the-real-token"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (forged.StatusCode, missing.StatusCode, genuine.StatusCode));
        Assert.DoesNotContain("the-real-tokeX", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task An_installation_captured_from_ONAPPINSTALL_verifies_that_portals_deliveries_until_ONAPPUNINSTALL()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int port = BotHarness.FreePort();
        var installations = new InMemoryBitrix24InstallationStore();
        int handled = 0;
        await using WebApplication host = await StartHostAsync(port, portal, applicationToken: null, services => services
            .AddSingleton<IBitrix24InstallationStore>(installations)
            .AddBitrix24EventHandler<MessageAddEvent>((e, context, ct) => { Interlocked.Increment(ref handled); return Task.CompletedTask; }));
        var url = new Uri($"http://127.0.0.1:{port}/bitrix24/events");
        using var http = new HttpClient();
        string message = "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=7&data%5Bmessage%5D%5Bid%5D=1&auth%5Bmember_id%5D=" + portal.MemberId;

        // Before installation nothing of that portal is accepted.
        HttpResponseMessage before = await http.PostAsync(url, Form(message + "&auth%5Bapplication_token%5D=guess"));
        var install = await portal.InstallApplicationAsync(DemoPortal.Application, url);
        Bitrix24Installation? stored = await installations.FindAsync(portal.MemberId, default);
        string token = portal.GetApplicationToken(DemoPortal.Application);
        HttpResponseMessage after = await http.PostAsync(url, Form(message + "&auth%5Bapplication_token%5D=" + token));
        HttpResponseMessage forged = await http.PostAsync(url, Form(message + "&auth%5Bapplication_token%5D=" + token + "x"));
        var uninstall = await portal.UninstallApplicationAsync(DemoPortal.Application, handlerUrl: url);
        HttpResponseMessage gone = await http.PostAsync(url, Form(message + "&auth%5Bapplication_token%5D=" + token));

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(200, install.HttpStatus);
        Assert.NotNull(stored);
        Assert.Equal(token, stored.ApplicationToken);
        Assert.NotNull(stored.AccessToken);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (after.StatusCode, forged.StatusCode));
        Assert.Equal(200, uninstall.HttpStatus);
        Assert.Null(await installations.FindAsync(portal.MemberId, default));
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        Assert.Equal(1, handled);
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    internal static async Task<WebApplication> StartHostAsync(int port, EmulatedPortal portal, string? applicationToken, Action<IServiceCollection> handlers)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        if (applicationToken is null)
        {
            builder.Services.AddBitrix24(options =>
            {
                options.ClientId = DemoPortal.Application.ClientId;
                options.ClientSecret = DemoPortal.Application.ClientSecret;
                options.AccessToken = "unused";
                options.RefreshToken = "unused";
                options.ClientEndpoint = portal.WebhookUrl;
            });
        }
        else
        {
            builder.Services.AddBitrix24(options =>
            {
                options.WebhookUrl = portal.WebhookUrl;
                options.ApplicationToken = applicationToken;
            });
        }

        handlers(builder.Services);
        WebApplication app = builder.Build();
        app.MapBitrix24Events("/bitrix24/events");
        await app.StartAsync();
        return app;
    }

    /// <summary>Answers every customer message through the client the context gives (the configured one, for a webhook bot).</summary>
    private sealed class EchoHandler : IBitrix24EventHandler<MessageAddEvent>
    {
        public async Task HandleAsync(MessageAddEvent message, Bitrix24EventContext context, CancellationToken cancellationToken)
        {
            Assert.Equal(Bitrix24EventSource.Webhook, context.Source);
            string text = $"You wrote: {message.Message.Text} (chat {message.Chat?.EntityType}, user {message.User?.Id})";
            await context.Client.ImBot.V2.Chat.Message.SendAsync(message.Bot.Id, message.Chat!.DialogId!, BotHarness.BotToken,
                new ChatMessageSendFields { Message = text }, cancellationToken);
        }
    }
}
