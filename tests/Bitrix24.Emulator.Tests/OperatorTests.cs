using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary><c>imopenlines.bot.session.operator</c> (FACTS §1.2).</summary>
public sealed class OperatorTests
{
    private static JsonObject Chat112 => new() { ["CHAT_ID"] = DemoPortal.ChatId };

    [Fact]
    public async Task It_hands_the_dialog_to_the_first_active_operator_and_the_bot_leaves()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator, Chat112);

        response.AssertTrue();
        ChatSnapshot chat = portal.Chat;
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), chat.Owner);
        Assert.False(chat.BotIsMember);
        Assert.Equal(SessionStatus.Active, chat.Status);
        TranscriptMessage notice = chat.Transcript[^1];
        Assert.True(notice.IsSystem);
        Assert.Equal(DemoPortal.BotId, notice.AuthorId);
        Assert.Contains("Oliver Operator", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_call_is_400_WRONG_CHAT_because_an_operator_has_the_dialog()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Operator, Chat112)).AssertTrue();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator, Chat112);

        response.AssertError(400, "WRONG_CHAT");
        Assert.Equal("Operator is not a bot", response.ErrorDescription);
        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), portal.Chat.Owner);
    }

    [Fact]
    public async Task An_inactive_first_operator_is_skipped()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.UpdateUser(new PortalUser(DemoPortal.FirstOperatorId, "Oliver Operator", IsActive: false)));

        (await portal.CallAsync(BotMethods.Operator, Chat112)).AssertTrue();

        Assert.Equal(SessionOwner.Operator(DemoPortal.SecondOperatorId), portal.Chat.Owner);
    }

    [Fact]
    public async Task When_every_queue_operator_is_inactive_the_dialog_waits_in_the_queue()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
        {
            state.UpdateUser(new PortalUser(DemoPortal.FirstOperatorId, "Oliver Operator", IsActive: false));
            state.UpdateUser(new PortalUser(DemoPortal.SecondOperatorId, "Olga Operator", IsActive: false));
        });

        (await portal.CallAsync(BotMethods.Operator, Chat112)).AssertTrue();

        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), portal.Chat.Owner);
        Assert.False(portal.Chat.BotIsMember);
        Assert.Contains("Demo Support", portal.Chat.Transcript[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_CHAT_ID_is_400_CHAT_ID_EMPTY()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator);

        response.AssertError(400, "CHAT_ID_EMPTY");
    }

    [Fact]
    public async Task An_unknown_chat_is_400_WRONG_CHAT()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 999 });

        response.AssertError(400, "WRONG_CHAT");
    }

    [Fact]
    public async Task A_finished_dialog_is_400_WRONG_CHAT()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = DemoPortal.BotClientId })).AssertTrue();

        ApiResponse response = await portal.CallAsync(BotMethods.Operator, Chat112);

        response.AssertError(400, "WRONG_CHAT");
    }

    [Fact]
    public async Task It_needs_no_CLIENT_ID_and_works_with_OAuth_too()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        (await portal.CallOAuthAsync(BotMethods.Operator, tokens.AccessToken, Chat112)).AssertTrue();

        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), portal.Chat.Owner);
    }
}
