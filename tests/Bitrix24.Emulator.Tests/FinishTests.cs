using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary><c>imopenlines.bot.session.finish</c> (FACTS §1.4).</summary>
public sealed class FinishTests
{
    private static JsonObject Finish112 => new() { ["CHAT_ID"] = DemoPortal.ChatId, ["CLIENT_ID"] = DemoPortal.BotClientId };

    [Fact]
    public async Task It_closes_the_session_which_the_bot_then_owns_and_posts_a_notice()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Finish, Finish112)).AssertTrue();

        ChatSnapshot chat = portal.Chat;
        Assert.Equal(SessionStatus.Closed, chat.Status);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), chat.Owner);
        Assert.Equal(2, chat.Transcript.Count);
        Assert.True(chat.Transcript[^1].IsSystem);
        Assert.Equal(DemoPortal.BotId, chat.Transcript[^1].AuthorId);
    }

    [Fact]
    public async Task The_bot_answers_a_dialog_an_operator_holds_before_closing_it()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 112 })).AssertTrue();

        (await portal.CallAsync(BotMethods.Finish, Finish112)).AssertTrue();

        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
        Assert.Equal(SessionStatus.Closed, portal.Chat.Status);
    }

    [Fact]
    public async Task An_already_closed_dialog_returns_true_and_posts_nothing_more()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Finish, Finish112)).AssertTrue();
        int messages = portal.Chat.Transcript.Count;

        (await portal.CallAsync(BotMethods.Finish, Finish112)).AssertTrue();

        Assert.Equal(messages, portal.Chat.Transcript.Count);
        Assert.Equal(SessionStatus.Closed, portal.Chat.Status);
    }

    [Fact]
    public async Task An_unknown_chat_returns_true()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 999, ["CLIENT_ID"] = DemoPortal.BotClientId });

        response.AssertTrue();
    }

    [Fact]
    public async Task A_webhook_call_without_CLIENT_ID_is_400_BOT_ID_ERROR()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112 });

        response.AssertError(400, "BOT_ID_ERROR");
        Assert.Equal(SessionStatus.Active, portal.Chat.Status);
    }

    [Fact]
    public async Task A_webhook_call_with_a_wrong_CLIENT_ID_is_400_BOT_ID_ERROR()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = "someone-else" });

        response.AssertError(400, "BOT_ID_ERROR");
    }

    [Fact]
    public async Task A_lower_case_client_id_is_upper_cased_and_finds_the_bot()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Finish, new JsonObject { ["chat_id"] = 112, ["client_id"] = DemoPortal.BotClientId });

        response.AssertTrue();
        Assert.Equal(SessionStatus.Closed, portal.Chat.Status);
    }

    [Fact]
    public async Task An_OAuth_call_finds_the_bot_by_its_application_without_CLIENT_ID()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        (await portal.CallOAuthAsync(BotMethods.Finish, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112 })).AssertTrue();

        Assert.Equal(SessionStatus.Closed, portal.Chat.Status);
    }

    [Fact]
    public async Task CHAT_ID_is_checked_before_the_bot()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Finish);

        response.AssertError(400, "CHAT_ID_EMPTY");
    }
}
