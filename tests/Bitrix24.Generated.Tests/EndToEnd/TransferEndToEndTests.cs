using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary><c>imopenlines.bot.session.transfer</c> through the SDK: targets, LEAVE, and the bot lookup on webhooks and OAuth.</summary>
public sealed class TransferEndToEndTests
{
    [Fact]
    public async Task To_a_queue_by_QUEUE_ID_with_LEAVE_removes_the_bot()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        bool ok = await client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, queueId: DemoPortal.LineId, leave: true, clientId: DemoPortal.BotClientId);

        Assert.True(ok);
        ChatSnapshot chat = portal.State.GetChat(DemoPortal.ChatId);
        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), chat.Owner);
        Assert.False(chat.BotIsMember);
    }

    [Fact]
    public async Task To_an_operator_by_USER_ID_without_LEAVE_keeps_the_bot_until_confirmed()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, userId: DemoPortal.SecondOperatorId, clientId: DemoPortal.BotClientId);

        ChatSnapshot chat = portal.State.GetChat(DemoPortal.ChatId);
        Assert.Equal(SessionOwner.Operator(DemoPortal.SecondOperatorId), chat.Owner);
        Assert.True(chat.BotIsMember);
        portal.State.ConfirmTransfer(DemoPortal.ChatId);
        Assert.False(portal.State.GetChat(DemoPortal.ChatId).BotIsMember);
    }

    [Theory]
    [InlineData("queue1", SessionOwnerKind.Queue, DemoPortal.LineId)]
    [InlineData("4", SessionOwnerKind.Operator, DemoPortal.SecondOperatorId)]
    public async Task TRANSFER_ID_takes_a_user_id_or_queue_ID(string transferId, SessionOwnerKind kind, int id)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, transferId: transferId, clientId: DemoPortal.BotClientId);

        Assert.Equal(new SessionOwner(kind, id), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }

    [Fact]
    public async Task An_inactive_operator_is_OPERATOR_WRONG_and_nothing_changes()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() =>
            client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, userId: DemoPortal.InactiveOperatorId, clientId: DemoPortal.BotClientId));

        Assert.Equal(Bitrix24ErrorCode.OperatorWrong, e.ErrorCode);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }

    [Fact]
    public async Task No_target_is_TRANSFER_ID_EMPTY()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() =>
            client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, clientId: DemoPortal.BotClientId));

        Assert.Equal(Bitrix24ErrorCode.TransferIdEmpty, e.ErrorCode);
    }

    [Fact]
    public async Task A_webhook_call_without_CLIENT_ID_is_BOT_ID_ERROR()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() =>
            client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, queueId: DemoPortal.LineId));

        Assert.Equal(Bitrix24ErrorCode.BotIdError, e.ErrorCode);
    }

    [Fact]
    public async Task An_OAuth_call_finds_the_app_bot_without_CLIENT_ID()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.OAuth(portal);

        bool ok = await client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, queueId: DemoPortal.LineId);

        Assert.True(ok);
        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }
}
