using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// The imbot.v2 calls of the guides: chat-bots-v2/quick-start.md, chat-bots/send-command.md and the tutorials
/// (tutorials/chat-bots/index.md, open-lines-bot.md). Where a guide contradicts the method page's parameter table
/// (BOTS-V2.md §9), the SDK follows the table and the test says how the bodies differ.
/// </summary>
public sealed class GuideExampleTests
{
    private const string QuickStartToken = "my_secret_token_123";

    /// <summary>
    /// quick-start.md puts botToken at the top level next to fields; bot-register.md's table and send-command.md put
    /// it in fields.botToken, and so does the SDK (BOTS-V2.md §9.2).
    /// </summary>
    private static JsonNode BotTokenMovedIntoFields(JsonNode body)
    {
        JsonNode copy = Without(body, "botToken");
        copy["fields"]!["botToken"] = body["botToken"]!.DeepClone();
        return copy;
    }

    [Fact]
    public async Task QuickStart_register_sends_botToken_inside_fields_as_the_method_page_says()
    {
        var request = new ImBotV2BotRegisterRequest
        {
            Fields = new()
            {
                Code = "support_bot",
                BotToken = QuickStartToken,
                Properties = new() { Name = "Support Bot", WorkPosition = "AI Assistant" },
                EventMode = "fetch",
            },
        };

        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "quick-start.bot-register.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(request), BotTokenMovedIntoFields);
    }

    [Fact]
    public async Task QuickStart_event_get_send_and_message_get()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "quick-start.event-get.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, QuickStartToken, limit: 50));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "quick-start.chat-message-send.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", QuickStartToken, new() { Message = "Hello! How can I help you?" }));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.get", "quick-start.chat-message-get.json", "chat-message-get.response.json",
            c => c.ImBot.V2.Chat.Message.GetAsync(456, 789, QuickStartToken));
    }

    [Fact]
    public async Task QuickStart_file_upload()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.upload", "quick-start.file-upload.json", "file-upload.response.json",
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", new() { Name = "report.txt", Content = "SGVsbG8gV29ybGQh", Message = "Here is the report" }, QuickStartToken));
    }

    [Fact]
    public async Task QuickStart_file_download_sends_no_dialogId_as_the_method_page_lists_none()
    {
        // quick-start.md passes dialogId; file-download.md's table has only botId, botToken and fileId (BOTS-V2.md §9.6).
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.download", "quick-start.file-download.json", "file-download.response.json",
            c => c.ImBot.V2.File.DownloadAsync(456, 138, QuickStartToken), body => Without(body, "dialogId"));
    }

    [Fact]
    public async Task SendCommand_page_examples()
    {
        // send-command.md "How to Call a Method": the cURL (Webhook), cURL (OAuth) and PHP CRest tabs (the CRest
        // tab's botToken line is commented out).
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "send-command.webhook.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", BotToken, new() { Message = "Enter search string" }));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Chat.Message.send", "send-command.oauth.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Enter search string" }));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "send-command.oauth.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Enter search string" }), WithoutAuth);
    }

    [Fact]
    public async Task Tutorial_registers_the_reporter_bot()
    {
        // tutorials/chat-bots/index.md handleInstall (JS, PHP and Python tabs alike), with its BOT_CODE and a sample HANDLER_URL.
        var request = new ImBotV2BotRegisterRequest
        {
            Fields = new()
            {
                Code = "overdue_tasks_bot",
                Type = "bot",
                EventMode = "webhook",
                WebhookUrl = "https://example.com/bitrix24/handler",
                Properties = new() { Name = "Reporter", WorkPosition = "I report on overdue tasks", Color = "aqua" },
            },
        };

        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "tutorial.bot-register.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(request));
    }

    [Fact]
    public async Task Tutorial_welcomes_on_JOINCHAT()
    {
        // handleJoinChat, with data.bot.id 456 and data.dialogId "1" (a user's personal chat with the bot).
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "tutorial.welcome.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "1", fields: new() { Message = "Hello! I am Reporter. Ask [send=what's burning]What's burning?[/send]" }));
    }

    [Fact]
    public async Task OpenLinesTutorial_registers_a_bot_with_open_lines_support_and_its_colour_as_given()
    {
        // tutorials/chat-bots/open-lines-bot.md: type bot with isSupportOpenline, and color "GREEN" where the colour
        // table has lowercase codes (BOTS-V2.md §9.9); color is a string, so the SDK sends what the caller gives.
        var request = new ImBotV2BotRegisterRequest
        {
            Fields = new()
            {
                Code = "open_line_bot",
                BotToken = BotToken,
                Type = "bot",
                IsSupportOpenline = true,
                EventMode = "webhook",
                WebhookUrl = "https://example.com/bitrix24/handler",
                Properties = new() { Name = "Support line", WorkPosition = "First line", Color = "GREEN" },
            },
        };

        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Bot.register", "open-lines-bot.bot-register.json", "bot-register.response.json",
            c => c.ImBot.V2.Bot.RegisterAsync(request));
    }
}
