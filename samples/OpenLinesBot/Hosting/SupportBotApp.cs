using Bitrix24.Emulator;
using Microsoft.Extensions.Options;
using OpenLinesBot.Faq;

namespace OpenLinesBot.Hosting;

/// <summary>The running bot: its web app, its id, and the embedded portal when it runs against one.</summary>
public sealed class SupportBotApp : IAsyncDisposable
{
    private SupportBotApp(WebApplication app, EmulatedPortal? portal, int botId)
    {
        App = app;
        Portal = portal;
        BotId = botId;
    }

    public WebApplication App { get; }

    /// <summary>The embedded portal, or null when the bot serves a real one.</summary>
    public EmulatedPortal? Portal { get; }

    public int BotId { get; }

    /// <summary>The embedded portal's playground page, or null.</summary>
    public Uri? PlaygroundUrl => Portal is null ? null : new Uri(Portal.BaseUrl, "_emulator/");

    /// <summary>
    /// Builds and starts the bot. Without <c>Bitrix24:WebhookUrl</c> (or an OAuth application's <c>Bitrix24:ClientId</c>)
    /// it starts an embedded portal first and serves that.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is wrong, or the FAQ file cannot be used; the message says which and where.</exception>
    public static async Task<SupportBotApp> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // The program's folder, so faq.yaml and appsettings.json are found wherever `dotnet run` was started.
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        SupportBotOptions settings = Read(builder.Configuration);
        EmulatedPortal? portal = null;
        if (string.IsNullOrEmpty(builder.Configuration["Bitrix24:WebhookUrl"]) && string.IsNullOrEmpty(builder.Configuration["Bitrix24:ClientId"]))
        {
            portal = await EmbeddedPortal.StartAsync(settings.EmulatorPort, cancellationToken);
            builder.Configuration.AddInMemoryCollection(EmbeddedPortal.Settings(portal, builder.Configuration));
            if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                // Loopback and any free port: nothing outside this machine needs to reach the bot here.
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }
        }

        else if (settings.Mode == EventDelivery.Webhook && string.IsNullOrEmpty(builder.Configuration["Bitrix24:ApplicationToken"])
            && string.IsNullOrEmpty(builder.Configuration["Bitrix24:ClientId"]))
        {
            // Without it every delivery would be refused (401): nothing proves a POST comes from the portal.
            throw new InvalidOperationException(
                "Webhook mode on a real portal needs Bitrix24:ApplicationToken, the token the portal's deliveries carry in auth[application_token]; or use fetch mode.");
        }

        try
        {
            builder.Services.AddSupportBot(builder.Configuration);
            WebApplication app = builder.Build();
            app.MapBitrix24Events(BotRegistration.EventsPath);
            app.MapGet("/", (RegisteredBot bot, IOptions<SupportBotOptions> options) =>
                bot.IsRegistered ? $"{options.Value.Name} is running as bot {bot.Id} ({options.Value.Mode} mode)." : "Starting.");

            _ = app.Services.GetRequiredService<FaqBook>(); // a broken FAQ file stops the start, naming its line
            await app.StartAsync(cancellationToken);
            int botId = app.Services.GetRequiredService<RegisteredBot>().Id;
            if (portal is not null)
            {
                await EmbeddedPortal.ConnectAsync(portal, app.Services, botId, Read(builder.Configuration).Mode, cancellationToken);
            }

            return new SupportBotApp(app, portal, botId);
        }
        catch (FaqFileException e)
        {
            await DisposePortalAsync(portal);
            throw new InvalidOperationException(e.Message, e);
        }
        catch
        {
            await DisposePortalAsync(portal);
            throw;
        }
    }

    /// <summary>What to tell the person who started the bot.</summary>
    public string Describe() => Portal is null
        ? $"The bot runs as bot {BotId} on the configured portal; its web endpoint: {string.Join(", ", App.Urls)}."
        : $"""
           The bot runs as bot {BotId} on an embedded Bitrix24 emulator (open line 1, chat 112).
           Playground: {PlaygroundUrl}
           Type as the customer there; the bot answers from faq.yaml. Ctrl+C stops both.
           """;

    public async ValueTask DisposeAsync()
    {
        // Stopped first: disposing alone would not wait for the poller, which may be saving its offset.
        await App.StopAsync();
        await App.DisposeAsync();
        await DisposePortalAsync(Portal);
    }

    private static SupportBotOptions Read(IConfiguration configuration)
    {
        SupportBotOptions settings = configuration.GetSection(SupportBotOptions.SectionName).Get<SupportBotOptions>() ?? new();
        IReadOnlyList<string> problems = settings.Validate();
        return problems.Count == 0 ? settings : throw new InvalidOperationException("The bot's settings are not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static ValueTask DisposePortalAsync(EmulatedPortal? portal) => portal?.DisposeAsync() ?? ValueTask.CompletedTask;
}
