using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary>The README's "Testing your bot against the emulator" example, kept compiling and true.</summary>
public sealed class ReadmeEmulatorExampleTests
{
    [Fact]
    public async Task The_README_example_runs_as_written()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl));

        await client.ImOpenLines.Bot.Session.TransferAsync(chatId: 112, queueId: 1, leave: true, clientId: DemoPortal.BotClientId);

        ChatSnapshot chat = portal.State.GetChat(112);
        Assert.Equal(SessionOwner.Queue(1), chat.Owner);
        Assert.Single(portal.Requests.For("imopenlines.bot.session.transfer"));

        portal.Faults.Enqueue(EmulatedFault.HtmlPage(502));
        portal.Faults.Enqueue(EmulatedFault.DropAfterProcessing(), method: "imopenlines.bot.session.message.send");

        var page = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(112));
        Assert.Equal(502, page.StatusCode);
        var dropped = await Assert.ThrowsAsync<Bitrix24TransportException>(() =>
            client.ImOpenLines.Bot.Session.Message.SendAsync(112, AutoMessageType.Default, "delivered, but the answer was lost"));
        Assert.Equal(Bitrix24TransportFailure.ConnectionLost, dropped.Failure);
        Assert.Equal("delivered, but the answer was lost", portal.State.GetChat(112).Transcript[^1].Text);
    }
}
