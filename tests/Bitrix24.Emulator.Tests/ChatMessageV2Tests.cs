using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>imbot.v2.Chat.Message.send</c>, <c>.update</c> and <c>.delete</c> (BOTS-V2.md §1.4, §5, §6): messages in the
/// transcript with their keyboard and attachment exactly as sent, the documented errors and limits.
/// </summary>
public sealed class ChatMessageV2Tests
{
    // message-keyboards.md "Example of Sending a Message with a Keyboard", cURL (Webhook), verbatim but for ids.
    private const string KeyboardExample =
        """{"botId":456,"botToken":"my_bot_token","dialogId":"chat2725","fields":{"message":"Select action","keyboard":{"BOT_ID":456,"BUTTONS":[{"TEXT":"Open website","LINK":"https://www.example.com/"},{"TYPE":"NEWLINE"},{"TEXT":"Insert command","ACTION":"PUT","ACTION_VALUE":"/help"}]}}}""";

    // chat-message-send.md, cURL (Webhook): the short keyboard form.
    private const string SendExample =
        """{"botId":456,"botToken":"my_bot_token","dialogId":"chat5","fields":{"message":"Hello from bot!","keyboard":[{"TEXT":"Open","LINK":"https://example.com","BG_COLOR_TOKEN":"primary"}]}}""";

    // attachments/index.md, full and short forms, cURL (Webhook).
    private const string FullAttachExample =
        """{"botId":456,"botToken":"my_bot_token","dialogId":"chat20921","fields":{"message":"Attachment with primary color","attach":{"ID":1,"COLOR_TOKEN":"primary","COLOR":"#29619b","BLOCKS":[{"MESSAGE":"The API will be available in the update [B]im 24.0.0[/B]"}]}}}""";

    private const string ShortAttachExample =
        """{"botId":456,"botToken":"my_bot_token","dialogId":"chat20921","fields":{"message":"Text block","attach":[{"MESSAGE":"The API will be available in the update [B]im 24.0.0[/B]"}]}}""";

    // BOTS-V2.md §5.2, the mixed-blocks example.
    private const string MixedBlocks =
        """[{"MESSAGE":"Request #142"},{"DELIMITER":{"SIZE":200,"COLOR":"#c6c6c6"}},{"GRID":[{"DISPLAY":"ROW","NAME":"Status","VALUE":"In progress"}]},{"LINK":{"NAME":"Open the request","LINK":"/crm/deal/details/142/"}}]""";

    private static Task<ApiResponse> Send(TestPortal portal, int botId, JsonObject fields, string dialogId = V2.Chat112) =>
        portal.CallAsync(V2.MessageSend, V2.Body(botId, rest: new JsonObject { ["dialogId"] = dialogId, ["fields"] = fields }));

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    // --- send ---

