using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Chatbots 2.0 events to a bot in <c>webhook</c> mode, captured by a real HTTP receiver on 127.0.0.1 (BOTS-V2.md §3.1,
/// §3.4; BOTS-V1-AND-EVENTS.md §1; DOCS imbot.v2 events.md, api-reference/events/index.md): the form body, its keys,
/// the two <c>auth</c> blocks, the <c>application_token</c>, and failures logged without retries.
/// </summary>
public sealed class EventWebhookTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_customer_message_reaches_a_webhook_bot_as_a_form_body_with_the_documented_keys()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        int messageId = await BotEvents.CustomerWritesAsync(portal, "Hello bot! Where is my order?");
        await portal.Portal.WhenEventsDeliveredAsync();

        IReadOnlyList<ReceivedEvent> received = await receiver.WaitForAsync(2);
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], received.Select(e => e.Event));
        ReceivedEvent message = received[1];
        Assert.Equal("/handler", message.Path);
        Assert.Equal("application/x-www-form-urlencoded", message.ContentType);
        Assert.Contains("data%5Bmessage%5D%5Btext%5D=Hello+bot%21+Where+is+my+order%3F", message.Body, StringComparison.Ordinal);
        Assert.Equal(["event", "event_handler_id", "data", "ts", "auth"], message.TopLevelKeys);
        Assert.Equal(["bot", "message", "chat", "user", "language"], message.KeysUnder("data"));

        // data.bot in webhook mode is {id, code, auth}, every scalar a string.
        Assert.Equal(["id", "code", "auth"], message.KeysUnder("data[bot]"));
        Assert.Equal((Id(botId), "support_bot"), (message["data[bot][id]"], message["data[bot][code]"]));
        Assert.Equal((Id(messageId), "112", Id(DemoPortal.CustomerId), "Hello bot! Where is my order?"), (
            message["data[message][id]"], message["data[message][chatId]"], message["data[message][authorId]"], message["data[message][text]"]));
        Assert.Equal(("0", "0", "", ""), (message["data[message][isSystem]"], message["data[message][viewedByOthers]"], message["data[message][forward]"], message["data[message][uuid]"]));
        Assert.False(message.Form.ContainsKey("data[message][params]")); // an empty array vanishes
        Assert.Equal("2026-08-21T13:00:00+03:00", message["data[message][date]"]);
        Assert.Equal(("112", "chat112", "LINES", "lines"), (message["data[chat][id]"], message["data[chat][dialogId]"], message["data[chat][entityType]"], message["data[chat][type]"]));
        Assert.False(message.Form.ContainsKey("data[chat][role]"));
        Assert.False(message.Form.ContainsKey("data[chat][messageCount]"));
        Assert.Equal((Id(DemoPortal.CustomerId), "1", "1", "0", "Chris Customer"), (
            message["data[user][id]"], message["data[user][active]"], message["data[user][connector]"], message["data[user][bot]"], message["data[user][name]"]));
        Assert.Equal("en", message["data[language]"]);
        Assert.Equal(TestClock.Epoch.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), message["ts"]);
        Assert.True(int.Parse(message["event_handler_id"], CultureInfo.InvariantCulture) > 0);

        // A bot registered through an incoming webhook has no OAuth application: auth is what an outgoing webhook gets.
        string applicationToken = portal.Portal.State.ApplicationTokenOfBot(botId)!;
        Assert.Matches("^[0-9a-f]{32}$", applicationToken);
        Assert.Equal(["domain", "client_endpoint", "server_endpoint", "member_id", "application_token"], message.KeysUnder("auth"));
        Assert.Equal(applicationToken, message["auth[application_token]"]);
        Assert.Equal((portal.Portal.Domain, portal.Portal.MemberId, portal.Portal.ClientEndpoint.ToString()), (
            message["auth[domain]"], message["auth[member_id]"], message["auth[client_endpoint]"]));
        Assert.Equal(applicationToken, message["data[bot][auth][application_token]"]);
        Assert.NotEqual(portal.Portal.ApplicationToken, applicationToken); // its own synthetic one, not the OAuth app's

        // The same token over HTTP, where a standalone emulator's tests find it.
        ApiResponse bot = await portal.Http.GetAsync($"_emulator/bots/{botId}");
        Assert.Equal((applicationToken, "webhook", receiver.Url.ToString()), (
            bot.Json!["applicationToken"]!.GetValue<string>(), bot.Json["eventMode"]!.GetValue<string>(), bot.Json["webhookUrl"]!.GetValue<string>()));
        Assert.All(portal.Portal.Deliveries.All, d => Assert.Equal(EmulatedDeliveryStatus.Delivered, d.Status));
    }

    [Fact]
    public async Task The_join_event_names_the_chat_and_the_customer()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);

        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        await portal.Portal.WhenEventsDeliveredAsync();

        ReceivedEvent join = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(BotEventTypes.JoinChat, join.Event);
        Assert.Equal(["bot", "dialogId", "chat", "user", "language"], join.KeysUnder("data"));
        Assert.Equal(("chat112", "LINES", Id(DemoPortal.CustomerId)), (join["data[dialogId]"], join["data[chat][entityType]"], join["data[user][id]"]));
    }

    [Fact]
    public async Task An_OAuth_bot_gets_tokens_that_work_and_can_reply_from_inside_its_handler()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterOAuthBotAsync(portal, portal.Portal.IssueTokens(), receiver.Url);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        // The handler replies with the event's own token before it answers 200: the portal must not wait on itself.
        receiver.OnEvent = async e =>
        {
            if (e.Event == BotEventTypes.MessageAdd)
            {
                (await portal.CallOAuthAsync(V2.MessageSend, e["data[bot][auth][access_token]"], new JsonObject
                {
                    ["botId"] = int.Parse(e["data[bot][id]"], CultureInfo.InvariantCulture),
                    ["dialogId"] = e["data[chat][dialogId]"],
                    ["fields"] = new JsonObject { ["message"] = "Echo: " + e["data[message][text]"] },
                })).AssertSuccess();
            }
        };
        await BotEvents.CustomerWritesAsync(portal, "ping");
        await portal.Portal.WhenEventsDeliveredAsync();

        ReceivedEvent message = (await receiver.WaitForAsync(2))[1];
        Assert.Equal(
            ["access_token", "expires", "expires_in", "scope", "domain", "server_endpoint", "status", "client_endpoint", "member_id", "user_id", "refresh_token", "application_token"],
            message.KeysUnder("auth"));
        Assert.Equal(portal.Portal.ApplicationToken, message["auth[application_token]"]);
        Assert.Equal((Id(DemoPortal.CustomerId), "3600", "L", "imopenlines,imbot,user"), (message["auth[user_id]"], message["auth[expires_in]"], message["auth[status]"], message["auth[scope]"]));
        Assert.Equal(Id(botId), message["data[bot][auth][user_id]"]); // the bot's own tokens for callbacks
        Assert.Equal((TestClock.Epoch + TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), message["auth[expires]"]);
        Assert.Equal("Echo: ping", portal.Chat.Transcript[^1].Text);

        // The top-level tokens work too, and the refresh token refreshes at the portal's token endpoint.
        (await portal.CallOAuthAsync(V2.BotList, message["auth[access_token]"])).AssertSuccess();
        ApiResponse refreshed = await portal.Http.PostFormAsync("oauth/token/",
            ("grant_type", "refresh_token"), ("client_id", DemoPortal.Application.ClientId), ("client_secret", DemoPortal.Application.ClientSecret),
            ("refresh_token", message["auth[refresh_token]"]));
        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.ToString());
        Assert.All(portal.Portal.Deliveries.All, d => Assert.True(d.Succeeded, d.ToString()));
    }

    [Fact]
    public async Task A_500_answer_is_logged_as_failed_and_not_retried()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Status = 500;
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        await BotEvents.CustomerWritesAsync(portal, "anyone?");

        await portal.Portal.WhenEventsDeliveredAsync();
        await Task.Delay(300); // time for a retry, were there one

        Assert.Equal(2, receiver.Received.Count);
        EmulatedDelivery failed = portal.Portal.Deliveries.For(BotEventTypes.MessageAdd).Single();
        Assert.Equal((EmulatedDeliveryStatus.Failed, 500, "HTTP 500", botId), (failed.Status, failed.HttpStatus, failed.Error, failed.BotId));
        Assert.Equal("""{"status":"ok"}""", failed.ResponseBody);
        Assert.Equal("anyone?", failed.Field("data[message][text]"));

        ApiResponse log = await portal.Http.GetAsync("_emulator/deliveries");
        JsonNode entry = log.Json!.AsArray()[1]!;
        Assert.Equal(("ONIMBOTV2MESSAGEADD", "Failed", 500, "HTTP 500", "anyone?"), (
            entry["event"]!.GetValue<string>(), entry["status"]!.GetValue<string>(), entry["httpStatus"]!.GetValue<int>(),
            entry["error"]!.GetValue<string>(), entry["fields"]!["data[message][text]"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_closed_port_is_logged_as_refused_and_the_next_delivery_still_goes_out()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int deadBot = await BotEvents.RegisterWebhookBotAsync(portal, EventReceiver.ClosedUrl(), "dead_bot", "dead_token");
        int liveBot = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url, "live_bot", "live_token");
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, deadBot);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, liveBot);

        await BotEvents.CustomerWritesAsync(portal, "hello");
        await portal.Portal.WhenEventsDeliveredAsync();

        IReadOnlyList<EmulatedDelivery> dead = portal.Portal.Deliveries.ForBot(deadBot);
        Assert.Equal(2, dead.Count);
        Assert.All(dead, d => Assert.Equal((EmulatedDeliveryStatus.Failed, (int?)null, "connection refused"), (d.Status, d.HttpStatus, d.Error)));
        Assert.All(portal.Portal.Deliveries.ForBot(liveBot), d => Assert.True(d.Succeeded));
        Assert.Equal([BotEventTypes.JoinChat, BotEventTypes.MessageAdd], receiver.Received.Select(e => e.Event));

        // In order: JOINCHAT dead, JOINCHAT live (connect), then MESSAGEADD dead, live (the members' order).
        Assert.Equal([deadBot, liveBot, deadBot, liveBot], portal.Portal.Deliveries.All.Select(d => d.BotId!.Value));
        Assert.Equal([1, 2, 3, 4], portal.Portal.Deliveries.All.Select(d => d.Sequence));
    }

    [Fact]
    public async Task A_handler_that_does_not_answer_in_time_is_logged_as_timed_out()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(5);
        await using var portal = await TestPortal.StartAsync(o => o.EventDeliveryTimeout = TimeSpan.FromMilliseconds(300));
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);

        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        await portal.Portal.WhenEventsDeliveredAsync();

        EmulatedDelivery delivery = Assert.Single(portal.Portal.Deliveries.All);
        Assert.Equal((EmulatedDeliveryStatus.Failed, "no answer within 0.3 s"), (delivery.Status, delivery.Error));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Messages_from_bots_and_system_messages_raise_no_event_and_other_bots_need_a_mention()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int lineBot = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);
        int plainBot = await V2.RegisterAsync(portal, "plain_bot", "plain_token", new JsonObject
        {
            ["eventMode"] = "webhook",
            ["webhookUrl"] = receiver.Url.ToString(),
        });
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, lineBot);
        portal.Portal.State.AddChatMember(DemoPortal.ChatId, plainBot);
        await portal.Portal.WhenEventsDeliveredAsync();
        int joins = receiver.Received.Count;

        await V2.SendAsync(portal, lineBot, "A bot's message"); // from a bot: nobody gets it
        (await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "system" })).AssertTrue();
        portal.Portal.State.PostMessage(DemoPortal.ChatId, DemoPortal.CustomerId, "a system notice", isSystem: true);
        await BotEvents.CustomerWritesAsync(portal, "No mention");
        await BotEvents.CustomerWritesAsync(portal, $"[USER={plainBot}]Plain bot[/USER], are you there?");
        await portal.Portal.WhenEventsDeliveredAsync();

        IReadOnlyList<ReceivedEvent> messages = receiver.Received.Skip(joins).ToArray();
        Assert.Equal(
            [(Id(lineBot), "No mention"), (Id(lineBot), $"[USER={plainBot}]Plain bot[/USER], are you there?"), (Id(plainBot), $"[USER={plainBot}]Plain bot[/USER], are you there?")],
            messages.Select(m => (m["data[bot][id]"], m["data[message][text]"])));
        Assert.Empty(portal.Portal.State.QueuedEvents(DemoPortal.BotId)); // the v1 demo bot gets no v2 events
    }

    [Fact]
    public async Task Rotating_the_botToken_gives_the_bot_a_new_application_token()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);
        string before = portal.Portal.State.ApplicationTokenOfBot(botId)!;

        (await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["botToken"] = "rotated_token" } }))).AssertSuccess();

        string after = portal.Portal.State.ApplicationTokenOfBot(botId)!;
        Assert.NotEqual(before, after);
        Assert.Matches("^[0-9a-f]{32}$", after);
        Assert.Null(portal.Portal.State.ApplicationTokenOfBot(999));
    }

    [Fact]
    public async Task Switching_a_bot_from_webhook_to_fetch_moves_its_next_events_to_the_queue()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterWebhookBotAsync(portal, receiver.Url);
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        (await portal.CallAsync(V2.BotUpdate, V2.Body(botId, rest: new JsonObject { ["fields"] = new JsonObject { ["eventMode"] = "fetch" } }))).AssertSuccess();
        await BotEvents.CustomerWritesAsync(portal, "after the switch");
        await portal.Portal.WhenEventsDeliveredAsync();

        Assert.Equal([BotEventTypes.JoinChat], receiver.Received.Select(e => e.Event));
        Assert.Equal([BotEventTypes.MessageAdd], portal.Portal.State.QueuedEvents(botId).Select(e => e.Type));
    }
}
