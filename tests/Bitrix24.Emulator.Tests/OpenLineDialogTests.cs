using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Open Lines dialogs as a real line runs them: the line's connected bot owns its dialogs, the bots leave when a person
/// takes over, a finished dialog gets a new session when the customer writes again, and customers start new dialogs.
/// </summary>
public sealed class OpenLineDialogTests
{
    private static IEnumerable<string> Types(TestPortal portal, int botId) => portal.Portal.State.QueuedEvents(botId).Select(e => e.Type);

    private static Task<ApiResponse> FinishAsync(TestPortal portal, int chatId = DemoPortal.ChatId) =>
        portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = chatId, ["CLIENT_ID"] = DemoPortal.BotClientId });

    [Fact]
    public async Task The_bot_connected_last_owns_the_lines_bot_owned_dialogs()
    {
        await using var portal = await TestPortal.StartAsync();
        int first = await BotEvents.RegisterFetchBotAsync(portal, "first_bot", "first_token");
        int second = await BotEvents.RegisterFetchBotAsync(portal, "second_bot", "second_token");

        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, first);
        Assert.Equal(SessionOwner.Bot(first), portal.Chat.Owner);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, second);
        Assert.Equal(SessionOwner.Bot(second), portal.Chat.Owner);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, first); // connecting again makes it current again
        Assert.Equal(SessionOwner.Bot(first), portal.Chat.Owner);

        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId, first, second], portal.Chat.Members);
        Assert.Equal([BotEventTypes.JoinChat], Types(portal, first)); // joined once
    }

    [Fact]
    public async Task Connecting_a_bot_leaves_a_dialog_a_person_owns_with_that_person()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId })).AssertTrue();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);

        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        Assert.Equal(SessionOwner.Operator(DemoPortal.FirstOperatorId), portal.Chat.Owner);
    }

    [Fact]
    public async Task Operator_takes_the_line_bots_out_of_the_chat_and_they_hear_nothing_more()
    {
        await using var portal = await TestPortal.StartAsync();
        int lineBot = await BotEvents.RegisterFetchBotAsync(portal, "line_bot", "line_token");
        int invited = await BotEvents.RegisterFetchBotAsync(portal, "invited_bot", "invited_token");
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, lineBot);
        portal.Portal.State.AddChatMember(DemoPortal.ChatId, invited);

        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId })).AssertTrue();
        await BotEvents.CustomerWritesAsync(portal, "Is a person there?");

        ChatSnapshot chat = portal.Chat;
        Assert.False(chat.BotIsMember);
        Assert.Equal([DemoPortal.CustomerId, DemoPortal.FirstOperatorId, invited], chat.Members); // an invited bot stays
        Assert.Equal([BotEventTypes.JoinChat], Types(portal, lineBot));
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], Types(portal, invited));
    }

    [Fact]
    public async Task Transfer_with_LEAVE_Y_takes_the_line_bots_out_at_once()
    {
        await using var portal = await TestPortal.StartAsync();
        int lineBot = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, lineBot);

        (await portal.CallAsync(BotMethods.Transfer, new JsonObject
        {
            ["CHAT_ID"] = DemoPortal.ChatId, ["CLIENT_ID"] = DemoPortal.BotClientId, ["USER_ID"] = DemoPortal.SecondOperatorId, ["LEAVE"] = "Y",
        })).AssertTrue();

        Assert.Equal([DemoPortal.CustomerId, DemoPortal.SecondOperatorId], portal.Chat.Members);
    }

    [Fact]
    public async Task Transfer_with_LEAVE_N_keeps_the_line_bots_until_it_is_confirmed()
    {
        await using var portal = await TestPortal.StartAsync();
        int lineBot = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, lineBot);

        (await portal.CallAsync(BotMethods.Transfer, new JsonObject
        {
            ["CHAT_ID"] = DemoPortal.ChatId, ["CLIENT_ID"] = DemoPortal.BotClientId, ["QUEUE_ID"] = DemoPortal.LineId, ["LEAVE"] = "N",
        })).AssertTrue();
        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId, lineBot], portal.Chat.Members);

        portal.Portal.State.ConfirmTransfer(DemoPortal.ChatId);

        Assert.Equal([DemoPortal.CustomerId], portal.Chat.Members);
        Assert.Equal(SessionOwner.Queue(DemoPortal.LineId), portal.Chat.Owner);
    }

    [Fact]
    public async Task The_customer_writing_into_a_finished_dialog_opens_a_new_session_of_the_lines_bot()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        (await FinishAsync(portal)).AssertTrue();
        ChatSnapshot finished = portal.Chat;
        Assert.Equal(SessionStatus.Closed, finished.Status);

        int messageId = await BotEvents.CustomerWritesAsync(portal, "One more question");

        ChatSnapshot reopened = portal.Chat;
        Assert.Equal((SessionStatus.Active, SessionOwner.Bot(botId)), (reopened.Status, reopened.Owner));
        Assert.NotEqual(finished.SessionId, reopened.SessionId);
        Assert.Equal(messageId, reopened.Transcript[^1].Id);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], Types(portal, botId)); // still a member: no second JOINCHAT
    }

    [Fact]
    public async Task A_dialog_an_operator_had_comes_back_to_the_bots_with_JOINCHAT_when_the_customer_writes_after_finish()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId })).AssertTrue();
        (await FinishAsync(portal)).AssertTrue();
        int sessionAfterFinish = portal.Chat.SessionId;

        await BotEvents.CustomerWritesAsync(portal, "Hello again");
        await BotEvents.CustomerWritesAsync(portal, "Anyone?"); // the session is open now: no third session

        ChatSnapshot chat = portal.Chat;
        Assert.Equal((SessionStatus.Active, SessionOwner.Bot(botId), sessionAfterFinish + 1), (chat.Status, chat.Owner, chat.SessionId));
        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId, botId], chat.Members);
        IReadOnlyList<QueuedBotEvent> events = portal.Portal.State.QueuedEvents(botId);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.JoinChat, BotEventTypes.MessageAdd, BotEventTypes.MessageAdd], events.Select(e => e.Type));
        Assert.Equal(DemoPortal.CustomerId, events[1].Data["user"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_person_answering_a_finished_dialog_does_not_reopen_it()
    {
        await using var portal = await TestPortal.StartAsync();
        (await FinishAsync(portal)).AssertTrue();

        portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.FirstOperatorId, "We are closed");
        portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "[system] note", isSystem: true);

        Assert.Equal(SessionStatus.Closed, portal.Chat.Status);
    }

    [Fact]
    public async Task A_customer_starts_a_dialog_with_the_lines_current_bot()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        ChatSnapshot started = portal.Portal.StartDialog(DemoPortal.LineId, "  Dana Doe ", "Hello");
        ChatSnapshot second = portal.Portal.StartDialog(DemoPortal.LineId, "Eve", null);

        Assert.Equal((113, DemoPortal.LineId, SessionStatus.Active, SessionOwner.Bot(botId)), (started.ChatId, started.LineId, started.Status, started.Owner));
        Assert.Equal("Dana Doe", portal.Portal.State.Users.Single(u => u.Id == started.CustomerId).Name);
        Assert.Equal(botId + 1, started.CustomerId); // the next free user id
        Assert.Equal([started.CustomerId, botId], started.Members);
        TranscriptMessage first = Assert.Single(started.Transcript);
        Assert.Equal((started.CustomerId, "Dana Doe", "Hello"), (first.AuthorId, first.AuthorName, first.Text));
        Assert.Equal((114, started.CustomerId + 1, 0), (second.ChatId, second.CustomerId, second.Transcript.Count));
        Assert.NotEqual(started.SessionId, second.SessionId);

        IReadOnlyList<QueuedBotEvent> events = portal.Portal.State.QueuedEvents(botId);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.JoinChat, BotEventTypes.MessageAdd, BotEventTypes.JoinChat], events.Select(e => e.Type));
        Assert.Equal(("chat113", started.CustomerId), (events[1].Data["dialogId"]!.GetValue<string>(), events[1].Data["user"]!["id"]!.GetValue<int>()));
        Assert.Equal("Hello", events[2].Data["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_connected_bot_a_new_dialog_gets_the_bot_of_the_lines_latest_chat()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.AddChat(150, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId));

        ChatSnapshot started = portal.Portal.State.StartDialog(DemoPortal.LineId, "Dana Doe");

        Assert.Equal(151, started.ChatId); // above every existing chat
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), started.Owner);
        Assert.True(started.BotIsMember);
    }

    [Fact]
    public async Task StartDialog_refuses_an_unknown_line_a_bad_name_and_a_line_without_a_bot()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.AddOpenLine(new OpenLine(2, "Sales", "Hi from sales", [DemoPortal.FirstOperatorId])));
        int users = portal.Portal.State.Users.Count;

        Assert.Throws<ArgumentException>(() => portal.Portal.StartDialog(9, "Dana"));
        Assert.Throws<ArgumentException>(() => portal.Portal.StartDialog(DemoPortal.LineId, "   "));
        Assert.Throws<ArgumentException>(() => portal.Portal.StartDialog(DemoPortal.LineId, new string('x', 101)));
        InvalidOperationException noBot = Assert.Throws<InvalidOperationException>(() => portal.Portal.StartDialog(2, "Dana"));

        Assert.Equal("Open line 2 has no bot: connect one with ConnectBotToLine", noBot.Message);
        Assert.Equal(users, portal.Portal.State.Users.Count);
        Assert.Equal([DemoPortal.ChatId], portal.Portal.State.ChatIds);
        Assert.Equal(113, portal.Portal.StartDialog(DemoPortal.LineId, new string('x', 100)).ChatId);
    }
}
