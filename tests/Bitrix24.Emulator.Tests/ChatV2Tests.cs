using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>imbot.v2.Chat.get</c>, <c>Chat.leave</c>, <c>Chat.User.list</c> and <c>Chat.InputAction.notify</c> (BOTS-V2.md §1.3,
/// §1.6), and how a bot becomes a member of an open-line chat (<see cref="PortalState.ConnectBotToLine"/>).
/// </summary>
public sealed class ChatV2Tests
{
    [Fact]
    public async Task Get_with_the_docs_example_returns_the_open_line_chat()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        JsonNode? result = (await portal.CallJsonAsync(V2.ChatGet, V2.Docs("""{"botId":456,"botToken":"my_bot_token","dialogId":"chat5"}""", botId))).AssertSuccess();

        JsonObject chat = result!["chat"]!.AsObject();
        Assert.Equal(
            ["id", "dialogId", "name", "description", "type", "messageType", "owner", "color", "avatar", "extranet", "containsCollaber",
             "entityType", "entityId", "entityData1", "entityData2", "entityData3", "entityLink", "diskFolderId", "role", "permissions",
             "muteList", "parentChatId", "parentMessageId", "isNew", "textFieldEnabled", "backgroundId", "dateCreate", "lastMessageId",
             "lastMessageViews", "lastId", "managerList", "markedId", "messageCount", "public", "unreadId", "userCounter"],
            chat.Select(p => p.Key));
        Assert.Equal((112, "chat112", "LINES", "Chris Customer - Demo Support"), (
            chat["id"]!.GetValue<int>(), chat["dialogId"]!.GetValue<string>(), chat["entityType"]!.GetValue<string>(), chat["name"]!.GetValue<string>()));
        Assert.Equal((botId, "owner", 3, 1), ( // connected to the line, the bot took over the bot-owned session
            chat["owner"]!.GetValue<int>(), chat["role"]!.GetValue<string>(), chat["userCounter"]!.GetValue<int>(), chat["messageCount"]!.GetValue<int>()));
        Assert.Equal("2026-08-21T13:00:00+03:00", chat["dateCreate"]!.GetValue<string>()); // the portal's offset
        Assert.Equal("Y", chat["textFieldEnabled"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bot_that_owns_the_session_is_the_chats_owner()
    {
        await using var portal = await TestPortal.StartAsync();

        JsonNode? result = (await portal.CallAsync(V2.ChatGet, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["dialogId"] = V2.Chat112 }))).AssertSuccess();

        Assert.Equal("owner", result!["chat"]!["role"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(V2.ChatGet)]
    [InlineData(V2.ChatLeave)]
    [InlineData(V2.ChatUserList)]
    [InlineData(V2.InputActionNotify)]
    public async Task A_bot_that_is_not_in_the_chat_is_403_ACCESS_DENIED(string method)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        ApiResponse notMember = await portal.CallAsync(method, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112 }));
        ApiResponse unknownChat = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["dialogId"] = "chat999" }));
        ApiResponse privateDialog = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["dialogId"] = "8" }));
        ApiResponse noDialog = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId));
        ApiResponse bareNumber = await portal.CallAsync(method, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["dialogId"] = 112 }));

        notMember.AssertError(403, "ACCESS_DENIED");
        Assert.Equal("Access denied", notMember.ErrorDescription);
        unknownChat.AssertError(403, "ACCESS_DENIED");
        privateDialog.AssertError(403, "ACCESS_DENIED");
        noDialog.AssertError(403, "ACCESS_DENIED");
        bareNumber.AssertError(403, "ACCESS_DENIED"); // "112" is user 112's private dialog, not chat 112
        Assert.Empty(portal.Portal.State.InputActions);
    }

    [Fact]
    public async Task Connecting_a_bot_to_the_line_makes_it_a_member_of_the_lines_active_chats_and_of_later_ones()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal, fields: new JsonObject { ["isSupportOpenline"] = true });

        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        portal.Portal.State.AddChat(113, DemoPortal.LineId, DemoPortal.CustomerId, DemoPortal.BotId);

        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId, botId], portal.Chat.Members);
        Assert.Contains(botId, portal.Portal.State.GetChat(113).Members);
        (await portal.CallAsync(V2.ChatGet, V2.Body(botId, rest: new JsonObject { ["dialogId"] = "chat113" }))).AssertSuccess();
    }

    [Fact]
    public async Task Only_a_bot_that_supports_open_lines_can_be_connected_to_a_line()
    {
        await using var portal = await TestPortal.StartAsync();
        int plain = await V2.RegisterAsync(portal);

        Assert.Throws<ArgumentException>(() => portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, plain));
        Assert.Throws<ArgumentException>(() => portal.Portal.State.ConnectBotToLine(9, DemoPortal.BotId));
        Assert.Throws<ArgumentException>(() => portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, DemoPortal.CustomerId));
        Assert.DoesNotContain(plain, portal.Chat.Members);

        portal.Portal.State.AddChatMember(DemoPortal.ChatId, plain); // a test may still invite any user
        Assert.Contains(plain, portal.Chat.Members);
        Assert.Throws<KeyNotFoundException>(() => portal.Portal.State.AddChatMember(999, plain));
        Assert.Throws<ArgumentException>(() => portal.Portal.State.AddChatMember(DemoPortal.ChatId, 999));
    }

    [Fact]
    public async Task Leave_with_the_docs_example_takes_the_bot_out_and_it_can_no_longer_send()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        ApiResponse response = await portal.CallJsonAsync(V2.ChatLeave, V2.Docs("""{"botId":456,"botToken":"my_bot_token","dialogId":"chat5"}""", botId));

        V2.AssertResultTrue(response);
        Assert.DoesNotContain(botId, portal.Chat.Members);
        (await portal.CallAsync(V2.ChatLeave, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112 }))).AssertError(403, "ACCESS_DENIED");
        (await portal.CallAsync(V2.MessageSend, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112, ["fields"] = new JsonObject { ["message"] = "still here?" } })))
            .AssertError(403, "ACCESS_DENIED");
    }

    [Fact]
    public async Task When_the_chats_own_bot_leaves_the_session_keeps_its_owner()
    {
        await using var portal = await TestPortal.StartAsync();

        V2.AssertResultTrue(await portal.CallAsync(V2.ChatLeave, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["dialogId"] = V2.Chat112 })));

        ChatSnapshot chat = portal.Chat;
        Assert.False(chat.BotIsMember);
        Assert.Equal((SessionOwner.Bot(DemoPortal.BotId), SessionStatus.Active), (chat.Owner, chat.Status));
        Assert.Equal([DemoPortal.CustomerId], chat.Members);
        Assert.False((await portal.Http.GetAsync("_emulator/chats/112")).Json!["botIsMember"]!.GetValue<bool>());
    }

    [Fact]
    public async Task User_list_with_the_docs_example_is_a_bare_array_of_the_members()
    {
        // BOTS-V2.md §9.10: not wrapped in an object.
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        ApiResponse response = await portal.CallJsonAsync(V2.ChatUserList, V2.Docs("""{"botId":456,"botToken":"my_bot_token","dialogId":"chat5","order":{"id":"ASC"},"limit":50}""", botId));

        JsonArray users = Assert.IsType<JsonArray>(response.AssertSuccess());
        Assert.Equal([DemoPortal.BotId, DemoPortal.CustomerId, botId], users.Select(u => u!["id"]!.GetValue<int>()));
        JsonNode customer = users[1]!;
        Assert.Equal(("Chris Customer", "Chris", "Customer", false, true, "imconnector"), (
            customer["name"]!.GetValue<string>(), customer["firstName"]!.GetValue<string>(), customer["lastName"]!.GetValue<string>(),
            customer["bot"]!.GetValue<bool>(), customer["connector"]!.GetValue<bool>(), customer["externalAuthId"]!.GetValue<string>()));
        Assert.Equal(("bot", true), (users[0]!["type"]!.GetValue<string>(), users[0]!["bot"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task User_list_orders_and_limits()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        await V2.SendAsync(portal, botId, "the newest message is the v2 bot's");

        JsonArray desc = (JsonArray)(await portal.CallAsync(V2.ChatUserList, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112, ["order"] = new JsonObject { ["userId"] = "desc" } }))).AssertSuccess()!;
        JsonArray byLastMessage = (JsonArray)(await portal.CallAsync(V2.ChatUserList, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112, ["order"] = new JsonObject { ["lastSendMessageId"] = "DESC" } }))).AssertSuccess()!;
        JsonArray limited = (JsonArray)(await portal.CallAsync(V2.ChatUserList, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112, ["limit"] = 1 }))).AssertSuccess()!;

        Assert.Equal([botId, DemoPortal.CustomerId, DemoPortal.BotId], desc.Select(u => u!["id"]!.GetValue<int>()));
        Assert.Equal([botId, DemoPortal.CustomerId, DemoPortal.BotId], byLastMessage.Select(u => u!["id"]!.GetValue<int>()));
        Assert.Equal([DemoPortal.BotId], limited.Select(u => u!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task InputAction_notify_with_the_docs_example_records_the_indicator()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        ApiResponse response = await portal.CallJsonAsync(V2.InputActionNotify,
            V2.Docs("""{"botId":456,"botToken":"my_bot_token","dialogId":"chat5","statusMessageCode":"IMBOT_AGENT_ACTION_THINKING","duration":30}""", botId));
        V2.AssertResultTrue(await portal.CallAsync(V2.InputActionNotify, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112 })));
        V2.AssertResultTrue(await portal.CallAsync(V2.InputActionNotify, V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112, ["duration"] = 6000 })));

        V2.AssertResultTrue(response);
        Assert.Equal(
            [
                new InputActionNotice(112, botId, "IMBOT_AGENT_ACTION_THINKING", 30, TestClock.Epoch),
                new InputActionNotice(112, botId, null, null, TestClock.Epoch),
                new InputActionNotice(112, botId, null, 600, TestClock.Epoch),
            ],
            portal.Portal.State.InputActions);
        Assert.Single(portal.Chat.Transcript); // an indicator is not a message
    }
}
