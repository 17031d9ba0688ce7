using System.Text.Json.Nodes;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>The state API (<see cref="PortalState"/>), seeding, custom methods and <c>GET /_emulator/chats/{id}</c>.</summary>
public sealed class StateTests
{
    private static PortalState EmptyState() => new(new TestClock());

    private static PortalState DemoState()
    {
        PortalState state = EmptyState();
        DemoPortal.Seed(state);
        return state;
    }

    [Fact]
    public async Task The_demo_portal_is_seeded_by_default()
    {
        await using var portal = await TestPortal.StartAsync();
        PortalState state = portal.Portal.State;

        Assert.Equal([1, 3, 4, 5, 7, 8], state.Users.Select(u => u.Id));
        Assert.False(state.Users.Single(u => u.Id == DemoPortal.InactiveOperatorId).IsActive);
        Assert.Equal(
            new ChatBot(DemoPortal.BotId, "demo_support_bot", DemoPortal.Application.ClientId, DemoPortal.BotClientId) { Type = BotTypes.OpenLine, IsSupportOpenline = true },
            Assert.Single(state.Bots));
        Assert.False(state.Bots[0].RegisteredWithV2); // registered the v1 way; v2 sees it as an open-line bot
        Assert.Empty(state.Commands);
        Assert.Empty(state.InputActions);
        OpenLine line = Assert.Single(state.OpenLines);
        Assert.Equal([DemoPortal.FirstOperatorId, DemoPortal.SecondOperatorId], line.Queue);
        Assert.Equal([DemoPortal.ChatId], state.ChatIds);
        ChatSnapshot chat = portal.Chat;
        Assert.Equal((DemoPortal.LineId, DemoPortal.CustomerId, SessionOwner.Bot(DemoPortal.BotId), SessionStatus.Active, true), (chat.LineId, chat.CustomerId, chat.Owner, chat.Status, chat.BotIsMember));
        TranscriptMessage first = Assert.Single(chat.Transcript);
        Assert.Equal((DemoPortal.CustomerId, false), (first.AuthorId, first.IsSystem));
        Assert.Equal("chat112", chat.DialogId);
        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId], chat.Members);
        Assert.Equal((null, null, null), (first.Keyboard, first.Attach, first.BotId));
    }

    [Fact]
    public async Task Without_demo_data_the_portal_is_empty()
    {
        await using var portal = await TestPortal.StartAsync(o => o.SeedDemoData = false);

        Assert.Empty(portal.Portal.State.Users);
        Assert.Empty(portal.Portal.State.ChatIds);
        (await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "WELCOME" })).AssertTrue();
        (await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = DemoPortal.BotClientId })).AssertError(400, "BOT_ID_ERROR");
    }

    [Fact]
    public async Task Seed_adds_to_the_demo_data_and_the_new_chat_is_served()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
        {
            state.AddUser(new PortalUser(20, "Sam Second"));
            state.AddUser(new PortalUser(21, "Cora Customer"));
            state.AddOpenLine(new OpenLine(2, "Sales", "Hello from Sales!", [20]));
            state.AddChat(200, 2, 21, DemoPortal.BotId);
        });

        (await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 200, ["NAME"] = "WELCOME" })).AssertTrue();
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 200 })).AssertTrue();

        ChatSnapshot chat = portal.Portal.State.GetChat(200);
        Assert.Equal("Hello from Sales!", chat.Transcript[0].Text);
        Assert.Equal(SessionOwner.Operator(20), chat.Owner);
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task A_chat_can_start_with_another_owner()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Seed = state =>
            state.AddChat(113, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId, SessionOwner.Operator(DemoPortal.FirstOperatorId)));

        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 113 })).AssertError(400, "WRONG_CHAT");
    }

    [Fact]
    public async Task A_failing_seed_fails_the_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => TestPortal.StartAsync(o => o.Seed = state => state.AddUser(new PortalUser(DemoPortal.AdminId, "Duplicate"))));
    }

    [Fact]
    public void AddUser_refuses_a_taken_or_non_positive_id()
    {
        PortalState state = DemoState();

        Assert.Throws<ArgumentException>(() => state.AddUser(new PortalUser(DemoPortal.AdminId, "Again")));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.AddUser(new PortalUser(0, "Zero")));
    }

    [Fact]
    public void UpdateUser_refuses_an_unknown_user()
    {
        Assert.Throws<ArgumentException>(() => DemoState().UpdateUser(new PortalUser(99, "Nobody")));
    }

    [Fact]
    public void AddOpenLine_refuses_an_unknown_operator_or_a_taken_id()
    {
        PortalState state = DemoState();

        Assert.Throws<ArgumentException>(() => state.AddOpenLine(new OpenLine(2, "Ghosts", "Boo", [99])));
        Assert.Throws<ArgumentException>(() => state.AddOpenLine(new OpenLine(DemoPortal.LineId, "Again", "Hi", [])));
        Assert.Single(state.OpenLines);
    }

    [Fact]
    public void AddBot_refuses_an_unknown_user_or_a_second_registration()
    {
        PortalState state = DemoState();

        Assert.Throws<ArgumentException>(() => state.AddBot(new ChatBot(99, "ghost", null, null)));
        Assert.Throws<ArgumentException>(() => state.AddBot(new ChatBot(DemoPortal.BotId, "again", null, null)));
    }

    [Fact]
    public void AddChat_refuses_an_unknown_line_customer_or_bot_or_a_taken_id()
    {
        PortalState state = DemoState();

        Assert.Throws<ArgumentException>(() => state.AddChat(300, 9, DemoPortal.CustomerId, DemoPortal.BotId));
        Assert.Throws<ArgumentException>(() => state.AddChat(300, DemoPortal.LineId, 99, DemoPortal.BotId));
        Assert.Throws<ArgumentException>(() => state.AddChat(300, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.FirstOperatorId));
        Assert.Throws<ArgumentException>(() => state.AddChat(DemoPortal.ChatId, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.AddChat(0, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId));
        Assert.Equal([DemoPortal.ChatId], state.ChatIds);
    }

    [Fact]
    public void AddChat_returns_the_new_chat_with_a_fresh_session()
    {
        PortalState state = DemoState();

        ChatSnapshot chat = state.AddChat(300, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId, firstMessage: "Hello?");

        Assert.NotEqual(state.GetChat(DemoPortal.ChatId).SessionId, chat.SessionId);
        Assert.Equal("Hello?", Assert.Single(chat.Transcript).Text);
    }

    [Fact]
    public void GetChat_throws_KeyNotFoundException_for_an_unknown_chat_and_FindChat_returns_null()
    {
        PortalState state = DemoState();

        Assert.Throws<KeyNotFoundException>(() => state.GetChat(999));
        Assert.Null(state.FindChat(999));
        Assert.Throws<KeyNotFoundException>(() => state.ConfirmTransfer(999));
        Assert.Throws<KeyNotFoundException>(() => state.PostMessage(999, DemoPortal.CustomerId, "x"));
    }

    [Fact]
    public void PostMessage_adds_to_the_transcript_as_a_known_user()
    {
        PortalState state = DemoState();

        TranscriptMessage message = state.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "Are you there?");

        Assert.Equal(("Chris Customer", false, TestClock.Epoch), (message.AuthorName, message.IsSystem, message.Time));
        Assert.Equal(message, state.GetChat(DemoPortal.ChatId).Transcript[^1]);
        Assert.Throws<ArgumentException>(() => state.PostMessage(DemoPortal.ChatId, 99, "who?"));
    }

    [Fact]
    public async Task A_snapshot_does_not_change_when_the_chat_does()
    {
        await using var portal = await TestPortal.StartAsync();
        ChatSnapshot before = portal.Chat;

        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 112 })).AssertTrue();

        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), before.Owner);
        Assert.Single(before.Transcript);
        Assert.Equal(2, portal.Chat.Transcript.Count);
    }

    [Fact]
    public async Task A_custom_method_is_callable_and_sees_the_caller_and_the_state()
    {
        var method = new EmulatedMethod("test.chat.count", [], call => new JsonObject
        {
            ["method"] = call.Method,
            ["user"] = call.Caller.UserId,
            ["chats"] = call.State.ChatIds.Count,
            ["echo"] = call.Parameters["X"]?.DeepClone(),
        });
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(method));

        JsonNode? result = (await portal.CallAsync("test.chat.count", new JsonObject { ["X"] = "y" })).AssertSuccess();

        Assert.Equal("""{"method":"test.chat.count","user":1,"chats":1,"echo":"y"}""", result?.ToJsonString());
    }

    [Fact]
    public async Task A_custom_method_answers_its_own_errors()
    {
        var method = new EmulatedMethod("test.fail", [], _ => throw new EmulatedRestException(400, "CUSTOM_ERROR", "Custom failure"));
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(method));

        ApiResponse response = await portal.CallAsync("test.fail");

        response.AssertError(400, "CUSTOM_ERROR");
        Assert.Equal("Custom failure", response.ErrorDescription);
    }

    [Fact]
    public async Task The_scopes_of_a_custom_method_are_enforced()
    {
        var method = new EmulatedMethod("test.crm.thing", ["crm"], _ => true);
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(method));

        (await portal.CallAsync("test.crm.thing")).AssertError(403, "insufficient_scope");
        (await portal.CallAsync("test.crm.thing", webhook: DemoPortal.WebhookWithoutBotScopes)).AssertSuccess();
    }

    [Fact]
    public async Task A_custom_method_replaces_a_built_in_one_of_the_same_name()
    {
        var method = new EmulatedMethod("Profile", [], _ => "replaced");
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(method));

        JsonNode? result = (await portal.CallAsync("profile")).AssertSuccess();

        Assert.Equal("replaced", result?.GetValue<string>());
    }

    [Fact]
    public async Task A_custom_method_may_be_kept_out_of_batch_and_the_operating_limit()
    {
        var method = new EmulatedMethod("test.heavy", [], _ => true) { AllowedInBatch = false, CountsOperatingTime = false };
        await using var portal = await TestPortal.StartAsync(o =>
        {
            o.Methods.Add(method);
            o.OperatingLimit = TimeSpan.FromSeconds(1);
            o.CallDuration = TimeSpan.FromSeconds(2);
        });

        ApiResponse first = await portal.CallAsync("test.heavy");
        ApiResponse second = await portal.CallAsync("test.heavy");
        ApiResponse batch = await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonArray("test.heavy") });

        second.AssertSuccess();
        Assert.Null(first.Time!["operating"]);
        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", batch.Result!["result_error"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_chats_endpoint_shows_a_chat_with_its_session_and_transcript()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync(BotMethods.Operator, new JsonObject { ["CHAT_ID"] = 112 })).AssertTrue();

        ApiResponse response = await portal.Http.GetAsync("_emulator/chats/112");

        Assert.Equal(200, (int)response.Status);
        Assert.Equal("application/json", response.ContentType);
        JsonNode chat = response.Json!;
        Assert.Equal(112, chat["chatId"]!.GetValue<int>());
        Assert.Equal(DemoPortal.LineId, chat["lineId"]!.GetValue<int>());
        Assert.Equal("operator 3", chat["owner"]!.GetValue<string>());
        Assert.Equal("Active", chat["status"]!.GetValue<string>());
        Assert.False(chat["botIsMember"]!.GetValue<bool>());
        JsonArray transcript = chat["transcript"]!.AsArray();
        Assert.Equal(2, transcript.Count);
        Assert.Equal("Chris Customer", transcript[0]!["author"]!.GetValue<string>());
        Assert.True(transcript[1]!["system"]!.GetValue<bool>());
        Assert.Equal("2026-08-21T10:00:00.0000000+00:00", transcript[1]!["time"]!.GetValue<string>());
        Assert.Empty(portal.Portal.Requests.For("_emulator/chats/112"));
    }

    [Fact]
    public async Task The_chats_endpoint_is_404_for_an_unknown_chat()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.GetAsync("_emulator/chats/999");

        Assert.Equal(404, (int)response.Status);
        Assert.Equal("no chat 999", response.Error);
    }

    [Fact]
    public void SessionOwner_describes_itself()
    {
        Assert.Equal("bot 7", SessionOwner.Bot(7).ToString());
        Assert.Equal("operator 3", SessionOwner.Operator(3).ToString());
        Assert.Equal("queue of line 1", SessionOwner.Queue(1).ToString());
    }
}
