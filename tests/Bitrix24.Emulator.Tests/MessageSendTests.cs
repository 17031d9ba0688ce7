using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary><c>imopenlines.bot.session.message.send</c> (FACTS §1.1).</summary>
public sealed class MessageSendTests
{
    [Fact]
    public async Task WELCOME_posts_the_line_greeting_and_ignores_MESSAGE()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "WELCOME", ["MESSAGE"] = "ignored" });

        response.AssertTrue();
        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal(2, portal.Chat.Transcript.Count);
        Assert.Equal(DemoPortal.Greeting, posted.Text);
        Assert.Equal(DemoPortal.BotId, posted.AuthorId);
        Assert.True(posted.IsSystem);
    }

    [Fact]
    public async Task DEFAULT_posts_MESSAGE_as_a_system_message_of_the_bot()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "Your order ships tomorrow." });

        response.AssertTrue();
        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal("Your order ships tomorrow.", posted.Text);
        Assert.Equal(DemoPortal.BotId, posted.AuthorId);
        Assert.Equal("Support Bot", posted.AuthorName);
        Assert.True(posted.IsSystem);
        Assert.Equal(TestClock.Epoch, posted.Time);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task DEFAULT_with_an_empty_MESSAGE_posts_nothing_but_returns_true(string? message)
    {
        await using var portal = await TestPortal.StartAsync();
        var parameters = new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT" };
        if (message is not null)
        {
            parameters["MESSAGE"] = message;
        }

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, parameters);

        response.AssertTrue();
        Assert.Single(portal.Chat.Transcript);
    }

    [Theory]
    [InlineData("OTHER")]
    [InlineData("welcome")]
    [InlineData("default")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_NAME_other_than_WELCOME_or_DEFAULT_returns_true_and_posts_nothing(string? name)
    {
        await using var portal = await TestPortal.StartAsync();
        var parameters = new JsonObject { ["CHAT_ID"] = 112, ["MESSAGE"] = "not sent" };
        if (name is not null)
        {
            parameters["NAME"] = name;
        }

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, parameters);

        response.AssertTrue();
        Assert.Single(portal.Chat.Transcript);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task A_missing_or_zero_CHAT_ID_is_400_CHAT_ID_EMPTY(int? chatId)
    {
        await using var portal = await TestPortal.StartAsync();
        var parameters = new JsonObject { ["NAME"] = "DEFAULT", ["MESSAGE"] = "x" };
        if (chatId is not null)
        {
            parameters["CHAT_ID"] = chatId;
        }

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, parameters);

        response.AssertError(400, "CHAT_ID_EMPTY");
        Assert.Equal("Chat ID can't be empty", response.ErrorDescription);
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task An_unknown_chat_returns_true_because_the_result_does_not_confirm_a_message()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 999, ["NAME"] = "DEFAULT", ["MESSAGE"] = "nowhere" });

        response.AssertTrue();
        Assert.Null(portal.Portal.State.FindChat(999));
    }

    [Fact]
    public async Task It_works_with_an_OAuth_token()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.CallOAuthAsync(BotMethods.MessageSend, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "via OAuth" });

        response.AssertTrue();
        Assert.Equal("via OAuth", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task It_needs_no_CLIENT_ID_on_a_webhook()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "WELCOME" });

        response.AssertTrue();
    }

    [Fact]
    public async Task The_session_owner_does_not_change()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "x" });

        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
        Assert.Equal(SessionStatus.Active, portal.Chat.Status);
    }

    [Fact]
    public async Task Messages_are_posted_in_call_order_with_increasing_ids()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "one" });
        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "two" });

        Assert.Equal(["Hi! I have a question about my order.", "one", "two"], portal.Chat.Transcript.Select(m => m.Text));
        Assert.True(portal.Chat.Transcript.Select(m => m.Id).SequenceEqual(portal.Chat.Transcript.Select(m => m.Id).Order()));
    }
}
