using System.Diagnostics.CodeAnalysis;
using Bitrix24;
using Bitrix24.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers event handlers, the event receiver and the fetch-mode poller:
/// <c>services.AddBitrix24EventHandler&lt;MessageAddEvent, ReplyHandler&gt;()</c>, then
/// <c>app.MapBitrix24Events("/bitrix24/events")</c> (package <c>Bitrix24.Generated.AspNetCore</c>) for webhook
/// mode, or <c>services.AddBitrix24EventPolling(p =&gt; p.Bots.Add(new(botId)))</c> for fetch mode; both run the
/// same handlers. <c>AddBitrix24(...)</c> registers the receiver too.
/// </summary>
public static class Bitrix24EventServiceCollectionExtensions
{
    /// <summary>
    /// Registers the receiver and what it needs (an in-memory installation store and offset store unless one is
    /// registered already); safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the limits or the polling, or null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24Events(this IServiceCollection services, Action<Bitrix24EventOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(EventsRegistered)))
        {
            return services;
        }

        services.AddSingleton<EventsRegistered>();
        services.AddOptions<Bitrix24EventOptions>();
        services.TryAddSingleton<IBitrix24InstallationStore, InMemoryBitrix24InstallationStore>();
        services.TryAddSingleton<IBitrix24EventOffsetStore, InMemoryBitrix24EventOffsetStore>();
        services.TryAddSingleton(static provider => new EventDispatcher(
            provider.GetServices<EventHandlerRegistration>(), provider.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddSingleton(static provider => new EventClientSource(
            provider.GetRequiredService<IOptions<Bitrix24ServiceOptions>>(), provider));
        services.TryAddScoped<EventClientSource.ScopedClients>();
        services.TryAddSingleton(static provider =>
        {
            Bitrix24ServiceOptions settings = provider.GetRequiredService<IOptions<Bitrix24ServiceOptions>>().Value;
            TimeProvider time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            return new Bitrix24EventReceiver(
                provider.GetRequiredService<IOptions<Bitrix24EventOptions>>().Value.Limits,
                new DeliveryVerifier(settings.ApplicationToken, settings.MemberId, provider.GetRequiredService<IBitrix24InstallationStore>(), time),
                provider.GetRequiredService<EventDispatcher>(),
                provider.GetRequiredService<EventClientSource>(),
                time,
                (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Bitrix24.Inbound"));
        });
        return services;
    }

    /// <summary>Registers a handler type for one kind of event (resolved in a scope per event); several handlers of an event run in order.</summary>
    /// <typeparam name="TEvent">The generated event class, such as <c>Bitrix24.ImBot.MessageAddEvent</c>.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24EventHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where TEvent : class, IBitrix24Event<TEvent>
        where THandler : class, IBitrix24EventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddBitrix24Events();
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventHandlerRegistration(TEvent.EventType,
            static (provider, data, context, cancellationToken) => provider.GetRequiredService<THandler>().HandleAsync((TEvent)data, context, cancellationToken)));
        return services;
    }

    /// <summary>Registers a delegate handling one kind of event.</summary>
    /// <typeparam name="TEvent">The generated event class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="handler">Handles the event; <see cref="Bitrix24EventContext.Services"/> gives the event's scope.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24EventHandler<TEvent>(this IServiceCollection services, Func<TEvent, Bitrix24EventContext, CancellationToken, global::System.Threading.Tasks.Task> handler)
        where TEvent : class, IBitrix24Event<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddBitrix24Events();
        services.AddSingleton(new EventHandlerRegistration(TEvent.EventType, (_, data, context, cancellationToken) => handler((TEvent)data, context, cancellationToken)));
        return services;
    }

    /// <summary>
    /// Fetch mode: runs a hosted poller that fetches the given bots' events with <c>imbot.v2.Event.get</c> through the
    /// configured <see cref="Bitrix24Client"/> and runs their handlers. Register a lasting
    /// <see cref="IBitrix24EventOffsetStore"/> (such as <see cref="FileBitrix24EventOffsetStore"/>) so a restart goes on where it stopped.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds the bots (<see cref="Bitrix24EventPollingOptions.Bots"/>) and changes the pace.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBitrix24EventPolling(this IServiceCollection services, Action<Bitrix24EventPollingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddBitrix24Events(options => configure(options.Polling));
        if (services.Any(d => d.ServiceType == typeof(PollerRegistered)))
        {
            return services;
        }

        services.AddSingleton<PollerRegistered>();
        services.AddSingleton<IHostedService>(static provider =>
        {
            Bitrix24EventPollingOptions polling = provider.GetRequiredService<IOptions<Bitrix24EventOptions>>().Value.Polling;
            Check(polling);
            return new Bitrix24EventPoller(
                provider.GetRequiredService<Bitrix24Client>(),
                polling,
                provider.GetRequiredService<EventDispatcher>(),
                provider.GetRequiredService<IBitrix24EventOffsetStore>(),
                provider.GetService<IBitrix24PollLease>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<Bitrix24EventPoller>());
        });
        return services;
    }

    private static void Check(Bitrix24EventPollingOptions polling)
    {
        var errors = new List<string>();
        if (polling.BatchSize is < 1 or > 1000)
        {
            errors.Add($"Polling.BatchSize: {polling.BatchSize} must be 1 to 1000 (imbot.v2.Event.get's limit).");
        }

        if (polling.MaxHandlerAttempts < 1)
        {
            errors.Add($"Polling.MaxHandlerAttempts: {polling.MaxHandlerAttempts} must be at least 1.");
        }

        foreach ((string name, TimeSpan value) in new[] { ("IdleDelay", polling.IdleDelay), ("MoreDelay", polling.MoreDelay), ("HandlerRetryDelay", polling.HandlerRetryDelay), ("MaxErrorDelay", polling.MaxErrorDelay), ("LeaseDuration", polling.LeaseDuration) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Polling.{name}: {value} must be positive.");
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(Bitrix24EventOptions), errors);
        }
    }

    private sealed class EventsRegistered;

    private sealed class PollerRegistered;
}
