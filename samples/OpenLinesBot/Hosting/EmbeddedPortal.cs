using System.Globalization;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Inbound;

namespace OpenLinesBot.Hosting;

/// <summary>
/// The default mode: an emulated portal in this process (the demo portal: open line 1 with chat 112, and a Sales line
/// 2), so the bot runs with no Bitrix24 account. Does in code what a portal's administrator does in its settings.
/// </summary>
internal static class EmbeddedPortal
{
    /// <summary>The Sales line the embedded portal adds beside the demo line.</summary>
    public const int SalesLineId = 2;

    /// <summary>The bot token the bot uses on the embedded portal unless one is configured.</summary>
    public const string DefaultBotToken = "openlines-sample-bot";

    public static Task<EmulatedPortal> StartAsync(int port, CancellationToken cancellationToken) =>
        EmulatedPortal.StartAsync(new EmulatedPortalOptions
        {
            Port = port,
            Seed = state => state.AddOpenLine(new OpenLine(SalesLineId, "Sales", "Welcome to Sales!", [DemoPortal.SecondOperatorId])),
        }, cancellationToken);

    /// <summary>The settings that point the bot at the portal: its webhook, and defaults for what a real portal's admin would choose.</summary>
    public static Dictionary<string, string?> Settings(EmulatedPortal portal, IConfiguration configured) => new()
    {
        ["Bitrix24:WebhookUrl"] = portal.WebhookUrl.ToString(),
        ["OpenLinesBot:BotToken"] = configured["OpenLinesBot:BotToken"] ?? DefaultBotToken,
        ["OpenLinesBot:StateDirectory"] = string.Empty, // the portal starts empty each run: a saved offset would skip its events
        ["OpenLinesBot:SalesQueueId"] = configured["OpenLinesBot:SalesQueueId"] ?? SalesLineId.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Connects the registered bot to the demo line, as an administrator does in the line's settings: the bot joins the
    /// line's open dialogs (chat 112) and every new one. In webhook mode the portal's token for this bot is stored first
    /// as its installation, so the endpoint accepts the deliveries that follow and refuses any other.
    /// </summary>
    public static async Task ConnectAsync(EmulatedPortal portal, IServiceProvider services, int botId, EventDelivery mode, CancellationToken cancellationToken)
    {
        if (mode == EventDelivery.Webhook)
        {
            string token = portal.State.ApplicationTokenOfBot(botId) ?? throw new InvalidOperationException($"The portal has no bot {botId}.");
            await services.GetRequiredService<IBitrix24InstallationStore>().SaveAsync(new Bitrix24Installation(portal.MemberId, token) { Domain = portal.Domain }, cancellationToken);
        }

        portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
    }
}
