using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary>
/// Every fault the emulator can play, against one send through the SDK: the exception the caller
/// gets, whether the message reached the chat, and that it was sent exactly once. Sends are not
/// idempotent, so the SDK never repeats one; the transcript shows whether the portal did the work.
/// </summary>
public sealed class FaultEndToEndTests
{
    private const string Send = "imopenlines.bot.session.message.send";
    private const string Text = "Your order has shipped.";

    [Fact]
    public async Task An_error_envelope_is_an_API_error_and_nothing_is_delivered()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error"), method: Send);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24ErrorCode.InternalServerError, e.ErrorCode);
        Assert.Equal(500, e.StatusCode);
        AssertSentOnce(portal, delivered: false);
    }

    [Fact]
    public async Task An_HTML_502_page_is_an_invalid_response_with_its_status_and_nothing_is_delivered()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.HtmlPage(502));

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, e.Failure);
        Assert.Equal(502, e.StatusCode);
        Assert.Contains("Bad Gateway", e.ResponseExcerpt, StringComparison.Ordinal);
        AssertSentOnce(portal, delivered: false);
    }

    [Fact]
    public async Task An_empty_body_is_an_invalid_response()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.EmptyBody());

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, e.Failure);
        AssertSentOnce(portal, delivered: false);
    }

    [Fact]
    public async Task A_truncated_body_is_an_invalid_response_although_the_message_was_delivered_once()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.TruncatedBody());

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, e.Failure);
        Assert.True(e.MayHaveReachedPortal);
        AssertSentOnce(portal, delivered: true);
    }

    [Fact]
    public async Task A_connection_dropped_before_processing_is_ConnectionLost_and_nothing_is_delivered()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.DropConnection());

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24TransportFailure.ConnectionLost, e.Failure);
        Assert.True(e.MayHaveReachedPortal);
        AssertSentOnce(portal, delivered: false);
    }

    [Fact]
    public async Task A_connection_dropped_after_processing_is_ConnectionLost_and_the_message_was_delivered_once()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.DropAfterProcessing());

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => SendAsync(portal));

        Assert.Equal(Bitrix24TransportFailure.ConnectionLost, e.Failure);
        Assert.True(e.MayHaveReachedPortal);
        AssertSentOnce(portal, delivered: true);
    }

    [Fact]
    public async Task A_slow_answer_past_RequestTimeout_is_a_Timeout()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));
        var options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        using var client = new Bitrix24Client(options);

        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() =>
            client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, Text));

        Assert.Equal(Bitrix24TransportFailure.Timeout, e.Failure);
        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task A_slow_answer_within_RequestTimeout_succeeds()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromMilliseconds(200)));

        Assert.True(await SendAsync(portal));

        AssertSentOnce(portal, delivered: true);
    }

    [Fact]
    public async Task A_fault_for_another_method_leaves_the_send_alone()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.HtmlPage(), method: "imopenlines.bot.session.finish");

        Assert.True(await SendAsync(portal));

        AssertSentOnce(portal, delivered: true);
        Assert.Equal(1, portal.Faults.Pending);
    }

    private static async Task<bool> SendAsync(EmulatedPortal portal)
    {
        using var client = EmulatorClients.Webhook(portal);
        return await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, Text);
    }

    private static void AssertSentOnce(EmulatedPortal portal, bool delivered)
    {
        Assert.Single(portal.Requests.For(Send));
        int copies = portal.State.GetChat(DemoPortal.ChatId).Transcript.Count(m => m.Text == Text);
        Assert.Equal(delivered ? 1 : 0, copies);
    }
}
