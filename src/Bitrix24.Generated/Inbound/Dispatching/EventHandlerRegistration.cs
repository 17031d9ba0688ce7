namespace Bitrix24.Inbound;

/// <summary>One handler of one kind of event, as registered in DI; the delegate knows the handler's types, so no reflection is needed.</summary>
internal sealed class EventHandlerRegistration(Bitrix24EventType type, Func<IServiceProvider, object, Bitrix24EventContext, CancellationToken, global::System.Threading.Tasks.Task> invoke)
{
    public Bitrix24EventType Type { get; } = type;

    public Func<IServiceProvider, object, Bitrix24EventContext, CancellationToken, global::System.Threading.Tasks.Task> Invoke { get; } = invoke;
}
