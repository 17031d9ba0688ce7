using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImBot;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary>
/// Chatbots 2.0 through the typed SDK against the emulator (written from the docs, not from the
/// specs): the code of design/API.md's "Chatbots 2.0" section, and a message with a keyboard and an
/// attachment, which the portal's transcript keeps as sent.
/// </summary>
public sealed class ChatbotsEndToEndTests : IAsyncLifetime
{
    private EmulatedPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await EmulatedPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_API_md_code_registers_a_bot_and_sends_into_an_open_line_chat()
    {
        // An OAuth application needs no botToken: the portal ties the bot to the application.
        using Bitrix24Client client = EmulatorClients.OAuth(_portal, EmulatorClients.SingleAttempt);

        var registered = await client.ImBot.V2.Bot.RegisterAsync(new ImBotV2BotRegisterRequest
        {
            Fields = new()
            {
                Code = "support-bot",
                Properties = new() { Name = "Support Bot" },
                IsSupportOpenline = true,
            },
        });
        int botId = registered.Bot.Id;

        // A person connects the bot to the line in the line's settings; the emulator's stand-in.
        _portal.State.ConnectBotToLine(DemoPortal.LineId, botId);

        var sent = await client.ImBot.V2.Chat.Message.SendAsync(new ImBotV2ChatMessageSendRequest
        {
            BotId = botId,
            DialogId = "chat112",
            Fields = new() { Message = "How can I help?" },
        });
        int messageId = sent.Id;

        Assert.True(registered.Bot.IsSupportOpenline);
        Assert.Contains(registered.Users!, u => u.Id == botId);
        TranscriptMessage message = _portal.State.GetChat(DemoPortal.ChatId).Transcript[^1];
        Assert.Equal((messageId, botId, "How can I help?"), (message.Id, message.AuthorId, message.Text));

        // Registering again by code answers the same bot (idempotent, as the docs say).
        var again = await client.ImBot.V2.Bot.RegisterAsync(new ImBotV2BotRegisterRequest
        {
            Fields = new() { Code = "support-bot", Properties = new() { Name = "Another name" } },
        });
        Assert.Equal(botId, again.Bot.Id);
    }

    [Fact]
    public async Task A_message_with_a_keyboard_and_an_attachment_reaches_the_transcript_with_both()
    {
        // The demo bot through the demo webhook, with its botToken.
        using Bitrix24Client client = EmulatorClients.Webhook(_portal, EmulatorClients.SingleAttempt);

        var sent = await client.ImBot.V2.Chat.Message.SendAsync(new ImBotV2ChatMessageSendRequest
        {
            BotId = DemoPortal.BotId,
            BotToken = DemoPortal.BotClientId,
            DialogId = "chat112",
            Fields = new()
            {
                Message = "What do you need?",
                Keyboard = new()
                {
                    BotId = DemoPortal.BotId,
                    Buttons =
                    [
                        new() { Text = "Order status", Command = "status" },
                        new() { Type = KeyboardButtonType.Newline },
                        new() { Text = "Talk to a person", Command = "operator", BgColorToken = ColorToken.Primary },
                    ],
                },
                Attach = new()
                {
                    ColorToken = ColorToken.Primary,
                    Blocks =
                    [
                        new() { Message = "Request [B]#142[/B]" },
                        new() { Grid = [new() { Display = AttachGridDisplay.Row, Name = "Status", Value = "In progress" }] },
                    ],
                },
            },
        });

        TranscriptMessage message = _portal.State.GetChat(DemoPortal.ChatId).Transcript.Single(m => m.Id == sent.Id);
        Assert.Equal("What do you need?", message.Text);
        JsonAssert.Equivalent(
            """{"BOT_ID":7,"BUTTONS":[{"TEXT":"Order status","COMMAND":"status"},{"TYPE":"NEWLINE"},{"TEXT":"Talk to a person","COMMAND":"operator","BG_COLOR_TOKEN":"primary"}]}""",
            message.Keyboard!.ToJsonString());
        JsonAssert.Equivalent(
            """{"COLOR_TOKEN":"primary","BLOCKS":[{"MESSAGE":"Request [B]#142[/B]"},{"GRID":[{"DISPLAY":"ROW","NAME":"Status","VALUE":"In progress"}]}]}""",
            message.Attach!.ToJsonString());

        // The portal's inspection page shows them too (the playground reads it).
        using var http = new HttpClient();
        JsonNode chat = (await http.GetFromJsonAsync<JsonNode>(new Uri(_portal.BaseUrl, "_emulator/chats/112")))!;
        JsonNode shown = chat["transcript"]!.AsArray().Single(m => (int)m!["id"]! == sent.Id)!;
        Assert.Equal("Order status", (string)shown["keyboard"]!["BUTTONS"]![0]!["TEXT"]!);
        Assert.Equal("In progress", (string)shown["attach"]!["BLOCKS"]![1]!["GRID"]![0]!["VALUE"]!);
    }

    [Fact]
    public async Task A_bot_not_in_the_chat_gets_ACCESS_DENIED_as_a_typed_error()
    {
        using Bitrix24Client client = EmulatorClients.OAuth(_portal, EmulatorClients.SingleAttempt);
        var registered = await client.ImBot.V2.Bot.RegisterAsync(new ImBotV2BotRegisterRequest
        {
            Fields = new() { Code = "outsider", Properties = new() { Name = "Outsider" } },
        });

        var error = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImBot.V2.Chat.Message.SendAsync(
            new ImBotV2ChatMessageSendRequest { BotId = registered.Bot.Id, DialogId = "chat112", Fields = new() { Message = "Hi" } }));

        Assert.Equal("ACCESS_DENIED", error.Code);
        Assert.Equal(403, error.StatusCode);
    }
}
