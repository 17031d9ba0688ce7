using Bitrix24;
using Bitrix24.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Clients for many portals: <see cref="AddBitrix24PortalClients"/> for an OAuth application installed on many (one
/// client per <c>member_id</c>, from the installation store), <see cref="AddBitrix24Webhook"/> for a fixed set of portals
/// reached through incoming webhooks (keyed clients: <c>[FromKeyedServices("sales")] Bitrix24Client client</c>).
/// Each client is made with the container's logger factory, <see cref="TimeProvider"/>, and registered
/// <see cref="IBitrix24SharedLimits"/> and <see cref="IBitrix24SharedTokenStore"/>, over the SDK's named HttpClient.
/// </summary>
public static class Bitrix24PortalServiceCollectionExtensions
{
    /// <summary>Registers <see cref="Bitrix24PortalClients"/>: a client per portal the application is installed on.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="clientId">The application's <c>client_id</c>.</param>
    /// <param name="clientSecret">The application's <c>client_secret</c> (never logged).</param>
    /// <param name="configure">Adjusts each portal's client options after the container's services were applied, or null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24PortalClients(this IServiceCollection services, string clientId, string clientSecret, Action<Bitrix24ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        Bitrix24ServiceCollectionExtensions.AddBitrix24Http(services);
        services.AddBitrix24Events();
        services.TryAddSingleton(provider => new Bitrix24PortalClients(
            clientId,
            clientSecret,
            provider.GetRequiredService<IBitrix24InstallationStore>(),
            () => provider.GetRequiredService<IHttpClientFactory>().CreateClient(Bitrix24ServiceOptions.HttpClientName),
            options =>
            {
                FromContainer(options, provider);
                options.SharedTokens = provider.GetService<IBitrix24SharedTokenStore>();
                configure?.Invoke(options);
            }));
        return services;
    }

    /// <summary>Registers a <see cref="Bitrix24Client"/> for one portal's incoming webhook under <paramref name="key"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key, e.g. the portal's name in the app.</param>
    /// <param name="webhookUrl">The webhook, <c>https://{portal}/rest/{user_id}/{code}/</c> (never logged).</param>
    /// <param name="configure">Adjusts the client's options after the container's services were applied, or null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24Webhook(this IServiceCollection services, string key, Uri webhookUrl, Action<Bitrix24ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(webhookUrl);
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(webhookUrl); // checked now: a wrong URL fails at registration
        Bitrix24ServiceCollectionExtensions.AddBitrix24Http(services);
        services.AddKeyedSingleton(key, (provider, _) =>
        {
            FromContainer(options, provider);
            configure?.Invoke(options);
            return new Bitrix24Client(options, provider.GetRequiredService<IHttpClientFactory>().CreateClient(Bitrix24ServiceOptions.HttpClientName));
        });
        return services;
    }

    private static void FromContainer(Bitrix24ClientOptions options, IServiceProvider provider)
    {
        if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            options.LoggerFactory = loggerFactory;
        }

        options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        options.SharedLimits = provider.GetService<IBitrix24SharedLimits>();
    }
}
