using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>imbot.v2.Event.get</c> for a bot in <c>fetch</c> mode (BOTS-V2.md §3.3; DOCS events/event-get.md): the queue,
/// acknowledgement by <c>offset</c>, <c>nextOffset</c>/<c>hasMore</c>, the <c>limit</c> bounds, who may read it, and
/// that it is an ordinary method (request log, faults).
/// </summary>
public sealed class EventGetTests
{
    [Fact]
    public async Task Events_come_with_the_full_bot_object_real_JSON_types_and_increasing_ids()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        int messageId = await BotEvents.CustomerWritesAsync(portal, "Hello bot!");

        JsonNode? result = (await BotEvents.GetAsync(portal, botId)).AssertSuccess();

        Assert.Equal(["events", "nextOffset", "hasMore"], result!.AsObject().Select(p => p.Key));
        JsonArray events = BotEvents.Events(result);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], events.Select(BotEvents.Type));
        Assert.True(BotEvents.EventId(events[1]) > BotEvents.EventId(events[0]));
        Assert.Equal(BotEvents.EventId(events[1]) + 1, result["nextOffset"]!.GetValue<long>());
        Assert.False(result["hasMore"]!.GetValue<bool>());

        JsonObject message = events[1]!.AsObject();
        Assert.Equal(["eventId", "type", "date", "data"], message.Select(p => p.Key));
        Assert.Equal("2026-08-21T13:00:00+03:00", message["date"]!.GetValue<string>());
        JsonObject data = message["data"]!.AsObject();
        Assert.Equal(["bot", "message", "chat", "user", "language"], data.Select(p => p.Key));
        Assert.Equal(
            ["id", "code", "type", "isHidden", "isSupportOpenline", "isReactionsEnabled", "backgroundId", "language", "moduleId", "eventMode", "countMessage", "countCommand", "countChat", "countUser"],
            data["bot"]!.AsObject().Select(p => p.Key)); // the full Bot object, no auth
        Assert.Equal(("fetch", botId), (data["bot"]!["eventMode"]!.GetValue<string>(), data["bot"]!["id"]!.GetValue<int>()));
        Assert.Equal(
            ["id", "chatId", "authorId", "date", "text", "isSystem", "uuid", "forward", "params", "viewedByOthers"],
            data["message"]!.AsObject().Select(p => p.Key));
        Assert.Equal((messageId, 112, "Hello bot!", JsonValueKind.False, JsonValueKind.Null), (
            data["message"]!["id"]!.GetValue<int>(), data["message"]!["chatId"]!.GetValue<int>(), data["message"]!["text"]!.GetValue<string>(),
            data["message"]!["isSystem"]!.GetValueKind(), data["message"]!["forward"]?.GetValueKind() ?? JsonValueKind.Null));
        Assert.Equal(("LINES", "chat112"), (data["chat"]!["entityType"]!.GetValue<string>(), data["chat"]!["dialogId"]!.GetValue<string>()));
        Assert.Null(data["chat"]!["role"]);
        Assert.Null(data["chat"]!["muteList"]);
        Assert.Equal((DemoPortal.CustomerId, true), (data["user"]!["id"]!.GetValue<int>(), data["user"]!["connector"]!.GetValue<bool>()));
        Assert.Equal("en", data["language"]!.GetValue<string>());

        // The join event: dialogId and the customer.
        JsonObject join = events[0]!["data"]!.AsObject();
        Assert.Equal(["bot", "dialogId", "chat", "user", "language"], join.Select(p => p.Key));
        Assert.Equal(("chat112", DemoPortal.CustomerId), (join["dialogId"]!.GetValue<string>(), join["user"]!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Unacknowledged_events_come_again_and_an_offset_removes_them_for_good()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        for (int i = 1; i <= 4; i++)
        {
            await BotEvents.CustomerWritesAsync(portal, "message " + i);
        }

        JsonNode? first = (await BotEvents.GetAsync(portal, botId, limit: 2)).AssertSuccess();
        JsonNode? again = (await BotEvents.GetAsync(portal, botId, limit: 2)).AssertSuccess();
        long[] firstIds = BotEvents.Events(first).Select(BotEvents.EventId).ToArray();
        Assert.Equal(firstIds, BotEvents.Events(again).Select(BotEvents.EventId));
        Assert.True(first!["hasMore"]!.GetValue<bool>());
        Assert.Equal(firstIds[1] + 1, first["nextOffset"]!.GetValue<long>());

        JsonNode? second = (await BotEvents.GetAsync(portal, botId, first["nextOffset"]!.GetValue<long>(), limit: 2)).AssertSuccess();
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], BotEvents.Events(first).Select(BotEvents.Type));
        Assert.Equal(["message 2", "message 3"], BotEvents.Events(second).Select(e => e!["data"]!["message"]!["text"]!.GetValue<string>()));
        Assert.True(second!["hasMore"]!.GetValue<bool>());

        JsonNode? third = (await BotEvents.GetAsync(portal, botId, second["nextOffset"]!.GetValue<long>())).AssertSuccess();
        Assert.Equal(["message 4"], BotEvents.Events(third).Select(e => e!["data"]!["message"]!["text"]!.GetValue<string>()));
        Assert.False(third!["hasMore"]!.GetValue<bool>());

        long last = third["nextOffset"]!.GetValue<long>();
        JsonNode? empty = (await BotEvents.GetAsync(portal, botId, last)).AssertSuccess();
        Assert.Empty(BotEvents.Events(empty));
        Assert.Equal((last, false), (empty!["nextOffset"]!.GetValue<long>(), empty["hasMore"]!.GetValue<bool>()));

        // Acknowledged events never come back, not even without an offset.
        Assert.Empty(BotEvents.Events((await BotEvents.GetAsync(portal, botId)).AssertSuccess()));
        Assert.Empty(portal.Portal.State.QueuedEvents(botId));

        // A new event comes after the saved offset.
        await BotEvents.CustomerWritesAsync(portal, "message 5");
        JsonNode? next = (await BotEvents.GetAsync(portal, botId, last)).AssertSuccess();
        Assert.Equal("message 5", BotEvents.Events(next).Single()!["data"]!["message"]!["text"]!.GetValue<string>());
        Assert.True(BotEvents.EventId(BotEvents.Events(next)[0]) >= last);
    }

    [Fact]
    public async Task Event_ids_are_one_sequence_across_the_portals_bots()
    {
        await using var portal = await TestPortal.StartAsync();
        int first = await BotEvents.RegisterFetchBotAsync(portal, "first_bot", "first_token");
        int second = await BotEvents.RegisterFetchBotAsync(portal, "second_bot", "second_token");
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, first);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, second);
        await BotEvents.CustomerWritesAsync(portal, "both of you");

        long[] firstIds = BotEvents.Events((await BotEvents.GetAsync(portal, first, token: "first_token")).AssertSuccess()).Select(BotEvents.EventId).ToArray();
        long[] secondIds = BotEvents.Events((await BotEvents.GetAsync(portal, second, token: "second_token")).AssertSuccess()).Select(BotEvents.EventId).ToArray();

        Assert.Equal([1L, 3], firstIds);
        Assert.Equal([2L, 4], secondIds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("\"many\"")]
    public async Task A_limit_outside_1_to_1000_is_400_INVALID_LIMIT(string limit)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);

        ApiResponse response = await BotEvents.GetAsync(portal, botId, limit: JsonNode.Parse(limit));

        response.AssertError(400, "INVALID_LIMIT");
        Assert.Equal("limit must be between 1 and 1000", response.ErrorDescription);
    }

    [Fact]
    public async Task Limits_1_and_1000_and_the_default_100_are_taken()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        for (int i = 0; i < 104; i++)
        {
            portal.Portal.PostCustomerMessage(DemoPortal.ChatId, "m" + i);
        }

        Assert.Single(BotEvents.Events((await BotEvents.GetAsync(portal, botId, limit: 1)).AssertSuccess()));
        Assert.Equal(100, BotEvents.Events((await BotEvents.GetAsync(portal, botId)).AssertSuccess()).Count);
        Assert.Equal(105, BotEvents.Events((await BotEvents.GetAsync(portal, botId, limit: 1000)).AssertSuccess()).Count);
        Assert.Equal(2, BotEvents.Events((await BotEvents.GetAsync(portal, botId, limit: "2")).AssertSuccess()).Count); // a form-style string
    }

    [Fact]
    public async Task A_form_body_works_as_PHP_clients_send_it()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        long joinId = portal.Portal.State.QueuedEvents(botId).Single().EventId;
        await BotEvents.CustomerWritesAsync(portal, "form");

        JsonNode? result = (await portal.CallFormAsync(V2.EventGet,
            ("botId", botId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("botToken", V2.Token),
            ("offset", (joinId + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", "50"))).AssertSuccess();

        Assert.Equal([BotEventTypes.MessageAdd], BotEvents.Events(result).Select(BotEvents.Type));
    }

    [Fact]
    public async Task Only_the_owning_application_may_read_the_queue()
    {
        await using var portal = await TestPortal.StartAsync();
        int webhookBot = await BotEvents.RegisterFetchBotAsync(portal);
        EmulatedOAuthTokens demoApp = portal.Portal.IssueTokens();
        int oauthBot = await BotEvents.RegisterOAuthBotAsync(portal, demoApp, webhookUrl: null);
        await using var receiver = await EventReceiver.StartAsync();
        var otherApp = new EmulatedApplication("local.other.app", "otherSecret", ["imbot"]);
        await portal.Portal.InstallApplicationAsync(otherApp, receiver.Url);
        EmulatedOAuthTokens other = portal.Portal.IssueTokens(otherApp, DemoPortal.AdminId);

        (await BotEvents.GetAsync(portal, webhookBot, token: "someone_elses_token")).AssertError(403, "BOT_OWNERSHIP_ERROR");
        (await portal.CallOAuthAsync(V2.EventGet, demoApp.AccessToken, new JsonObject { ["botId"] = webhookBot })).AssertError(403, "BOT_OWNERSHIP_ERROR");
        (await portal.CallOAuthAsync(V2.EventGet, other.AccessToken, new JsonObject { ["botId"] = oauthBot })).AssertError(403, "BOT_OWNERSHIP_ERROR");
        (await BotEvents.GetAsync(portal, oauthBot, token: V2.Token)).AssertError(403, "BOT_OWNERSHIP_ERROR");

        // The owners may.
        (await BotEvents.GetAsync(portal, webhookBot)).AssertSuccess();
        (await portal.CallOAuthAsync(V2.EventGet, demoApp.AccessToken, new JsonObject { ["botId"] = oauthBot })).AssertSuccess();
    }

    [Fact]
    public async Task WithUserEvents_needs_the_im_scope_and_a_subscription()
    {
        var withIm = new EmulatedWebhook(DemoPortal.AdminId, "withimscopehook0", ["imbot", "im"]);
        await using var portal = await TestPortal.StartAsync(o => o.Webhooks.Add(withIm));
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        JsonObject body = V2.Body(botId, rest: new JsonObject { ["withUserEvents"] = true });

        ApiResponse noImScope = await portal.CallAsync(V2.EventGet, body);
        ApiResponse notSubscribed = await portal.CallAsync(V2.EventGet, body, withIm);
        ApiResponse withoutUserEvents = await portal.CallAsync(V2.EventGet, V2.Body(botId, rest: new JsonObject { ["withUserEvents"] = false }));

        noImScope.AssertError(403, "SCOPE_ERROR");
        notSubscribed.AssertError(400, "USER_NOT_SUBSCRIBED");
        withoutUserEvents.AssertSuccess();
    }

    [Fact]
    public async Task It_is_an_ordinary_method_logged_and_subject_to_faults_and_a_lost_answer_loses_no_event()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        await BotEvents.CustomerWritesAsync(portal, "keep me");

        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage(502), method: V2.EventGet);
        ApiResponse proxyPage = await BotEvents.GetAsync(portal, botId);
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, proxyPage.Status);

        // The answer is lost after the portal ran the call: only the offset acknowledges, so the events come again.
        portal.Portal.Faults.Enqueue(EmulatedFault.DropAfterProcessing(), method: V2.EventGet);
        await Assert.ThrowsAsync<HttpRequestException>(() => BotEvents.GetAsync(portal, botId));

        JsonNode? result = (await BotEvents.GetAsync(portal, botId)).AssertSuccess();
        Assert.Equal(2, BotEvents.Events(result).Count);
        Assert.Equal(3, portal.Portal.Requests.For(V2.EventGet).Count);
    }

    [Fact]
    public async Task A_webhook_bot_has_an_empty_queue_and_an_unregistered_bot_loses_its_events()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int webhookBot = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url, "hook_bot", "hook_token");
        int fetchBot = await BotEvents.RegisterFetchBotAsync(portal);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, webhookBot);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, fetchBot);

        JsonNode? hook = (await BotEvents.GetAsync(portal, webhookBot, token: "hook_token")).AssertSuccess();
        Assert.Empty(BotEvents.Events(hook));
        Assert.Equal(1, hook!["nextOffset"]!.GetValue<long>());

        Assert.Single(portal.Portal.State.QueuedEvents(fetchBot));
        (await portal.CallAsync(V2.BotUnregister, V2.Body(fetchBot))).AssertSuccess();
        Assert.Empty(portal.Portal.State.QueuedEvents(fetchBot));
        (await BotEvents.GetAsync(portal, fetchBot)).AssertError(400, "BOT_NOT_FOUND");
    }
}
