using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// imbot.v2.Chat.Message.* against the examples of their pages (api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/*.md).
/// Unless a test says otherwise, a page's JS, PHP, BX24.js and PHP CRest tabs send its cURL (OAuth) body without
/// auth, and its Go tab the cURL (Webhook) body.
/// </summary>
public sealed class ChatMessageExampleTests
{
    // ----- Chat.Message.send (messages/chat-message-send.md) --------------------------------------------------

    private static ChatMessageSendFields HelloWithOpenButton() => new()
    {
        Message = "Hello from bot!",
        Keyboard = new() { Buttons = [new KeyboardButton { Text = "Open", Link = "https://example.com", BgColorToken = ColorToken.Primary }] },
    };

    [Fact]
    public async Task Send_sends_the_webhook_example_with_its_keyboard_in_the_full_form()
    {
        // The cURL (Webhook) and Go tabs pass KEYBOARD's short form (a bare array of buttons); the SDK sends the
        // documented equivalent {"BUTTONS": [...]}.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "chat-message-send.webhook.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", BotToken, HelloWithOpenButton()), KeyboardAsFullForm);
    }

    [Fact]
    public async Task Send_sends_the_js_php_and_bx24_example_with_its_keyboard_in_the_full_form()
    {
        // The JS, PHP and BX24.js tabs: the keyboard, no botToken.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "chat-message-send.js.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: HelloWithOpenButton()), KeyboardAsFullForm);
    }

    [Fact]
    public async Task Send_sends_the_oauth_and_crest_examples()
    {
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.send", "chat-message-send.oauth.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Hello from bot!" }));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "chat-message-send.oauth.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Hello from bot!" }), WithoutAuth);
    }

