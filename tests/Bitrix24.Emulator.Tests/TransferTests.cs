using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>imopenlines.bot.session.transfer</c> (FACTS §1.3): the targets, the real precedence, LEAVE, the
/// errors, how the bot is found, and the order of the checks.
/// </summary>
public sealed class TransferTests
{
    /// <summary>CHAT_ID 112 and the bot's CLIENT_ID (needed on a webhook) plus <paramref name="target"/>.</summary>
    private static JsonObject Transfer(JsonObject target)
    {
        var parameters = new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId, ["CLIENT_ID"] = DemoPortal.BotClientId };
        foreach ((string key, JsonNode? value) in target.ToArray())
        {
            target.Remove(key);
            parameters[key] = value;
        }

        return parameters;
    }

    [Fact]
    public async Task USER_ID_transfers_to_that_operator()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = DemoPortal.SecondOperatorId }));

        response.AssertTrue();
        Assert.Equal(SessionOwner.Operator(DemoPortal.SecondOperatorId), portal.Chat.Owner);
        TranscriptMessage notice = portal.Chat.Transcript[^1];
        Assert.True(notice.IsSystem);
        Assert.Equal(DemoPortal.BotId, notice.AuthorId);
        Assert.Contains("Olga Operator", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QUEUE_ID_transfers_to_the_line_queue()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["QUEUE_ID"] = DemoPortal.LineId }))).AssertTrue();

        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), portal.Chat.Owner);
    }

    [Fact]
    public async Task TRANSFER_ID_queue_prefix_transfers_to_the_queue()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["TRANSFER_ID"] = "queue1" }))).AssertTrue();

        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), portal.Chat.Owner);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TRANSFER_ID_with_a_user_id_transfers_to_that_user(bool asNumber)
    {
        await using var portal = await TestPortal.StartAsync();
        JsonNode transferId = asNumber ? JsonValue.Create(4) : JsonValue.Create("4");

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["TRANSFER_ID"] = transferId }))).AssertTrue();

        Assert.Equal(SessionOwner.Operator(DemoPortal.SecondOperatorId), portal.Chat.Owner);
    }

    [Fact]
    public async Task TRANSFER_ID_overwrites_USER_ID()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 3, ["TRANSFER_ID"] = 4 }))).AssertTrue();

        Assert.Equal(SessionOwner.Operator(4), portal.Chat.Owner);
    }

    [Fact]
    public async Task USER_ID_wins_over_QUEUE_ID()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 3, ["QUEUE_ID"] = 1 }))).AssertTrue();

        Assert.Equal(SessionOwner.Operator(3), portal.Chat.Owner);
    }

    [Fact]
    public async Task A_user_TRANSFER_ID_wins_over_QUEUE_ID()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["QUEUE_ID"] = 1, ["TRANSFER_ID"] = 4 }))).AssertTrue();

        Assert.Equal(SessionOwner.Operator(4), portal.Chat.Owner);
    }

    [Fact]
    public async Task A_queue_TRANSFER_ID_overwrites_QUEUE_ID_but_USER_ID_still_wins()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 3, ["TRANSFER_ID"] = "queue1" }))).AssertTrue();

        Assert.Equal(SessionOwner.Operator(3), portal.Chat.Owner);
    }

    [Fact]
    public async Task LEAVE_Y_removes_the_bot_at_once()
    {
        await using var portal = await TestPortal.StartAsync();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 3, ["LEAVE"] = "Y" }))).AssertTrue();

        Assert.False(portal.Chat.BotIsMember);
    }

    [Theory]
    [InlineData("N")]
    [InlineData("y")]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData(null)]
    public async Task Any_LEAVE_but_Y_keeps_the_bot_until_the_transfer_is_confirmed(string? leave)
    {
        await using var portal = await TestPortal.StartAsync();
        JsonObject parameters = Transfer(new() { ["USER_ID"] = 3 });
        if (leave is not null)
        {
            parameters["LEAVE"] = leave;
        }

        (await portal.CallAsync(BotMethods.Transfer, parameters)).AssertTrue();
        Assert.True(portal.Chat.BotIsMember);

        portal.Portal.State.ConfirmTransfer(DemoPortal.ChatId);

        Assert.False(portal.Chat.BotIsMember);
        Assert.Equal(SessionOwner.Operator(3), portal.Chat.Owner);
    }

    [Fact]
    public async Task LEAVE_N_does_not_bring_back_a_bot_that_already_left()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 3, ["LEAVE"] = "Y" }))).AssertTrue();

        (await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = 4, ["LEAVE"] = "N" }))).AssertTrue();

        Assert.False(portal.Chat.BotIsMember);
        Assert.Equal(SessionOwner.Operator(4), portal.Chat.Owner);
    }

    [Fact]
    public async Task ConfirmTransfer_keeps_the_bot_while_it_still_owns_the_dialog()
    {
        await using var portal = await TestPortal.StartAsync();

        portal.Portal.State.ConfirmTransfer(DemoPortal.ChatId);

        Assert.True(portal.Chat.BotIsMember);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task A_USER_ID_that_is_not_positive_is_400_USER_ID_EMPTY(string userId)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = userId }));

        response.AssertError(400, "USER_ID_EMPTY");
        Assert.Equal("User ID can't be empty", response.ErrorDescription);
    }

    [Fact]
    public async Task An_empty_TRANSFER_ID_becomes_an_empty_USER_ID()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["TRANSFER_ID"] = "" }));

        response.AssertError(400, "USER_ID_EMPTY");
    }

    [Theory]
    [InlineData("QUEUE_ID", "0")]
    [InlineData("QUEUE_ID", "")]
    [InlineData("TRANSFER_ID", "queue")]
    [InlineData("TRANSFER_ID", "queueX")]
    [InlineData("TRANSFER_ID", "queue-1")]
    public async Task A_queue_that_is_not_positive_is_400_QUEUE_ID_EMPTY(string key, string value)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { [key] = value }));

        response.AssertError(400, "QUEUE_ID_EMPTY");
        Assert.Equal("QUEUE ID can't be empty", response.ErrorDescription);
    }

    [Fact]
    public async Task No_target_is_400_TRANSFER_ID_EMPTY()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["LEAVE"] = "Y" }));

        response.AssertError(400, "TRANSFER_ID_EMPTY");
        Assert.Equal("Queue ID or User ID can't be empty", response.ErrorDescription);
    }

    [Fact]
    public async Task A_null_USER_ID_counts_as_absent()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { ["USER_ID"] = null }));

        response.AssertError(400, "TRANSFER_ID_EMPTY");
    }

    [Theory]
    [InlineData("USER_ID", DemoPortal.InactiveOperatorId)]
    [InlineData("USER_ID", 99)]
    [InlineData("QUEUE_ID", 9)]
    public async Task An_inactive_or_unknown_target_is_400_OPERATOR_WRONG_and_nothing_changes(string key, int id)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { [key] = id, ["LEAVE"] = "Y" }));

        response.AssertError(400, "OPERATOR_WRONG");
        Assert.Equal("You can not redirect to this operator", response.ErrorDescription);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
        Assert.True(portal.Chat.BotIsMember);
        Assert.Single(portal.Chat.Transcript);
    }

    [Theory]
    [InlineData("USER_ID", "4294967299")]
    [InlineData("QUEUE_ID", "4294967297")]
    public async Task An_id_beyond_32_bits_names_nobody_rather_than_wrapping_around(string key, string id)
    {
        // 4294967299 = 2^32 + 3 and 4294967297 = 2^32 + 1 must not reach operator 3 or line 1.
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, Transfer(new() { [key] = id }));

        response.AssertError(400, "OPERATOR_WRONG");
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
    }

    [Fact]
    public async Task An_unknown_chat_is_400_OPERATOR_WRONG()
    {
        await using var portal = await TestPortal.StartAsync();
        JsonObject parameters = Transfer(new() { ["USER_ID"] = 3 });
        parameters["CHAT_ID"] = 999;

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, parameters);

        response.AssertError(400, "OPERATOR_WRONG");
    }

    [Fact]
    public async Task A_webhook_call_without_CLIENT_ID_is_400_BOT_ID_ERROR()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3 });

        response.AssertError(400, "BOT_ID_ERROR");
        Assert.Equal("Bot not found", response.ErrorDescription);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.Chat.Owner);
    }

    [Theory]
    [InlineData("CLIENT_ID", "someone-else")]
    [InlineData("client_id", DemoPortal.BotClientId)]
    public async Task A_webhook_call_with_a_wrong_or_lower_case_CLIENT_ID_is_400_BOT_ID_ERROR(string key, string clientId)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3, [key] = clientId });

        response.AssertError(400, "BOT_ID_ERROR");
    }

    [Fact]
    public async Task An_OAuth_call_finds_the_bot_by_its_application_without_CLIENT_ID()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.CallOAuthAsync(BotMethods.Transfer, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3 });

        response.AssertTrue();
        Assert.Equal(SessionOwner.Operator(3), portal.Chat.Owner);
    }

    [Fact]
    public async Task An_OAuth_app_without_a_bot_is_400_BOT_ID_ERROR()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Application = new EmulatedApplication("local.other.app", "secret", ["imopenlines", "imbot"]));
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();

        ApiResponse response = await portal.CallOAuthAsync(BotMethods.Transfer, tokens.AccessToken, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3 });

        response.AssertError(400, "BOT_ID_ERROR");
    }

    [Fact]
    public async Task The_transfer_notice_is_posted_by_the_callers_bot()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
        {
            state.AddUser(new PortalUser(9, "Second Bot"));
            state.AddBot(new ChatBot(9, "second_bot", null, "second-bot"));
        });

        (await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = 3, ["CLIENT_ID"] = "second-bot" })).AssertTrue();

        Assert.Equal(9, portal.Chat.Transcript[^1].AuthorId);
    }

    [Fact]
    public async Task CHAT_ID_is_checked_before_the_target()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["USER_ID"] = 0 });

        response.AssertError(400, "CHAT_ID_EMPTY");
    }

    [Theory]
    [InlineData(null, "TRANSFER_ID_EMPTY")]
    [InlineData(0, "USER_ID_EMPTY")]
    public async Task The_target_is_checked_before_the_bot(int? userId, string expected)
    {
        await using var portal = await TestPortal.StartAsync();
        var parameters = new JsonObject { ["CHAT_ID"] = 112 };
        if (userId is not null)
        {
            parameters["USER_ID"] = userId;
        }

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, parameters);

        response.AssertError(400, expected);
    }

    [Fact]
    public async Task The_bot_is_checked_before_the_operator()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.Transfer, new JsonObject { ["CHAT_ID"] = 112, ["USER_ID"] = DemoPortal.InactiveOperatorId });

        response.AssertError(400, "BOT_ID_ERROR");
    }
}
