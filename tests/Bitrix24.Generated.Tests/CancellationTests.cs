using System.Diagnostics;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>The caller's token cancels a call promptly, as OperationCanceledException, never as a transport failure.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan ServerDelay = TimeSpan.FromSeconds(30);

    // Generous: machines are shared. It only has to show the call did not wait for the server's 30 s.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cancelling_a_slow_call_throws_OperationCanceledException_promptly()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Delay(ServerDelay, Reply.Json(Bodies.True)));
        using var client = TestPortal.WebhookClient(server);
        using var cts = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        Task<bool> call = client.ImOpenLines.Bot.Session.OperatorAsync(112, cts.Token);

        // Cancel once the request is surely in flight, rather than guessing with a fixed delay.
        await server.FirstRequest.WaitAsync(Prompt);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(clock.Elapsed < Prompt, $"Cancellation took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Cancellation_wins_over_a_long_RequestTimeout()
    {
        // With a timeout configured the transport links tokens; the caller's cancellation must not become Timeout.
        await using var server = await LoopbackServer.StartAsync(Reply.Delay(ServerDelay, Reply.Json(Bodies.True)));
        Bitrix24ClientOptions options = TestPortal.WebhookOptions(server.BaseUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5);
        using var client = new Bitrix24Client(options);
        using var cts = new CancellationTokenSource();

        Task<bool> call = client.ImOpenLines.Bot.Session.FinishAsync(112, cancellationToken: cts.Token);
        await server.FirstRequest.WaitAsync(Prompt);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Cancellation_is_honoured_without_a_RequestTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Delay(ServerDelay, Reply.Json(Bodies.True)));
        Bitrix24ClientOptions options = TestPortal.WebhookOptions(server.BaseUrl);
        options.RequestTimeout = Timeout.InfiniteTimeSpan;
        using var client = new Bitrix24Client(options);
        using var cts = new CancellationTokenSource();

        Task<bool> call = client.ImOpenLines.Bot.Session.OperatorAsync(112, cts.Token);
        await server.FirstRequest.WaitAsync(Prompt);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(112, cancellationToken: cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.ImOpenLines.Bot.Session.TransferWithResponseAsync(new() { ChatId = 112, UserId = 7 }, cts.Token));

        Assert.Empty(server.Requests);
    }
}
