using System.Net;
using System.Net.Sockets;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImBot;

namespace Bitrix24.Events.Tests;

/// <summary>What the end-to-end tests share: a v2 bot registered on the emulated portal through the SDK, and a free loopback port.</summary>
internal static class BotHarness
{
    public const string BotToken = "e2e-bot-token";

    /// <summary>Registers an open-line bot through the portal's webhook with the SDK, and connects it to the demo line (chat 112).</summary>
    public static async Task<int> RegisterAndConnectAsync(EmulatedPortal portal, Uri? webhookUrl)
    {
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl));
        BotRegisterResult registered = await client.ImBot.V2.Bot.RegisterAsync(new BotRegisterFields
        {
            Code = "e2e_bot",
            BotToken = BotToken,
            Type = "openline",
            EventMode = webhookUrl is null ? "fetch" : "webhook",
            WebhookUrl = webhookUrl?.ToString(),
            Properties = new BotProperties { Name = "E2E Bot" },
        });
        portal.State.ConnectBotToLine(DemoPortal.LineId, registered.Bot.Id);
        return registered.Bot.Id;
    }

    /// <summary>A loopback port free a moment ago, for a host whose URL must be known before it starts (the bot's webhookUrl).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The bot's replies in chat 112, in order.</summary>
    public static List<string> RepliesOf(EmulatedPortal portal, int botId) =>
        portal.State.GetChat(DemoPortal.ChatId).Transcript.Where(m => m.AuthorId == botId).Select(m => m.Text).ToList();
}