    [Fact]
    public async Task Send_reads_the_response_examples()
    {
        (ChatMessageSendResult page, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Hello from bot!" }));
        Assert.Equal(789, page.Id);
        Assert.Empty(page.UuidMap!);

        // attachments/index.md "What Is Returned in the Response" and send-command.md "What the Call Returns":
        // the same result, without the time block.
        foreach (string file in new[] { "attach-send.response.json", "send-command.response.json" })
        {
            (ChatMessageSendResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", file,
                c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "x" }));
            Assert.Equal(789, result.Id);
            Assert.Empty(result.UuidMap!);
        }
    }

    [Fact]
    public async Task Send_reads_a_uuidMap_and_sends_forwardIds_as_the_page_describes()
    {
        // The page describes forwardIds {uuid: messageId} and the result's uuidMap {uuid: newMessageId}; it gives
        // no example with values, so this one follows the description.
        var request = new ImBotV2ChatMessageSendRequest
        {
            BotId = 456,
            DialogId = "chat5",
            Fields = new() { ForwardIds = new Dictionary<string, int> { ["3f2a1c9e-8d7b-4e6f-9a5b-1c2d3e4f5a6b"] = 785 } },
        };
        var portal = new DocsPortal("""{"result":{"id":790,"uuidMap":{"3f2a1c9e-8d7b-4e6f-9a5b-1c2d3e4f5a6b":791}},"time":{"start":1728626400.123}}""");
        using Bitrix24Client client = Client(DocsAuth.Webhook, portal);

        ChatMessageSendResult result = await client.ImBot.V2.Chat.Message.SendAsync(request);

        Assert.Equal(790, result.Id);
        Assert.Equal(791, result.UuidMap!["3f2a1c9e-8d7b-4e6f-9a5b-1c2d3e4f5a6b"]);
        AssertSameJson(JsonNode.Parse("""{"botId":456,"dialogId":"chat5","fields":{"forwardIds":{"3f2a1c9e-8d7b-4e6f-9a5b-1c2d3e4f5a6b":785}}}""")!,
            Assert.Single(portal.Requests).Body);
    }

    // ----- Chat.Message.update (messages/chat-message-update.md) ----------------------------------------------

    [Fact]
    public async Task Update_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.update", "chat-message-update.webhook.json", "chat-message-update.response.json",
            c => c.ImBot.V2.Chat.Message.UpdateAsync(456, 789, new() { Message = "Updated text" }, BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.update", "chat-message-update.oauth.json", "chat-message-update.response.json",
            c => c.ImBot.V2.Chat.Message.UpdateAsync(456, 789, new() { Message = "Updated text" })));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.update", "chat-message-update.oauth.json", "chat-message-update.response.json",
            c => c.ImBot.V2.Chat.Message.UpdateAsync(456, 789, new() { Message = "Updated text" }), WithoutAuth);
    }

    [Fact]
    public async Task Update_removes_the_keyboard_with_null_and_sends_urlPreview_as_Y_or_N()
    {
        // "To remove the keyboard, pass "N" or an empty value": the SDK's way is a keyboard set to null, sent as null.
        // urlPreview is a Y/N string on this page (unlike send and answer).
        var request = new ImBotV2ChatMessageUpdateRequest
        {
            BotId = 456,
            MessageId = 789,
            Fields = new() { Keyboard = null, UrlPreview = false },
        };
        (_, string body) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.update", "chat-message-update.response.json",
            c => c.ImBot.V2.Chat.Message.UpdateAsync(request));

        AssertSameJson(JsonNode.Parse("""{"botId":456,"messageId":789,"fields":{"keyboard":null,"urlPreview":"N"}}""")!, body);
    }

    [Fact]
    public async Task Update_leaves_the_keyboard_out_when_it_is_not_set()
    {
        (_, string body) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.update", "chat-message-update.response.json",
            c => c.ImBot.V2.Chat.Message.UpdateAsync(456, 789, new() { UrlPreview = true }));

        AssertSameJson(JsonNode.Parse("""{"botId":456,"messageId":789,"fields":{"urlPreview":"Y"}}""")!, body);
    }

    // ----- Chat.Message.delete / read / get / getContext ------------------------------------------------------

    [Fact]
    public async Task Delete_sends_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.delete", "chat-message-delete.webhook.json", "chat-message-delete.response.json",
            c => c.ImBot.V2.Chat.Message.DeleteAsync(456, 789, BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.delete", "chat-message-delete.oauth.json", "chat-message-delete.response.json",
            c => c.ImBot.V2.Chat.Message.DeleteAsync(456, 789)));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.delete", "chat-message-delete.oauth.json", "chat-message-delete.response.json",
            c => c.ImBot.V2.Chat.Message.DeleteAsync(456, 789), WithoutAuth);
    }

    [Fact]
    public async Task Read_sends_the_examples_and_reads_the_response_example()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.read", "chat-message-read.webhook.json", "chat-message-read.response.json",
            c => c.ImBot.V2.Chat.Message.ReadAsync(456, "chat5", BotToken, messageId: 789));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.read", "chat-message-read.oauth.json", "chat-message-read.response.json",
            c => c.ImBot.V2.Chat.Message.ReadAsync(456, "chat5", messageId: 789), WithoutAuth);
        ChatMessageReadResult result = await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.read", "chat-message-read.oauth.json",
            "chat-message-read.response.json", c => c.ImBot.V2.Chat.Message.ReadAsync(456, "chat5", messageId: 789));

        Assert.Equal(5, result.ChatId);
        Assert.Equal(789, result.LastId);
        Assert.Equal(0, result.Counter);
        Assert.Equal([785, 786, 789], result.ViewedMessages!);
    }

    [Fact]
    public async Task Get_sends_the_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.get", "chat-message-get.webhook.json", "chat-message-get.response.json",
            c => c.ImBot.V2.Chat.Message.GetAsync(456, 789, BotToken));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.get", "chat-message-get.oauth.json", "chat-message-get.response.json",
            c => c.ImBot.V2.Chat.Message.GetAsync(456, 789));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.get", "chat-message-get.oauth.json", "chat-message-get.response.json",
            c => c.ImBot.V2.Chat.Message.GetAsync(456, 789), WithoutAuth);
    }

    [Fact]
    public async Task Get_reads_the_response_example()
    {
        (ChatMessageGetResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.get", "chat-message-get.response.json",
            c => c.ImBot.V2.Chat.Message.GetAsync(456, 789));

        Message message = result.Message;
        Assert.Equal(789, message.Id);
        Assert.Equal(5, message.ChatId);
        Assert.Equal(1, message.AuthorId);
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 14, 30, 0, TimeSpan.FromHours(2)), message.Date);
        Assert.Equal("Hello! How are you?", message.Text);
        Assert.False(message.IsSystem);
        Assert.Equal("", message.Uuid);
        Assert.Null(message.Forward);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, message.Params!.Value.ValueKind);
        Assert.True(message.ViewedByOthers);
        Assert.Equal(1, result.User!.Id);
        Assert.Equal("John Smith", result.User.Name);
        Assert.False(result.User.Bot);
    }

    [Fact]
    public async Task GetContext_sends_the_examples_and_reads_the_response_example()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.getContext", "chat-message-get-context.webhook.json", "chat-message-get-context.response.json",
            c => c.ImBot.V2.Chat.Message.GetContextAsync(456, 789, BotToken, range: 20));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.getContext", "chat-message-get-context.oauth.json", "chat-message-get-context.response.json",
            c => c.ImBot.V2.Chat.Message.GetContextAsync(456, 789, range: 20), WithoutAuth);
        ChatMessageGetContextResult result = await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.getContext", "chat-message-get-context.oauth.json",
            "chat-message-get-context.response.json", c => c.ImBot.V2.Chat.Message.GetContextAsync(456, 789, range: 20));

        Assert.Equal([785, 789], result.Messages.Select(m => m.Id));
        Assert.Equal("Good afternoon!", result.Messages[0].Text);
        Assert.Equal(2, result.Messages[1].AuthorId);
        Assert.Equal(["John Smith", "Anna Davis"], result.Users!.Select(u => u.Name));
        Assert.False(result.HasPrevPage);
        Assert.True(result.HasNextPage);
    }

    // ----- Chat.Message.Reaction.add / delete -----------------------------------------------------------------

    [Fact]
    public async Task Reaction_add_and_delete_send_the_examples()
    {
        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.Reaction.add", "chat-message-reaction-add.webhook.json",
            "chat-message-reaction-add.response.json", c => c.ImBot.V2.Chat.Message.Reaction.AddAsync(456, 789, "like", BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.Reaction.add", "chat-message-reaction-add.oauth.json",
            "chat-message-reaction-add.response.json", c => c.ImBot.V2.Chat.Message.Reaction.AddAsync(456, 789, "like")));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.Reaction.add", "chat-message-reaction-add.oauth.json",
            "chat-message-reaction-add.response.json", c => c.ImBot.V2.Chat.Message.Reaction.AddAsync(456, 789, "like"), WithoutAuth);

        Assert.True(await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.Reaction.delete", "chat-message-reaction-delete.webhook.json",
            "chat-message-reaction-delete.response.json", c => c.ImBot.V2.Chat.Message.Reaction.DeleteAsync(456, 789, "like", BotToken)));
        Assert.True(await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.Reaction.delete", "chat-message-reaction-delete.oauth.json",
            "chat-message-reaction-delete.response.json", c => c.ImBot.V2.Chat.Message.Reaction.DeleteAsync(456, 789, "like")));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.Reaction.delete", "chat-message-reaction-delete.oauth.json",
            "chat-message-reaction-delete.response.json", c => c.ImBot.V2.Chat.Message.Reaction.DeleteAsync(456, 789, "like"), WithoutAuth);
    }
}
