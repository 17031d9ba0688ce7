using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Inbound;

/// <summary>
/// Finds the handlers of an event by its wire name and runs them one after another, in the order they were
/// registered, in one DI scope; the webhook receiver and the poller share it.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly Dictionary<string, EventHandlerRegistration[]> _byName;
    private readonly IServiceScopeFactory _scopes;

    public EventDispatcher(IEnumerable<EventHandlerRegistration> registrations, IServiceScopeFactory scopes)
    {
        _byName = registrations
            .GroupBy(r => r.Type.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _scopes = scopes;
    }

    /// <summary>The kind of event the name stands for, when some handler takes it; null when none does.</summary>
    public Bitrix24EventType? Find(string eventName) => _byName.TryGetValue(eventName, out EventHandlerRegistration[]? found) ? found[0].Type : null;

    /// <summary>Runs every handler of the event; the first failure stops the rest and is thrown. The context is made from the handlers' scope.</summary>
    public async global::System.Threading.Tasks.Task DispatchAsync(Bitrix24EventType type, object data, Func<IServiceProvider, Bitrix24EventContext> context, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            Bitrix24EventContext made = context(scope.ServiceProvider);
            foreach (EventHandlerRegistration registration in _byName[type.Name])
            {
                await registration.Invoke(scope.ServiceProvider, data, made, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
