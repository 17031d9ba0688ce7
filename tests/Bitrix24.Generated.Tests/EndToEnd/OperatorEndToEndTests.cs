using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary><c>imopenlines.bot.session.operator</c> through the SDK: the dialog goes from the bot to a free operator.</summary>
public sealed class OperatorEndToEndTests
{
    [Fact]
    public async Task Hands_the_dialog_to_the_first_free_operator_of_the_line()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        bool ok = await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.True(ok);
        ChatSnapshot chat = portal.State.GetChat(DemoPortal.ChatId);
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), chat.Owner);
        Assert.Equal(SessionStatus.Active, chat.Status);
    }

    [Fact]
    public async Task A_second_call_once_a_human_owns_the_dialog_is_WRONG_CHAT()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.WrongChat, e.ErrorCode);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }
}
