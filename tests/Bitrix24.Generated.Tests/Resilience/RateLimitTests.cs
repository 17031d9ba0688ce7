using System.Threading.RateLimiting;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// Client-side pacing against the emulator's real leaky bucket, both on one fake clock: the SDK's
/// token bucket keeps requests under the portal's limit, so no 503 reaches the caller (and, if one
/// slips through, it is repeated: the portal refused before running anything).
/// </summary>
public sealed class RateLimitTests(ITestOutputHelper output)
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task A_burst_of_500_sends_through_the_limiter_surfaces_no_503_and_every_message_arrives_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, RateLimit = EmulatedRateLimit.Standard });
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.TotalTimeout = TimeSpan.FromMinutes(10);
        });

        Task<bool[]> sends = Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "message " + i)));
        TimeSpan took = await ClockDriver.RunAsync(clock, (Task)sends, TimeSpan.FromMilliseconds(250));

        Assert.All(await sends, Assert.True);

        // The client paces by when it sends, the portal counts by when requests arrive; requests held up
        // on the way arrive bunched (here exaggerated: the fake clock races ahead of real latency). The
        // few the portal refuses are repeated, since it refused them before running anything.
        int refused = portal.Requests.For(Send).Count(r => r.Status == 503);
        output.WriteLine($"500 sends: {portal.Requests.For(Send).Count} HTTP calls, {refused} refused by the portal and repeated, {took.TotalSeconds:0.0} s of portal time (minimum 225 s).");
        Assert.InRange(refused, 0, 25);
        Assert.Equal(500, portal.Requests.For(Send).Count(r => r.Status == 200));
        IReadOnlyList<TranscriptMessage> transcript = portal.State.GetChat(DemoPortal.ChatId).Transcript;
        Assert.Equal(500, transcript.Select(m => m.Text).Where(t => t.StartsWith("message ", StringComparison.Ordinal)).Distinct().Count());

        // 50 at once, then 2 a second: 225 s is the theoretical minimum for 500.
        Assert.InRange(took.TotalSeconds, 224, 300);
    }

    [Fact]
    public async Task Two_clients_of_one_portal_draw_from_one_bucket()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var webhook = EmulatorClients.Webhook(portal, o => o.TimeProvider = clock);
        using var oauth = EmulatorClients.OAuth(portal, o => o.TimeProvider = clock);
        DateTimeOffset start = clock.GetUtcNow();

        Task<bool[]> sends = Task.WhenAll(Enumerable.Range(0, 120).Select(i => i % 2 == 0
            ? webhook.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId)
            : oauth.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId)));
        await ClockDriver.RunAsync(clock, sends);

        Assert.All(await sends, Assert.True);
        Assert.Equal(120, portal.Requests.All.Count(r => r.Status == 200));

        // One bucket for both: 70 beyond the burst at 2 a second is 35 s. Two buckets would take 10 s.
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task Without_client_pacing_the_portal_refuses_and_the_SDK_repeats_the_refused_calls()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = Bitrix24RateLimit.Off;
            o.Retry.MaxAttempts = 20;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        });

        Task<bool[]> sends = Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "m" + i)));
        await ClockDriver.RunAsync(clock, sends);

        Assert.True(portal.Requests.For(Send).Count(r => r.Status == 503) >= 10);
        Assert.Equal(60, portal.State.GetChat(DemoPortal.ChatId).Transcript.Count(m => m.Text.StartsWith('m')));
    }

    [Fact]
    public async Task A_RateLimiter_of_your_own_replaces_the_shared_bucket()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var own = new CountingLimiter();
        using var client = EmulatorClients.Webhook(portal, o => o.RateLimit = Bitrix24RateLimit.Use(own));

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Equal(2, own.Permits);
    }

    [Fact]
    public async Task A_limiter_that_never_gives_a_permit_fails_within_the_total_time_without_sending()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync();
        using var closed = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10 });
        using RateLimitLease held = closed.AttemptAcquire();
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = Bitrix24RateLimit.Use(closed);
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(30);
        });

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId)));

        Assert.Equal(Bitrix24TransportFailure.RateLimited, e.Failure);
        Assert.False(e.MayHaveReachedPortal);
        Assert.Empty(portal.Requests.All);
    }

    [Theory]
    [InlineData(Bitrix24Plan.Standard, 2, 50)]
    [InlineData(Bitrix24Plan.Enterprise, 5, 250)]
    public void Plans_have_the_documented_pace(Bitrix24Plan plan, double perSecond, int burst)
    {
        Bitrix24RateLimit rate = Bitrix24RateLimit.For(plan);

        Assert.Equal(perSecond, rate.RequestsPerSecond);
        Assert.Equal(burst, rate.Burst);
        Assert.True(rate.IsEnabled);
    }

    [Fact]
    public void Pacing_is_on_by_default_at_the_standard_plan()
    {
        Assert.Same(Bitrix24RateLimit.Standard, Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/abc123xyz/").RateLimit);
    }

    [Fact]
    public void Invalid_custom_paces_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bitrix24RateLimit.Custom(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bitrix24RateLimit.Custom(double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bitrix24RateLimit.Custom(1, 0));
        Assert.False(Bitrix24RateLimit.Off.IsEnabled);
    }

    /// <summary>A limiter that always grants and counts the permits asked for.</summary>
    private sealed class CountingLimiter : RateLimiter
    {
        private int _permits;

        public int Permits => _permits;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Add(ref _permits, permitCount);
            return Granted.Instance;
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        private sealed class Granted : RateLimitLease
        {
            public static readonly Granted Instance = new();

            public override bool IsAcquired => true;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
