using System.Collections.Concurrent;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Bitrix24.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Events.Tests;

/// <summary>
/// Fetch mode end to end: a hosted poller fetches the bot's events from the emulated portal with
/// <c>imbot.v2.Event.get</c>, runs the typed handlers, and moves the offset only past handled events.
/// </summary>
public sealed class PollingEndToEndTests
{
    [Fact]
    public async Task A_customer_message_reaches_the_typed_handler_whose_reply_appears_in_the_transcript()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int botId = await BotHarness.RegisterAndConnectAsync(portal, webhookUrl: null);
        using IHost host = await StartPollerAsync(portal, botId, new InMemoryBitrix24EventOffsetStore(), services => services
            .AddBitrix24EventHandler<MessageAddEvent>(async (message, context, ct) =>
            {
                Assert.Equal(Bitrix24EventSource.Poll, context.Source);
                Assert.NotNull(context.EventId);
                await context.Client.ImBot.V2.Chat.Message.SendAsync(message.Bot.Id, message.Chat!.DialogId!, BotHarness.BotToken,
                    new ChatMessageSendFields { Message = "Polled: " + message.Message.Text }, ct);
            }));

        portal.PostCustomerMessage(DemoPortal.ChatId, "Hello from the customer");

        await Eventually.WaitUntilAsync(() => BotHarness.RepliesOf(portal, botId).Count == 1, "the bot's reply");
        Assert.Equal(["Polled: Hello from the customer"], BotHarness.RepliesOf(portal, botId));
        await host.StopAsync();
    }

    [Fact]
    public async Task Events_survive_a_failing_handler_and_a_restart_with_none_lost_and_none_handled_twice()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int botId = await BotHarness.RegisterAndConnectAsync(portal, webhookUrl: null);
        string folder = Path.Combine(Path.GetTempPath(), "b24-offsets-" + Guid.NewGuid().ToString("N"));
        var handled = new ConcurrentQueue<string>();
        int failures = 0;
        Func<MessageAddEvent, Bitrix24EventContext, CancellationToken, Task> record = (message, context, ct) =>
        {
            // The second message fails twice before it is handled: it must come again, and nothing after it may pass it.
            if (message.Message.Text == "two" && Interlocked.Increment(ref failures) <= 2)
            {
                throw new InvalidOperationException("a handler failing on purpose");
            }

            handled.Enqueue(message.Message.Text!);
            return Task.CompletedTask;
        };

        try
        {
            foreach (string text in new[] { "one", "two", "three" })
            {
                portal.PostCustomerMessage(DemoPortal.ChatId, text);
            }

            using (IHost first = await StartPollerAsync(portal, botId, new FileBitrix24EventOffsetStore(folder), s => s.AddBitrix24EventHandler(record)))
            {
                await Eventually.WaitUntilAsync(() => handled.Count == 3, "the first three messages");
                await first.StopAsync();
            }

            Assert.Equal(["one", "two", "three"], handled);
            Assert.Equal(3, failures);

            // A new process (a new host and store over the same folder) goes on where the first stopped.
            portal.PostCustomerMessage(DemoPortal.ChatId, "four");
            portal.PostCustomerMessage(DemoPortal.ChatId, "five");
            using (IHost second = await StartPollerAsync(portal, botId, new FileBitrix24EventOffsetStore(folder), s => s.AddBitrix24EventHandler(record)))
            {
                await Eventually.WaitUntilAsync(() => handled.Count == 5, "the two later messages");
                await Task.Delay(300); // two more polls: nothing else may come
                await second.StopAsync();
            }

            Assert.Equal(["one", "two", "three", "four", "five"], handled);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_is_given_up_after_the_configured_attempts_and_the_next_event_goes_on()
    {
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync();
        int botId = await BotHarness.RegisterAndConnectAsync(portal, webhookUrl: null);
        var handled = new ConcurrentQueue<string>();
        int attempts = 0;
        using IHost host = await StartPollerAsync(portal, botId, new InMemoryBitrix24EventOffsetStore(), services => services
            .AddBitrix24EventHandler<MessageAddEvent>((message, context, ct) =>
            {
                if (message.Message.Text == "poison")
                {
                    Interlocked.Increment(ref attempts);
                    throw new InvalidOperationException("always fails");
                }

                handled.Enqueue(message.Message.Text!);
                return Task.CompletedTask;
            }));

        portal.PostCustomerMessage(DemoPortal.ChatId, "poison");
        portal.PostCustomerMessage(DemoPortal.ChatId, "after");

        await Eventually.WaitUntilAsync(() => handled.Count == 1, "the event after the poisoned one");
        Assert.Equal(3, attempts);
        Assert.Equal(["after"], handled);
        await host.StopAsync();
    }

    private static async Task<IHost> StartPollerAsync(EmulatedPortal portal, int botId, IBitrix24EventOffsetStore offsets, Action<IServiceCollection> handlers)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(offsets);
        builder.Services.AddBitrix24(options => options.WebhookUrl = portal.WebhookUrl);
        builder.Services.AddBitrix24EventPolling(polling =>
        {
            polling.Bots.Add(new Bitrix24PolledBot(botId, BotHarness.BotToken));
            polling.IdleDelay = TimeSpan.FromMilliseconds(100);
            polling.HandlerRetryDelay = TimeSpan.FromMilliseconds(50);
            polling.MaxHandlerAttempts = 3;
        });
        handlers(builder.Services);
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
