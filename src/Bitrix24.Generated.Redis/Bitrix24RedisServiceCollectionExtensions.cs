using Bitrix24;
using Bitrix24.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis-backed shared limits and tokens of package <c>Bitrix24.Generated.Redis</c>.</summary>
public static class Bitrix24RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisBitrix24SharedLimits"/> as the singleton <see cref="IBitrix24SharedLimits"/> (and as
    /// itself, to read <see cref="RedisBitrix24SharedLimits.IsUsingFallback"/>). The client built by <c>AddBitrix24</c>
    /// uses a registered <see cref="IBitrix24SharedLimits"/>. The <see cref="IConnectionMultiplexer"/> is taken from the
    /// container: register your own (with <c>abortConnect=false</c> and <see cref="BacklogPolicy.FailFast"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options (key prefix, headroom, fallback share, timeout, breaker).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddBitrix24RedisLimits(this IServiceCollection services, Action<RedisBitrix24SharedLimitsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RedisBitrix24SharedLimitsOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(static provider => new RedisBitrix24SharedLimits(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<IOptions<RedisBitrix24SharedLimitsOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<RedisBitrix24SharedLimits>>()));
        services.TryAddSingleton<IBitrix24SharedLimits>(static provider => provider.GetRequiredService<RedisBitrix24SharedLimits>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="RedisBitrix24SharedTokens"/> as the singleton <see cref="IBitrix24SharedTokenStore"/>: the
    /// OAuth client built by <c>AddBitrix24</c> then refreshes once across all replicas and takes the others' pairs. The
    /// <see cref="IConnectionMultiplexer"/> is taken from the container. Redis holds the only copy of a rotating refresh
    /// token: run it with <c>maxmemory-policy noeviction</c> and persistence.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="keyPrefix">Put before every key; <c>b24:</c> by default.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddBitrix24RedisTokens(this IServiceCollection services, string keyPrefix = "b24:")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        services.TryAddSingleton<IBitrix24SharedTokenStore>(provider => new RedisBitrix24SharedTokens(provider.GetRequiredService<IConnectionMultiplexer>(), keyPrefix));
        return services;
    }

    /// <summary>
    /// Keeps the inbound side's state in Redis for several replicas: installations (<see cref="Bitrix24.Inbound.IBitrix24InstallationStore"/>),
    /// each polled bot's offset (<see cref="Bitrix24.Inbound.IBitrix24EventOffsetStore"/>) and the lease that lets one replica poll a bot
    /// at a time (<see cref="Bitrix24.Inbound.IBitrix24PollLease"/>). Replaces the in-memory stores whether it is called before or
    /// after <c>AddBitrix24Events</c>. The <see cref="IConnectionMultiplexer"/> is taken from the container.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="keyPrefix">Put before every key; <c>b24:</c> by default.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddBitrix24RedisEvents(this IServiceCollection services, string keyPrefix = "b24:")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        services.AddSingleton(provider => new RedisBitrix24EventOffsetStore(provider.GetRequiredService<IConnectionMultiplexer>(), keyPrefix));
        services.Replace(ServiceDescriptor.Singleton<Bitrix24.Inbound.IBitrix24EventOffsetStore>(provider => provider.GetRequiredService<RedisBitrix24EventOffsetStore>()));
        services.Replace(ServiceDescriptor.Singleton<Bitrix24.Inbound.IBitrix24PollLease>(provider => provider.GetRequiredService<RedisBitrix24EventOffsetStore>()));
        services.Replace(ServiceDescriptor.Singleton<Bitrix24.Inbound.IBitrix24InstallationStore>(provider =>
            new RedisBitrix24InstallationStore(provider.GetRequiredService<IConnectionMultiplexer>(), keyPrefix)));
        return services;
    }
}
