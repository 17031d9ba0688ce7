namespace Bitrix24.Inbound;

/// <summary>
/// Handles one kind of event. Register it with
/// <c>services.AddBitrix24EventHandler&lt;MessageAddEvent, MyHandler&gt;()</c>; it is resolved in a scope of
/// its own for each event, from webhook deliveries and from polling alike.
/// </summary>
/// <typeparam name="TEvent">The generated event class, such as <c>Bitrix24.ImBot.MessageAddEvent</c>.</typeparam>
public interface IBitrix24EventHandler<in TEvent>
    where TEvent : class
{
    /// <summary>
    /// Handles the event. Returning acknowledges it (a webhook delivery is answered 200; a polled event is not
    /// fetched again); throwing answers 500, or has a polled event fetched again up to the configured attempts.
    /// </summary>
    global::System.Threading.Tasks.Task HandleAsync(TEvent @event, Bitrix24EventContext context, CancellationToken cancellationToken);
}
