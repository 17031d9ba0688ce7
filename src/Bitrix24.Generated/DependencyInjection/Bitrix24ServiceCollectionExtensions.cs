using System.Net;
using Bitrix24;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a <see cref="Bitrix24Client"/> in a service collection:
/// <c>builder.Services.AddBitrix24(builder.Configuration.GetSection("Bitrix24"))</c>, then inject
/// <see cref="Bitrix24Client"/> wherever it is needed.
/// </summary>
/// <remarks>
/// <para>
/// The client is a singleton (it is thread-safe, and pacing, the operating-limit gate and OAuth refresh
/// are per client). It is built when first resolved from <see cref="Bitrix24ServiceOptions"/>, the named
/// <see cref="HttpClient"/> <see cref="Bitrix24ServiceOptions.HttpClientName"/> of <c>IHttpClientFactory</c>,
/// the container's <c>ILoggerFactory</c>, its <see cref="TimeProvider"/> if one is registered (else
/// <see cref="TimeProvider.System"/>), its <see cref="IBitrix24SharedLimits"/> if one is registered (the portal's
/// budget shared with other replicas) and, for OAuth, its <see cref="IBitrix24TokenStore"/> if one is
/// registered. Missing or wrong settings throw <see cref="OptionsValidationException"/> naming each key
/// (<c>Bitrix24:Retry:MaxAttempts: 'abc' is not a whole number.</c>) when the client is first resolved,
/// and at start-up in apps on the generic host (<c>ValidateOnStart</c>). Settings are read once, when
/// the client is built; configuration changed later (reload on change) applies after a restart.
/// </para>
/// <para>
/// The named client is set up for a long-lived singleton: an infinite <see cref="HttpClient.Timeout"/>
/// (the SDK cuts each call at <see cref="Bitrix24ServiceOptions.RequestTimeout"/> itself; a shorter
/// <c>HttpClient.Timeout</c> would cut it earlier), a <see cref="SocketsHttpHandler"/> whose pooled
/// connections are recycled every 5 minutes (so DNS changes are seen) and an infinite handler lifetime,
/// and no <c>IHttpClientFactory</c> logging: its handlers log every request's full URL, which holds the
/// webhook code in the path and the client secret and refresh token in the query of a token refresh.
/// The SDK logs one line per call itself, without them. Handlers an app adds to every client through
/// <c>ConfigureHttpClientDefaults</c> still apply to this one: keep request-repeating ones (such as a
/// standard resilience handler, which repeats failed POSTs and has its own timeouts) off it.
/// </para>
/// </remarks>
public static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="Bitrix24Client"/> with settings read from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The section holding the settings, e.g. <c>configuration.GetSection("Bitrix24")</c>: <c>WebhookUrl</c>,
    /// or <c>ClientId</c>, <c>ClientSecret</c>, <c>AccessToken</c>, <c>RefreshToken</c>, <c>ClientEndpoint</c>,
    /// <c>ServerEndpoint</c>; <c>Plan</c>, <c>RequestTimeout</c>, <c>Retry:MaxAttempts</c>, ... (see
    /// <see cref="Bitrix24ServiceOptions"/>). Read key by key without reflection, so trimming and NativeAOT are safe.
    /// </param>
    /// <returns>
    /// The builder of the named <see cref="HttpClient"/> the client sends with, to add a
    /// <see cref="DelegatingHandler"/> or a primary handler with a proxy. Do not add handlers that
    /// repeat requests (the SDK repeats only what cannot run twice; <c>imopenlines.bot.session.*</c> sends are
    /// not idempotent), and do not add back request logging that writes URLs.
    /// </returns>
    public static IHttpClientBuilder AddBitrix24(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<Bitrix24ServiceOptions>(options => Bitrix24ConfigurationReader.Read(configuration, options));
        return AddClient(services);
    }

    /// <summary>Registers <see cref="Bitrix24Client"/> with settings from code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="Bitrix24ServiceOptions"/>; runs when the client is first resolved.</param>
    /// <returns><inheritdoc cref="AddBitrix24(IServiceCollection, IConfiguration)" path="/returns/node()"/></returns>
    public static IHttpClientBuilder AddBitrix24(this IServiceCollection services, Action<Bitrix24ServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddClient(services);
    }

    /// <summary>Registers <see cref="Bitrix24Client"/> with settings read from configuration, then adjusted in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration"><inheritdoc cref="AddBitrix24(IServiceCollection, IConfiguration)" path="/param[@name='configuration']/node()"/></param>
    /// <param name="configure">
    /// Runs after the configuration was read, e.g. to set <see cref="Bitrix24ServiceOptions.LoadTokens"/> or
    /// <see cref="Bitrix24ServiceOptions.ConfigureClient"/>; errors still name configuration keys.
    /// </param>
    /// <returns><inheritdoc cref="AddBitrix24(IServiceCollection, IConfiguration)" path="/returns/node()"/></returns>
    public static IHttpClientBuilder AddBitrix24(this IServiceCollection services, IConfiguration configuration, Action<Bitrix24ServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure<Bitrix24ServiceOptions>(options => Bitrix24ConfigurationReader.Read(configuration, options));
        services.Configure(configure);
        return AddClient(services);
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        IHttpClientBuilder http = services.AddHttpClient(Bitrix24ServiceOptions.HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            // A second call adds settings only: the client and its HttpClient set-up are registered once, so
            // handlers the app added in between are not replaced.
            return http;
        }

        services.AddSingleton<Registered>();
        services.AddBitrix24Events();
        services.AddOptions<Bitrix24ServiceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Bitrix24ServiceOptions>, Bitrix24ServiceOptionsValidator>());
        services.TryAddSingleton(static provider => new Bitrix24Client(
            Bitrix24ClientOptionsFactory.Create(provider.GetRequiredService<IOptions<Bitrix24ServiceOptions>>().Value, provider),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(Bitrix24ServiceOptions.HttpClientName)));

        return AddBitrix24Http(services);
    }

    /// <summary>The named client's set-up for long-lived SDK clients (see the class remarks); once per service collection.</summary>
    internal static IHttpClientBuilder AddBitrix24Http(IServiceCollection services)
    {
        IHttpClientBuilder http = services.AddHttpClient(Bitrix24ServiceOptions.HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(HttpConfigured)))
        {
            return http;
        }

        services.AddSingleton<HttpConfigured>();
        return ConfigureHttp(http);
    }

    private static IHttpClientBuilder ConfigureHttp(IHttpClientBuilder http)
    {
        return http
            .ConfigureHttpClient(static client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Bitrix24.Generated/" + typeof(Bitrix24Client).Assembly.GetName().Version?.ToString(3));
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    /// <summary>Marks a service collection where the client is registered.</summary>
    private sealed class Registered;

    /// <summary>Marks a service collection where the named HttpClient is set up.</summary>
    private sealed class HttpConfigured;
}
