using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary><c>imopenlines.bot.session.finish</c> through the SDK: the session closes.</summary>
public sealed class FinishEndToEndTests
{
    [Fact]
    public async Task Closes_the_session_and_says_so_in_the_chat()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        bool ok = await client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId, clientId: DemoPortal.BotClientId);

        Assert.True(ok);
        ChatSnapshot chat = portal.State.GetChat(DemoPortal.ChatId);
        Assert.Equal(SessionStatus.Closed, chat.Status);
        Assert.True(chat.Transcript[^1].IsSystem);
    }

    [Fact]
    public async Task Finishing_again_is_still_true()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.OAuth(portal);

        Assert.True(await client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId));
        Assert.True(await client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId));
        Assert.Equal(SessionStatus.Closed, portal.State.GetChat(DemoPortal.ChatId).Status);
    }

    [Fact]
    public async Task A_webhook_call_without_CLIENT_ID_is_BOT_ID_ERROR_and_the_session_stays_open()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.BotIdError, e.ErrorCode);
        Assert.Equal(SessionStatus.Active, portal.State.GetChat(DemoPortal.ChatId).Status);
    }
}
