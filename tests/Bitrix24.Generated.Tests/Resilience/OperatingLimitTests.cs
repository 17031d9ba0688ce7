using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// 429 OPERATION_TIME_LIMIT: the SDK waits until the portal's <c>operating_reset_at</c> instead of
/// hammering (or fails fast when told to), and only the blocked method waits.
/// </summary>
public sealed class OperatingLimitTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    private static EmulatedPortalOptions TightLimit(FakeTimeProvider clock) => new()
    {
        TimeProvider = clock,
        OperatingLimit = TimeSpan.FromSeconds(1),
        CallDuration = TimeSpan.FromMilliseconds(400),
    };

    /// <summary>Three sends of 0.4 s each: the third crosses the 1 s limit (and still completes), so the next is refused.</summary>
    private static async Task UseUpOperatingTimeAsync(Bitrix24Client client)
    {
        for (int i = 0; i < 3; i++)
        {
            await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }
    }

    [Fact]
    public async Task A_blocked_send_waits_for_the_reset_moment_and_then_goes_through_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(TightLimit(clock));
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.TotalTimeout = TimeSpan.FromMinutes(15);
        });
        await UseUpOperatingTimeAsync(client);

        TimeSpan waited = await ClockDriver.RunAsync(clock, (Task)client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "m3"), TimeSpan.FromSeconds(1));

        Assert.Equal([200, 200, 200, 429, 200], portal.Requests.For(Send).Select(r => r.Status));
        Assert.InRange(waited.TotalMinutes, 9.9, 10.2);
        Assert.Single(portal.State.GetChat(DemoPortal.ChatId).Transcript, m => m.Text == "m3");
    }

    [Fact]
    public async Task Other_methods_keep_flowing_while_one_is_blocked()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(TightLimit(clock));
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.WaitForOperatingLimit = false;
        });
        await UseUpOperatingTimeAsync(client);

        await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task Failing_fast_a_blocked_method_is_not_sent_again_until_the_reset()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(TightLimit(clock));
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.WaitForOperatingLimit = false;
        });
        await UseUpOperatingTimeAsync(client);

        var first = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
        var second = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, first.ErrorCode);
        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, second.ErrorCode);
        Assert.Contains("not sent", second.Description, StringComparison.Ordinal);
        Assert.Equal(4, portal.Requests.For(Send).Count);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task A_reset_moment_beyond_the_total_time_fails_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(TightLimit(clock));
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.Retry.TotalTimeout = TimeSpan.FromMinutes(1);
        });
        await UseUpOperatingTimeAsync(client);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, e.ErrorCode);
        Assert.Equal(4, portal.Requests.For(Send).Count);
    }
}