    [Fact]
    public async Task Send_with_the_docs_example_posts_the_message_with_its_short_form_keyboard_as_sent()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        JsonNode? result = (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(SendExample, botId))).AssertSuccess();

        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal(new JsonObject { ["id"] = posted.Id, ["uuidMap"] = new JsonObject() }.ToJsonString(), result!.ToJsonString());
        Assert.Equal((botId, "Support Bot", "Hello from bot!", false, botId), (posted.AuthorId, posted.AuthorName, posted.Text, posted.IsSystem, posted.BotId));
        Assert.Equal("""[{"TEXT":"Open","LINK":"https://example.com","BG_COLOR_TOKEN":"primary"}]""", posted.Keyboard?.ToJsonString());
        Assert.Null(posted.Attach);
        Assert.Equal(TestClock.Epoch, posted.Time);
    }

    [Fact]
    public async Task Send_keeps_a_full_form_keyboard_exactly_as_sent()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(KeyboardExample, botId))).AssertSuccess();

        string expected = V2.Docs(KeyboardExample, botId);
        Assert.Equal(Parse(expected)["fields"]!["keyboard"]!.ToJsonString(), portal.Chat.Transcript[^1].Keyboard?.ToJsonString());
    }

    [Fact]
    public async Task A_keyboard_sent_as_a_JSON_string_is_kept_parsed()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        const string Keyboard = """{"BOT_ID":9,"BUTTONS":[{"TEXT":"Help","COMMAND":"help","COMMAND_PARAMS":"all","BLOCK":"Y"}]}""";

        (await Send(portal, botId, new JsonObject { ["message"] = "Pick one", ["keyboard"] = Keyboard })).AssertSuccess();

        Assert.Equal(Keyboard, portal.Chat.Transcript[^1].Keyboard?.ToJsonString());
    }

    [Theory]
    [InlineData(FullAttachExample)]
    [InlineData(ShortAttachExample)]
    public async Task Send_keeps_a_full_or_short_form_attachment_exactly_as_sent(string example)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(example, botId))).AssertSuccess();

        Assert.Equal(Parse(example)["fields"]!["attach"]!.ToJsonString(), portal.Chat.Transcript[^1].Attach?.ToJsonString());
    }

    [Fact]
    public async Task An_attachment_alone_is_a_message_and_mixed_blocks_are_accepted()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await Send(portal, botId, new JsonObject { ["attach"] = Parse(MixedBlocks) })).AssertSuccess();

        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal((string.Empty, MixedBlocks), (posted.Text, posted.Attach?.ToJsonString()));
    }

    [Fact]
    public async Task The_transcript_endpoint_shows_each_messages_keyboard_and_attachment()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(KeyboardExample, botId))).AssertSuccess();
        (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(ShortAttachExample, botId))).AssertSuccess();

        JsonNode chat = (await portal.Http.GetAsync("_emulator/chats/112")).Json!;

        JsonArray transcript = chat["transcript"]!.AsArray();
        Assert.Equal(3, transcript.Count);
        Assert.Equal(("Chris Customer", 8, null, null), (transcript[0]!["author"]!.GetValue<string>(), transcript[0]!["authorId"]!.GetValue<int>(), transcript[0]!["keyboard"], transcript[0]!["attach"]));
        Assert.Equal(("Support Bot", botId, "Select action"), (transcript[1]!["author"]!.GetValue<string>(), transcript[1]!["authorId"]!.GetValue<int>(), transcript[1]!["text"]!.GetValue<string>()));
        Assert.Equal(Parse(V2.Docs(KeyboardExample, botId))["fields"]!["keyboard"]!.ToJsonString(), transcript[1]!["keyboard"]!.ToJsonString());
        Assert.Equal(Parse(ShortAttachExample)["fields"]!["attach"]!.ToJsonString(), transcript[2]!["attach"]!.ToJsonString());
        Assert.Equal(($"bot {botId}", "Active"), (chat["owner"]!.GetValue<string>(), chat["status"]!.GetValue<string>())); // the line's current bot
        Assert.Equal([DemoPortal.CustomerId, DemoPortal.BotId, botId], chat["members"]!.AsArray().Select(m => m!.GetValue<int>()));
    }

    [Fact]
    public async Task A_v2_bot_gets_ACCESS_DENIED_until_it_is_a_member_of_chat_112()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal, fields: new JsonObject { ["type"] = "openline" });

        ApiResponse before = await Send(portal, botId, new JsonObject { ["message"] = "Hello?" });
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        ApiResponse after = await Send(portal, botId, new JsonObject { ["message"] = "Hello!" });

        before.AssertError(403, "ACCESS_DENIED");
        after.AssertSuccess();
        Assert.Equal(["Hi! I have a question about my order.", "Hello!"], portal.Chat.Transcript.Select(m => m.Text));
    }

    [Fact]
    public async Task Access_is_checked_before_the_content()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterAsync(portal);

        (await Send(portal, botId, new JsonObject())).AssertError(403, "ACCESS_DENIED");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"message":""}""")]
    [InlineData("""{"message":"   "}""")]
    [InlineData("""{"keyboard":[{"TEXT":"Only a button","LINK":"https://example.com"}]}""")]
    [InlineData("""{"message":"","attach":[]}""")]
    [InlineData("""{"attach":"N"}""")]
    public async Task Without_text_or_an_attachment_send_is_400_EMPTY_MESSAGE(string? fields)
    {
        // BOTS-V2.md §9.11: fields is not marked required, yet a message needs text or an attachment.
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        JsonObject body = V2.Body(botId, rest: new JsonObject { ["dialogId"] = V2.Chat112 });
        if (fields is not null)
        {
            body["fields"] = Parse(fields);
        }

        ApiResponse response = await portal.CallAsync(V2.MessageSend, body);

        response.AssertError(400, "EMPTY_MESSAGE");
        Assert.Equal("Message is empty", response.ErrorDescription);
        Assert.Single(portal.Chat.Transcript);
    }

    [Theory]
    [InlineData(true)]
    [InlineData("Y")]
    public async Task A_system_message_has_authorId_0_and_shows_the_bots_name(object system)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await Send(portal, botId, new JsonObject { ["message"] = "The bot joined", ["system"] = JsonValue.Create(system) })).AssertSuccess();

        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal((0, "Support Bot", true, botId), (posted.AuthorId, posted.AuthorName, posted.IsSystem, posted.BotId));
    }

    [Fact]
    public async Task UrlPreview_and_replyId_are_kept()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int question = portal.Chat.Transcript[0].Id;

        (await Send(portal, botId, new JsonObject { ["message"] = "See https://example.com", ["urlPreview"] = false, ["replyId"] = question })).AssertSuccess();
        (await Send(portal, botId, new JsonObject { ["message"] = "Plain", ["urlPreview"] = "N" })).AssertSuccess();
        (await Send(portal, botId, new JsonObject { ["message"] = "Default" })).AssertSuccess();

        IReadOnlyList<TranscriptMessage> transcript = portal.Chat.Transcript;
        Assert.Equal((false, (int?)question), (transcript[1].UrlPreview, transcript[1].ReplyId));
        Assert.Equal((false, (int?)null), (transcript[2].UrlPreview, transcript[2].ReplyId));
        Assert.True(transcript[3].UrlPreview);
    }

    [Fact]
    public async Task Text_over_20000_characters_is_cut_and_marked()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        string exact = new('a', 20_000);
        string over = new string('b', 19_999) + "😀" + "tail";

        (await Send(portal, botId, new JsonObject { ["message"] = exact })).AssertSuccess();
        (await Send(portal, botId, new JsonObject { ["message"] = over })).AssertSuccess();

        Assert.Equal(exact, portal.Chat.Transcript[1].Text);
        Assert.Equal(new string('b', 19_999) + "😀" + " (...)", portal.Chat.Transcript[2].Text); // 20,000 code points; the emoji is not split
    }

    [Fact]
    public async Task Text_is_trimmed()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await Send(portal, botId, new JsonObject { ["message"] = "  Hello  \n" })).AssertSuccess();

        Assert.Equal("Hello", portal.Chat.Transcript[^1].Text);
    }

    [Theory]
    [InlineData("""{"ID":1,"COLOR":"#29619b"}""")]
    [InlineData("""{"ID":1,"BLOCKS":[]}""")]
    [InlineData("""[{"NOT_A_BLOCK":"x"}]""")]
    [InlineData("""[{"MESSAGE":"one","LINK":{"LINK":"/two"}}]""")]
    [InlineData("""["just text"]""")]
    [InlineData("\"not json\"")]
    [InlineData("42")]
    public async Task A_malformed_attachment_is_400_ATTACH_ERROR(string attach)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        ApiResponse response = await Send(portal, botId, new JsonObject { ["message"] = "with a bad attachment", ["attach"] = Parse(attach) });

        response.AssertError(400, "ATTACH_ERROR");
        Assert.Single(portal.Chat.Transcript);
    }

    [Fact]
    public async Task An_attachment_over_60000_serialized_characters_is_400_ATTACH_OVERSIZE()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        var fits = new JsonArray(new JsonObject { ["MESSAGE"] = new string('x', 60_000 - """[{"MESSAGE":""}]""".Length) });
        var over = new JsonArray(new JsonObject { ["MESSAGE"] = new string('x', 60_001 - """[{"MESSAGE":""}]""".Length) });

        ApiResponse ok = await Send(portal, botId, new JsonObject { ["attach"] = fits });
        ApiResponse tooBig = await Send(portal, botId, new JsonObject { ["message"] = "big", ["attach"] = over });

        ok.AssertSuccess();
        tooBig.AssertError(400, "ATTACH_OVERSIZE");
        Assert.Equal(2, portal.Chat.Transcript.Count);
    }

    [Fact]
    public async Task A_form_encoded_attachment_and_keyboard_arrive_as_PHP_arrays()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);

        (await portal.CallFormAsync(V2.MessageSend,
            ("botId", botId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("botToken", V2.Token), ("dialogId", V2.Chat112),
            ("fields[attach][0][MESSAGE]", "From a form"), ("fields[keyboard][0][TEXT]", "Open"), ("fields[keyboard][0][LINK]", "https://example.com"))).AssertSuccess();

        TranscriptMessage posted = portal.Chat.Transcript[^1];
        Assert.Equal("""{"0":{"MESSAGE":"From a form"}}""", posted.Attach?.ToJsonString());
        Assert.Equal("""{"0":{"TEXT":"Open","LINK":"https://example.com"}}""", posted.Keyboard?.ToJsonString());
    }

    [Fact]
    public async Task A_stored_keyboard_cannot_be_changed_through_a_snapshot()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(SendExample, botId))).AssertSuccess();

        portal.Chat.Transcript[^1].Keyboard!.AsArray().Clear();

        Assert.Single(portal.Chat.Transcript[^1].Keyboard!.AsArray());
    }

    // --- update ---

    [Fact]
    public async Task Update_with_the_docs_example_changes_the_text_and_keeps_the_keyboard()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        JsonNode? sent = (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(SendExample, botId))).AssertSuccess();
        int messageId = sent!["id"]!.GetValue<int>();

        ApiResponse response = await portal.CallJsonAsync(V2.MessageUpdate,
            V2.Docs("""{"botId":456,"botToken":"my_bot_token","messageId":789,"fields":{"message":"Updated text"}}""", botId).Replace("789", messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        V2.AssertResultTrue(response);
        TranscriptMessage updated = portal.Chat.Transcript[^1];
        Assert.Equal((messageId, "Updated text", true), (updated.Id, updated.Text, updated.IsEdited));
        Assert.NotNull(updated.Keyboard);
    }

    [Theory]
    [InlineData("\"N\"")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    public async Task Update_with_keyboard_N_or_empty_removes_the_keyboard(string keyboard)
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int messageId = (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(KeyboardExample, botId))).AssertSuccess()!["id"]!.GetValue<int>();

        V2.AssertResultTrue(await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject { ["messageId"] = messageId, ["fields"] = new JsonObject { ["keyboard"] = Parse(keyboard) } })));

        TranscriptMessage updated = portal.Chat.Transcript[^1];
        Assert.Null(updated.Keyboard);
        Assert.Equal("Select action", updated.Text);
    }

    [Fact]
    public async Task Update_replaces_the_keyboard_and_attachment_and_reads_urlPreview_as_Y_N()
    {
        // BOTS-V2.md §9.4: urlPreview is a Y/N string on this page, a boolean elsewhere.
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int messageId = (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(FullAttachExample, botId))).AssertSuccess()!["id"]!.GetValue<int>();

        V2.AssertResultTrue(await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject
        {
            ["messageId"] = messageId,
            ["fields"] = new JsonObject { ["attach"] = Parse(MixedBlocks), ["keyboard"] = Parse("""{"BOT_ID":1,"BUTTONS":[{"TEXT":"New"}]}"""), ["urlPreview"] = "N" },
        })));
        V2.AssertResultTrue(await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject { ["messageId"] = messageId, ["fields"] = new JsonObject { ["urlPreview"] = true } })));

        TranscriptMessage updated = portal.Chat.Transcript[^1];
        Assert.Equal(MixedBlocks, updated.Attach?.ToJsonString());
        Assert.Equal("""{"BOT_ID":1,"BUTTONS":[{"TEXT":"New"}]}""", updated.Keyboard?.ToJsonString());
        Assert.Equal("Attachment with primary color", updated.Text);
        Assert.True(updated.UrlPreview);
    }

    [Fact]
    public async Task Update_cuts_text_over_20000_characters()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int messageId = await V2.SendAsync(portal, botId, "short");

        V2.AssertResultTrue(await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject { ["messageId"] = messageId, ["fields"] = new JsonObject { ["message"] = new string('z', 20_001) } })));

        Assert.Equal(new string('z', 20_000) + " (...)", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task Update_of_a_message_that_is_not_the_bots_own_is_403_ACCESS_DENIED()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int customers = portal.Chat.Transcript[0].Id;
        int demoBots = await V2.SendAsync(portal, DemoPortal.BotId, "from the demo bot", DemoPortal.BotClientId);
        (await Send(portal, botId, new JsonObject { ["message"] = "system", ["system"] = true })).AssertSuccess();
        int system = portal.Chat.Transcript[^1].Id;

        foreach (int messageId in new[] { customers, demoBots, system, 999 })
        {
            ApiResponse response = await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject { ["messageId"] = messageId, ["fields"] = new JsonObject { ["message"] = "hijacked" } }));
            response.AssertError(403, "ACCESS_DENIED");
        }

        Assert.DoesNotContain(portal.Chat.Transcript, m => m.Text == "hijacked");
    }

    // --- delete ---

    [Fact]
    public async Task Delete_with_the_docs_example_deletes_softly_and_complete_removes_the_message()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await V2.RegisterInChat112Async(portal);
        int soft = (await portal.CallJsonAsync(V2.MessageSend, V2.Docs(KeyboardExample, botId))).AssertSuccess()!["id"]!.GetValue<int>();
        int complete = await V2.SendAsync(portal, botId, "gone for good");

        ApiResponse response = await portal.CallJsonAsync(V2.MessageDelete,
            V2.Docs("""{"botId":456,"botToken":"my_bot_token","messageId":789}""", botId).Replace("789", soft.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        V2.AssertResultTrue(await portal.CallAsync(V2.MessageDelete, V2.Body(botId, rest: new JsonObject { ["messageId"] = complete, ["complete"] = "Y" })));

        V2.AssertResultTrue(response);
        IReadOnlyList<TranscriptMessage> transcript = portal.Chat.Transcript;
        Assert.Equal([transcript[0].Id, soft], transcript.Select(m => m.Id));
        Assert.Equal((true, string.Empty, null, null), (transcript[1].IsDeleted, transcript[1].Text, transcript[1].Keyboard, transcript[1].Attach));
        (await portal.CallAsync(V2.MessageUpdate, V2.Body(botId, rest: new JsonObject { ["messageId"] = soft, ["fields"] = new JsonObject { ["message"] = "back" } }))).AssertError(403, "ACCESS_DENIED");
        Assert.True((await portal.Http.GetAsync("_emulator/chats/112")).Json!["transcript"]![1]!["deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_bot_that_does_not_administer_the_chat_cannot_delete_others_messages()
    {
        await using var portal = await TestPortal.StartAsync();
        // Invited, not connected to the line: a member that does not own the session.
        int botId = await V2.RegisterAsync(portal, fields: new JsonObject { ["type"] = "openline" });
        portal.Portal.State.AddChatMember(DemoPortal.ChatId, botId);
        int customers = portal.Chat.Transcript[0].Id;
        (await Send(portal, botId, new JsonObject { ["message"] = "system", ["system"] = true })).AssertSuccess();
        int system = portal.Chat.Transcript[^1].Id;

        foreach (int messageId in new[] { customers, system, 999 })
        {
            (await portal.CallAsync(V2.MessageDelete, V2.Body(botId, rest: new JsonObject { ["messageId"] = messageId }))).AssertError(403, "ACCESS_DENIED");
        }

        Assert.Equal(2, portal.Chat.Transcript.Count(m => !m.IsDeleted));
    }

    [Fact]
    public async Task The_bot_that_owns_the_session_administers_the_chat_and_may_delete_any_message()
    {
        await using var portal = await TestPortal.StartAsync();
        int customers = portal.Chat.Transcript[0].Id;

        V2.AssertResultTrue(await portal.CallAsync(V2.MessageDelete, V2.Body(DemoPortal.BotId, DemoPortal.BotClientId, new JsonObject { ["messageId"] = customers })));

        Assert.True(portal.Chat.Transcript[0].IsDeleted);
    }
}
