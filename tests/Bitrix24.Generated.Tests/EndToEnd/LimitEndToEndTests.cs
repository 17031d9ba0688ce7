using Bitrix24.Emulator;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary>
/// The portal's limits as one HTTP exchange each, with the SDK's pacing and retries off: 503
/// QUERY_LIMIT_EXCEEDED past the bucket, 429 OPERATION_TIME_LIMIT past the operating time, each with
/// the retry class that tells a caller what is safe. (How the SDK keeps them away from callers is in
/// the Resilience tests.)
/// </summary>
public sealed class LimitEndToEndTests
{
    [Fact]
    public async Task A_burst_of_60_quick_sends_gets_503s_after_50_and_none_of_those_is_delivered()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var client = EmulatorClients.Webhook(portal, EmulatorClients.SingleAttempt);
        int before = portal.State.GetChat(DemoPortal.ChatId).Transcript.Count;

        var outcomes = new List<string>();
        for (int i = 0; i < 60; i++)
        {
            try
            {
                await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "message " + i);
                outcomes.Add("ok");
            }
            catch (Bitrix24ApiException e)
            {
                Assert.Equal(Bitrix24ErrorCode.QueryLimitExceeded, e.ErrorCode);
                Assert.Equal(503, e.StatusCode);
                Assert.Equal(Bitrix24RetryClass.AfterDelay, e.RetryClass);
                outcomes.Add("503");
            }
        }

        Assert.Equal(Enumerable.Repeat("ok", 50).Concat(Enumerable.Repeat("503", 10)), outcomes);
        IReadOnlyList<TranscriptMessage> transcript = portal.State.GetChat(DemoPortal.ChatId).Transcript;
        Assert.Equal(before + 50, transcript.Count);
        Assert.Equal("message 49", transcript[^1].Text);
    }

    [Fact]
    public async Task The_bucket_drains_two_requests_a_second()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, RateLimit = EmulatedRateLimit.Standard });
        using var client = EmulatorClients.Webhook(portal, EmulatorClients.SingleAttempt);
        for (int i = 0; i < 50; i++)
        {
            await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId);
        await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task Past_the_operating_limit_the_method_is_OPERATION_TIME_LIMIT_with_429_and_others_still_work()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions
        {
            TimeProvider = clock,
            OperatingLimit = TimeSpan.FromSeconds(1),
            CallDuration = TimeSpan.FromMilliseconds(400),
        });
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            EmulatorClients.SingleAttempt(o);
            o.TimeProvider = clock;
        });

        // 0.4 + 0.4 + 0.4 = 1.2 s: the third call crosses the limit and still completes.
        Bitrix24Response<bool> last = null!;
        for (int i = 0; i < 3; i++)
        {
            last = await client.ImOpenLines.Bot.Session.Message.SendWithResponseAsync(new ImOpenLinesBotSessionMessageSendRequest { ChatId = DemoPortal.ChatId });
        }

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, e.ErrorCode);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(1.2, last.Time.Operating!.Value.TotalSeconds, precision: 3);
        Assert.Equal(clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), last.Time.OperatingResetAt!.Value.ToUnixTimeSeconds());
        Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
    }
}
