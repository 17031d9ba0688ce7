using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// KEYBOARD and ATTACH in imbot.v2.Chat.Message.send: the examples of messages/message-keyboards.md,
/// messages/message-formatting.md, messages/attachments/index.md, constructor.md and block-collections/*.md.
/// The SDK always sends the full forms ({"BOT_ID", "BUTTONS"} and {"ID", "COLOR_TOKEN", "COLOR", "BLOCKS"}); where
/// an example uses a short form, the test wraps it as the docs say the portal does.
/// </summary>
public sealed class KeyboardAndAttachExampleTests
{
    private const string Send = "imbot.v2.Chat.Message.send";
    private const string Response = "chat-message-send.response.json";

    // ----- message-keyboards.md -------------------------------------------------------------------------------

    private static Keyboard SelectActionKeyboard() => new()
    {
        BotId = 456,
        Buttons =
        [
            new KeyboardButton { Text = "Open website", Link = "https://www.example.com/" },
            new KeyboardButton { Type = KeyboardButtonType.Newline },
            new KeyboardButton { Text = "Insert command", Action = KeyboardButtonAction.Put, ActionValue = "/help" },
        ],
    };

    [Fact]
    public async Task Keyboard_page_webhook_example()
    {
        await AssertSendsAsync(DocsAuth.Webhook, Send, "message-keyboards.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", BotToken, new() { Message = "Select action", Keyboard = SelectActionKeyboard() }));
    }

    [Fact]
    public async Task Keyboard_page_oauth_and_code_examples()
    {
        // The cURL (OAuth) tab says "Select an action" where the cURL (Webhook) tab says "Select action"; the JS,
        // PHP, BX24.js and CRest tabs send the OAuth body without auth.
        await AssertSendsAsync(DocsAuth.OAuth, Send, "message-keyboards.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", fields: new() { Message = "Select an action", Keyboard = SelectActionKeyboard() }));
        await AssertSendsAsync(DocsAuth.Webhook, Send, "message-keyboards.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", fields: new() { Message = "Select an action", Keyboard = SelectActionKeyboard() }), WithoutAuth);
    }

    [Fact]
    public async Task Keyboard_full_and_short_format_fragments()
    {
        // {"KEYBOARD": {...}} and {"KEYBOARD": [...]} show im.message.add's carrier; in imbot.v2 it is fields.keyboard.
        var button = new KeyboardButton { Text = "Button", Link = "https://example.com" };

        JsonNode full = await SentMember(new() { Keyboard = new() { BotId = 456, Buttons = [button] } }, "keyboard");
        Assert.True(JsonNode.DeepEquals(Json("message-keyboards.full-form.json")["KEYBOARD"], full), full.ToJsonString());

        JsonNode shortForm = await SentMember(new() { Keyboard = new() { Buttons = [button] } }, "keyboard");
        var wrapped = new JsonObject { ["BUTTONS"] = Json("message-keyboards.short-form.json")["KEYBOARD"]!.DeepClone() };
        Assert.True(JsonNode.DeepEquals(wrapped, shortForm), shortForm.ToJsonString());
    }

    [Fact]
    public async Task Every_button_member_goes_out_with_its_UPPER_CASE_name()
    {
        // The "Button Fields" table; no single docs example uses every member.
        var button = new KeyboardButton
        {
            Text = "Run", Link = "/crm/", Command = "help", CommandParams = "all", Action = KeyboardButtonAction.Dialog, ActionValue = "chat5",
            AppId = 7, AppParams = "x=1", Type = KeyboardButtonType.Newline, Block = true, Disabled = false,
            Context = KeyboardButtonContext.Mobile, Display = KeyboardButtonDisplay.Line, Width = 120, BgColor = "#29619b",
            BgColorToken = ColorToken.Alert, TextColor = "#ffffff", OffBgColor = "#cccccc", OffTextColor = "#333333",
        };

        JsonNode sent = await SentMember(new() { Keyboard = new() { Buttons = [button] } }, "keyboard");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"BUTTONS":[{"TEXT":"Run","LINK":"/crm/","COMMAND":"help","COMMAND_PARAMS":"all","ACTION":"DIALOG","ACTION_VALUE":"chat5",
            "APP_ID":7,"APP_PARAMS":"x=1","TYPE":"NEWLINE","BLOCK":"Y","DISABLED":"N","CONTEXT":"MOBILE","DISPLAY":"LINE","WIDTH":120,
            "BG_COLOR":"#29619b","BG_COLOR_TOKEN":"alert","TEXT_COLOR":"#ffffff","OFF_BG_COLOR":"#cccccc","OFF_TEXT_COLOR":"#333333"}]}
            """), sent), sent.ToJsonString());
    }

    // ----- message-formatting.md ------------------------------------------------------------------------------

    [Fact]
    public async Task Formatting_page_examples()
    {
        const string text = "[b]Important message[/b][br]Open [url=https://bitrix24.com]site[/url][br][send=/help]Help[/send]";
        await AssertSendsAsync(DocsAuth.Webhook, Send, "message-formatting.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", BotToken, new() { Message = text }));
        await AssertSendsAsync(DocsAuth.OAuth, Send, "message-formatting.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", fields: new() { Message = text }));
        await AssertSendsAsync(DocsAuth.Webhook, Send, "message-formatting.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat2725", fields: new() { Message = text }), WithoutAuth);
    }

    // ----- attachments/index.md -------------------------------------------------------------------------------

    private const string ApiUpdate = "The API will be available in the update [B]im 24.0.0[/B]";

    [Fact]
    public async Task Attach_full_form_examples()
    {
        static ChatMessageSendFields Fields() => new()
        {
            Message = "Attachment with primary color",
            Attach = new() { Id = 1, ColorToken = ColorToken.Primary, Color = "#29619b", Blocks = [new AttachBlock { Message = ApiUpdate }] },
        };

        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-full-form.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", BotToken, Fields()));
        await AssertSendsAsync(DocsAuth.OAuth, Send, "attach-full-form.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()));
        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-full-form.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()), WithoutAuth);
    }

    [Fact]
    public async Task Attach_short_form_examples_go_out_in_the_full_form()
    {
        static ChatMessageSendFields Fields() => new() { Message = "Text block", Attach = new() { Blocks = [new AttachBlock { Message = ApiUpdate }] } };

        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-short-form.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", BotToken, Fields()), AttachAsFullForm);
        await AssertSendsAsync(DocsAuth.OAuth, Send, "attach-short-form.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()), AttachAsFullForm);
        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-short-form.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()), b => AttachAsFullForm(WithoutAuth(b)));
    }

    // ----- attachments/constructor.md -------------------------------------------------------------------------

    private static ChatMessageSendFields BugTrackerCard() => new()
    {
        Message = "Task Card",
        Attach = new()
        {
            Blocks =
            [
                new AttachBlock { User = new() { Name = "Mantis Notifications", Avatar = "https://files.shelenkov.com/bitrix/images/mantis2.jpg", Link = "https://shelenkov.com/" } },
                new AttachBlock { Link = new() { Name = "Open Mantis from external network", Link = "https://shelenkov.com/" } },
                new AttachBlock { Delimiter = new() { Size = 200, Color = "#c6c6c6" } },
                new AttachBlock
                {
                    Grid =
                    [
                        new AttachGridItem { Name = "Project", Value = "BUGS", Display = AttachGridDisplay.Line, Width = 100 },
                        new AttachGridItem { Name = "Category", Value = "im", Display = AttachGridDisplay.Line, Width = 100 },
                        new AttachGridItem
                        {
                            Name = "Summary",
                            Value = "It is necessary to implement the ability to add structured entities to messages and notifications in the messenger.",
                            Display = AttachGridDisplay.Block,
                        },
                    ],
                },
                new AttachBlock { Delimiter = new() { Size = 200, Color = "#c6c6c6" } },
                new AttachBlock
                {
                    Grid =
                    [
                        new AttachGridItem { Name = "New Request", Value = "", Display = AttachGridDisplay.Row, Width = 100 },
                        new AttachGridItem { Name = "Assigned To", Value = "Eugene Shelenkov", Display = AttachGridDisplay.Row, Width = 100 },
                        new AttachGridItem { Name = "Deadline", Value = "11/04/2015 05:50:43 PM", Display = AttachGridDisplay.Row, Width = 100 },
                    ],
                },
            ],
        },
    };

    [Fact]
    public async Task Constructor_example_1_bug_tracker_card()
    {
        // Short form (a bare array of blocks) in every tab; the SDK sends {"BLOCKS": [...]}.
        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-constructor-1.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", BotToken, BugTrackerCard()), AttachAsFullForm);
        await AssertSendsAsync(DocsAuth.OAuth, Send, "attach-constructor-1.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: BugTrackerCard()), AttachAsFullForm);
        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-constructor-1.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: BugTrackerCard()), b => AttachAsFullForm(WithoutAuth(b)));
    }

    /// <summary>
    /// Example 2 passes IMAGE as one object, <c>{"IMAGE": {"LINK": ...}}</c>, where the IMAGE block's table (and its
    /// own example) make it an array of images; the SDK follows the table and sends <c>[{"LINK": ...}]</c>.
    /// </summary>
    private static JsonNode ImageAsArray(JsonNode body)
    {
        JsonNode copy = body.DeepClone();
        JsonObject image = copy["fields"]!["attach"]!["BLOCKS"]![1]!.AsObject();
        JsonNode single = image["IMAGE"]!;
        Assert.IsType<JsonObject>(single);
        image.Remove("IMAGE");
        image["IMAGE"] = new JsonArray(single);
        return copy;
    }

    [Fact]
    public async Task Constructor_example_2_notification_with_IMAGE_as_a_list_as_the_table_says()
    {
        static ChatMessageSendFields Fields() => new()
        {
            Message = "You have a new notification",
            Attach = new()
            {
                Id = 1,
                Color = "#29619b",
                Blocks =
                [
                    new AttachBlock { Message = "Colleagues, the update im 16.0.0 has been checked and is ready for deployment. A tag needs to be set. We no longer include it in the update." },
                    new AttachBlock { Image = [new AttachImage { Link = "https://files.shelenkov.com/bitrix/images/win.jpg" }] },
                ],
            },
        };

        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-constructor-2.webhook.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", BotToken, Fields()), ImageAsArray);
        await AssertSendsAsync(DocsAuth.OAuth, Send, "attach-constructor-2.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()), ImageAsArray);
        await AssertSendsAsync(DocsAuth.Webhook, Send, "attach-constructor-2.oauth.json", Response,
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat20921", fields: Fields()), b => ImageAsArray(WithoutAuth(b)));
    }

    // ----- attachments/block-collections/*.md: one block each ------------------------------------------------

    public static TheoryData<string, Func<AttachBlock>> Blocks() => new()
    {
        { "attach-block-message.json", () => new AttachBlock { Message = ApiUpdate } },
        {
            "attach-block-link.json", () => new AttachBlock
            {
                Link = new()
                {
                    Preview = "https://example.com/bitrix/templates/bitrix-new/images/logo.png", Width = 1000, Height = 638,
                    Name = "Ticket #12345: New API for the \"Web Messenger\" Module", Desc = "Must be implemented by the release!",
                    Link = "https://api.bitrix24.com/",
                },
            }
        },
        {
            "attach-block-link.php.json", () => new AttachBlock
            {
                Link = new()
                {
                    Preview = "https://dev.example..com/bitrix/templates/bitrix-new/images/logo.png", Width = 1000, Height = 638,
                    Name = "Ticket #12345: New API for the \"Web Messenger\" Module", Desc = "Must be implemented by the release!",
                    Link = "https://api.bitrix24.com/",
                },
            }
        },
        {
            "attach-block-user.json", () => new AttachBlock
            {
                User = new() { Name = "John Smith", Avatar = "https://files.shelenkov.com/bitrix/images/avatar.png", Link = "https://shelenkov.com" },
            }
        },
        {
            "attach-block-grid-block.json", () => new AttachBlock
            {
                Grid =
                [
                    new() { Name = "Description", Value = "Implementation required to add structured entities to messages and notifications in the messenger.", Display = AttachGridDisplay.Block, Width = 250 },
                    new() { Name = "Category", Value = "Requests", Display = AttachGridDisplay.Block, Width = 100 },
                ],
            }
        },
        {
            "attach-block-grid-line.json", () => new AttachBlock
            {
                Grid =
                [
                    new() { Name = "Priority", Value = "High", ColorToken = ColorToken.Alert, Color = "#ff0000", Display = AttachGridDisplay.Line, Width = 250 },
                    new() { Name = "Category", Value = "Requests", Display = AttachGridDisplay.Line },
                ],
            }
        },
        {
            "attach-block-grid-row.json", () => new AttachBlock
            {
                Grid =
                [
                    new() { Name = "Priority", Value = "High", Display = AttachGridDisplay.Row },
                    new() { Name = "Category", Value = "Requests", Display = AttachGridDisplay.Row },
                ],
            }
        },
        {
            "attach-block-grid-row.php.json", () => new AttachBlock
            {
                Grid =
                [
                    new() { Name = "Priority", Value = "High", Display = AttachGridDisplay.Row, Width = 250 },
                    new() { Name = "Category", Value = "Requests", Display = AttachGridDisplay.Row },
                ],
            }
        },
        {
            "attach-block-grid-table.json", () => new AttachBlock
            {
                Grid =
                [
                    new() { Name = "Project", Value = "BUGS", Display = AttachGridDisplay.Table },
                    new() { Name = "Category", Value = "im", Display = AttachGridDisplay.Table },
                    new() { Name = "Deadline", Value = "24.06.2026 17:50:43", Display = AttachGridDisplay.Table },
                ],
            }
        },
        {
            "attach-block-image.json", () => new AttachBlock
            {
                Image =
                [
                    new() { Name = "This is Mantis", Link = "https://files.shelenkov.com/bitrix/images/mantis.jpg", Preview = "https://files.shelenkov.com/bitrix/images/mantis.jpg", Width = 1000, Height = 638 },
                ],
            }
        },
        {
            "attach-block-file.json", () => new AttachBlock
            {
                File = [new() { Name = "mantis.jpg", Link = "https://files.shelenkov.com/bitrix/images/mantis.jpg", Size = 1500000 }],
            }
        },
        { "attach-block-delimiter.json", () => new AttachBlock { Delimiter = new() { Size = 200, Color = "#c6c6c6" } } },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task Block_example_goes_out_as_the_docs_write_it(string file, Func<AttachBlock> block)
    {
        JsonNode attach = await SentMember(new() { Attach = new() { Blocks = [block()] } }, "attach");

        JsonNode sent = attach["BLOCKS"]![0]!;
        Assert.True(JsonNode.DeepEquals(Json(file), sent), $"{file}\nExpected: {Json(file).ToJsonString()}\nActual:   {sent.ToJsonString()}");
    }

    [Fact]
    public async Task Mixed_blocks_example_of_the_block_collection_page()
    {
        JsonNode attach = await SentMember(new()
        {
            Attach = new()
            {
                Blocks =
                [
                    new() { Message = "Request #142" },
                    new() { Delimiter = new() { Size = 200, Color = "#c6c6c6" } },
                    new() { Grid = [new() { Display = AttachGridDisplay.Row, Name = "Status", Value = "In progress" }] },
                    new() { Link = new() { Name = "Open the request", Link = "/crm/deal/details/142/" } },
                ],
            },
        }, "attach");

        Assert.True(JsonNode.DeepEquals(Json("attach-blocks-mixed.json"), attach), attach.ToJsonString());
    }

    [Fact]
    public async Task Every_attach_member_goes_out_with_its_UPPER_CASE_name()
    {
        // The tables of block-collections/*.md; the examples do not use every member.
        JsonNode attach = await SentMember(new()
        {
            Attach = new()
            {
                Id = 2,
                ColorToken = ColorToken.Secondary,
                Blocks =
                [
                    new() { Link = new() { Link = "/a/", Html = "<b>x</b>", UserId = 1, ChatId = 5, NetworkId = "n1" } },
                    new() { User = new() { Name = "Bot", UserId = 3, ChatId = 6, BotId = 456, NetworkId = "n2", AvatarType = AttachAvatarType.Bot } },
                    new() { Grid = [new() { Display = AttachGridDisplay.Block, Height = 20, Link = "/b/", UserId = 4, ChatId = 7 }] },
                    new() { Image = [new() { Link = "/c.png", Height = 10, Width = 10 }] },
                ],
            },
        }, "attach");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"ID":2,"COLOR_TOKEN":"secondary","BLOCKS":[
              {"LINK":{"LINK":"/a/","HTML":"<b>x</b>","USER_ID":1,"CHAT_ID":5,"NETWORK_ID":"n1"}},
              {"USER":{"NAME":"Bot","USER_ID":3,"CHAT_ID":6,"BOT_ID":456,"NETWORK_ID":"n2","AVATAR_TYPE":"BOT"}},
              {"GRID":[{"DISPLAY":"BLOCK","HEIGHT":20,"LINK":"/b/","USER_ID":4,"CHAT_ID":7}]},
              {"IMAGE":[{"LINK":"/c.png","WIDTH":10,"HEIGHT":10}]}]}
            """), attach), attach.ToJsonString());
    }

    /// <summary>Sends a message with these fields and returns the member of <c>fields</c> as the SDK wrote it.</summary>
    private static async Task<JsonNode> SentMember(ChatMessageSendFields fields, string member)
    {
        (_, string body) = await CallAsync(DocsAuth.Webhook, Send, Response, c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: fields));
        return JsonNode.Parse(body)!["fields"]![member]!.DeepClone();
    }
}
