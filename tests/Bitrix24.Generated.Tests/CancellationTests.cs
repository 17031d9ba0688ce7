using System.Diagnostics;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>The caller's token cancels a call promptly, as OperationCanceledException, never as a transport failure.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(30);

    // Generous: machines are shared. It only has to show the call did not wait for the portal's 30 s.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cancelling_a_slow_call_throws_OperationCanceledException_promptly()
    {
        var clock = new WaitWatchingClock();
        await using var portal = await StartSlowPortalAsync(clock);
        using var client = EmulatorClients.Webhook(portal);
        using var cts = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();

        Task<bool> call = client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId, cts.Token);

        // Cancel once the request is surely in flight, rather than guessing with a fixed delay.
        await clock.AnswerDelayed.WaitAsync(Prompt);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(stopwatch.Elapsed < Prompt, $"Cancellation took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task Cancellation_wins_over_a_long_RequestTimeout()
    {
        // With a timeout configured the transport links tokens; the caller's cancellation must not become Timeout.
        var clock = new WaitWatchingClock();
        await using var portal = await StartSlowPortalAsync(clock);
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5);
        using var client = new Bitrix24Client(options);
        using var cts = new CancellationTokenSource();

        Task<bool> call = client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId, clientId: DemoPortal.BotClientId, cancellationToken: cts.Token);
        await clock.AnswerDelayed.WaitAsync(Prompt);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Cancellation_is_honoured_without_a_RequestTimeout()
    {
        var clock = new WaitWatchingClock();
        await using var portal = await StartSlowPortalAsync(clock);
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
        options.RequestTimeout = Timeout.InfiniteTimeSpan;
        using var client = new Bitrix24Client(options);
        using var cts = new CancellationTokenSource();

        Task<bool> call = client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId, cts.Token);
        await clock.AnswerDelayed.WaitAsync(Prompt);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, cancellationToken: cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.ImOpenLines.Bot.Session.TransferWithResponseAsync(new() { ChatId = DemoPortal.ChatId, UserId = DemoPortal.FirstOperatorId }, cts.Token));

        Assert.Empty(portal.Requests.All);
    }

    /// <summary>A portal that holds its answer to the next call for <see cref="SlowAnswer"/>.</summary>
    private static async Task<EmulatedPortal> StartSlowPortalAsync(WaitWatchingClock clock)
    {
        EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Delay(SlowAnswer));
        return portal;
    }

    /// <summary>
    /// The system clock, telling when the portal starts to wait on it: a delayed answer waits only
    /// after the request has arrived and been recorded, so the call is then surely in flight.
    /// </summary>
    private sealed class WaitWatchingClock : TimeProvider
    {
        private readonly TaskCompletionSource _delayed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the portal starts holding an answer back.</summary>
        public Task AnswerDelayed => _delayed.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == SlowAnswer)
            {
                _delayed.TrySetResult();
            }

            return timer;
        }
    }
}
