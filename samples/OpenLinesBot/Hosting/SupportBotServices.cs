using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Microsoft.Extensions.Options;
using OpenLinesBot.Conversation;
using OpenLinesBot.Faq;
using OpenLinesBot.Handlers;

namespace OpenLinesBot.Hosting;

/// <summary>The bot's services: the SDK client, the FAQ, the three event handlers, registration and, in fetch mode, the poller.</summary>
public static class SupportBotServices
{
    public static IServiceCollection AddSupportBot(this IServiceCollection services, IConfiguration configuration)
    {
        SupportBotOptions settings = configuration.GetSection(SupportBotOptions.SectionName).Get<SupportBotOptions>() ?? new();
        services.AddSingleton(Options.Create(settings));

        // The client: Bitrix24:WebhookUrl (or an OAuth application's keys), with the SDK's rate limiting and retries.
        services.AddBitrix24(configuration.GetSection("Bitrix24"));

        services.AddSingleton(provider => FaqBook.Load(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, settings.FaqFile)));
        services.AddSingleton<SupportConversation>();
        services.AddBitrix24EventHandler<JoinChatEvent, GreetingHandler>();
        services.AddBitrix24EventHandler<MessageAddEvent, MessageHandler>();
        services.AddBitrix24EventHandler<CommandAddEvent, ButtonHandler>();

        services.AddSingleton<RegisteredBot>();
        services.AddHostedService<BotRegistration>();
        if (settings.Mode == EventDelivery.Fetch)
        {
            // The bot's id is added by BotRegistration once it is registered.
            if (!string.IsNullOrEmpty(settings.StateDirectory))
            {
                services.AddSingleton<IBitrix24EventOffsetStore>(provider =>
                    new FileBitrix24EventOffsetStore(Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, settings.StateDirectory)));
            }

            services.AddBitrix24EventPolling(polling =>
            {
                polling.IdleDelay = settings.PollInterval;
                polling.MoreDelay = settings.PollInterval / 4;
            });
        }

        return services;
    }
}
