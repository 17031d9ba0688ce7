using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>The retry options: attempts, the opt-out, the total time, cancellation, and requests that never left.</summary>
public sealed class RetryTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task Against_a_portal_that_answers_503_three_times_one_send_succeeds_with_four_HTTP_calls()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 3, method: Send);
        using var client = EmulatorClients.Webhook(portal, o => o.TimeProvider = clock);

        bool ok = await ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "once"));

        Assert.True(ok);
        Assert.Equal([503, 503, 503, 200], portal.Requests.For(Send).Select(r => r.Status));
        Assert.Single(portal.State.GetChat(DemoPortal.ChatId).Transcript, m => m.Text == "once");
    }

    [Fact]
    public async Task Against_a_portal_that_answers_500_a_send_is_made_exactly_once_and_fails_clearly()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error"), times: 5, method: Send);
        using var client = EmulatorClients.Webhook(portal, o => o.TimeProvider = clock);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() =>
            ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "once")));

        Assert.Equal(Bitrix24ErrorCode.InternalServerError, e.ErrorCode);
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(Bitrix24RetryClass.IfIdempotent, e.RetryClass);
        Assert.Single(portal.Requests.For(Send));
    }

    [Fact]
    public async Task With_retries_off_the_first_503_surfaces()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), method: Send);
        using var client = EmulatorClients.Webhook(portal, o => o.Retry.Enabled = false);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.QueryLimitExceeded, e.ErrorCode);
        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task MaxAttempts_bounds_the_HTTP_calls()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 10, method: Send);
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.MaxAttempts = 2;
        });

        await Assert.ThrowsAsync<Bitrix24ApiException>(() => ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId)));

        Assert.Equal(2, portal.Requests.All.Count);
    }

    [Fact]
    public async Task A_back_off_that_would_end_after_TotalTimeout_is_not_started()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 10, method: Send);
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.BaseDelay = TimeSpan.FromMinutes(2);
            o.Retry.MaxDelay = TimeSpan.FromMinutes(2);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(30);
        });

        await Assert.ThrowsAsync<Bitrix24ApiException>(() => ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId)));

        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task Cancelling_during_a_back_off_stops_at_once()
    {
        var clock = new WaitWatchingClock();
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 10, method: Send);
        using var client = EmulatorClients.Webhook(portal, o => o.TimeProvider = clock);
        using var cts = new CancellationTokenSource();

        // The fake clock never moves, so the call sits in its first back-off until cancelled.
        Task<bool> call = client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, cancellationToken: cts.Token);
        await clock.WaitStarted.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task A_refused_connection_never_left_so_even_a_send_is_tried_again()
    {
        var counter = new CountingHandler();
        var options = Bitrix24ClientOptions.Webhook($"{ClosedPort.BaseUrl()}/rest/1/abc123xyz/");
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        options.RateLimit = Bitrix24RateLimit.Off;
        using var http = new HttpClient(counter);
        using var client = new Bitrix24Client(options, http);

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.ConnectionFailed, e.Failure);
        Assert.False(e.MayHaveReachedPortal);
        Assert.Equal(options.Retry.MaxAttempts, counter.Sends);
    }

    /// <summary>A frozen clock that tells when something starts waiting on it (a one-off timer with a due time).</summary>
    private sealed class WaitWatchingClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
    {
        private readonly TaskCompletionSource _waitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WaitStarted => _waitStarted.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                _waitStarted.TrySetResult();
            }

            return timer;
        }
    }

    /// <summary>Counts the requests handed to the network.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sends;

        public int Sends => _sends;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
