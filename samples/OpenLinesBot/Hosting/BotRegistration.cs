using Bitrix24;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenLinesBot.Conversation;

namespace OpenLinesBot.Hosting;

/// <summary>
/// Registers the bot and its button commands at every start. Registration is idempotent by code, so a restart finds
/// the same bot; its event mode and webhook URL are then brought up to date with imbot.v2.Bot.update, since a repeated
/// register does not change an existing bot.
/// </summary>
/// <remarks>
/// Fetch mode registers in <see cref="StartingAsync"/>, which the host runs before any hosted service starts, so the
/// SDK's poller, starting next, already polls this bot. Webhook mode registers in <see cref="StartedAsync"/>, once the
/// server listens, so the URL is known and the first event finds the endpoint up.
/// </remarks>
internal sealed class BotRegistration(
    Bitrix24Client client,
    IOptions<SupportBotOptions> options,
    IOptions<Bitrix24EventOptions> events,
    IServer server,
    RegisteredBot registered,
    ILogger<BotRegistration> logger) : IHostedLifecycleService
{
    /// <summary>Where the app receives webhook events.</summary>
    public const string EventsPath = "/bitrix24/events";

    private readonly SupportBotOptions _options = options.Value;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode == EventDelivery.Fetch)
        {
            int botId = await RegisterAsync(webhookUrl: null, cancellationToken);
            events.Value.Polling.Bots.Add(new Bitrix24PolledBot(botId, _options.BotToken));
        }
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode == EventDelivery.Webhook)
        {
            await RegisterAsync(new Uri(_options.PublicUrl ?? ListeningAddress(), EventsPath), cancellationToken);
        }
    }

    /// <summary>Where the server listens, when that is an address the portal can be given (not a wildcard such as <c>http://+:80</c>).</summary>
    private Uri ListeningAddress()
    {
        string address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) && uri.Host is not ("0.0.0.0" or "[::]" or "+" or "*")
            ? uri
            : throw new InvalidOperationException($"The app listens on {address}, which the portal cannot be given: set OpenLinesBot:PublicUrl to the address it reaches this app at.");
    }

    private async Task<int> RegisterAsync(Uri? webhookUrl, CancellationToken cancellationToken)
    {
        string eventMode = webhookUrl is null ? "fetch" : "webhook";
        BotRegisterResult result = await client.ImBot.V2.Bot.RegisterAsync(new BotRegisterFields
        {
            Code = _options.Code,
            BotToken = _options.BotToken,
            Type = "openline",
            EventMode = eventMode,
            WebhookUrl = webhookUrl?.ToString(),
            Properties = new BotProperties { Name = _options.Name, WorkPosition = "Support line" },
        }, cancellationToken);
        int botId = result.Bot.Id;

        if (result.Bot.EventMode != eventMode || webhookUrl is not null)
        {
            await client.ImBot.V2.Bot.UpdateAsync(botId, new BotUpdateFields { EventMode = eventMode, WebhookUrl = webhookUrl?.ToString() }, _options.BotToken, cancellationToken);
        }

        foreach ((string command, string title) in BotCommands.All)
        {
            await client.ImBot.V2.Command.RegisterAsync(botId, new CommandRegisterFields
            {
                Command = command,
                Title = new Dictionary<string, string> { ["en"] = title },
                Hidden = true, // pressed through buttons, not typed
            }, _options.BotToken, cancellationToken);
        }

        registered.Set(botId);
        logger.LogInformation("Bot {Code} is registered as bot {BotId}; events by {Mode}.", _options.Code, botId, eventMode);
        return botId;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
