namespace Bitrix24.Inbound;

/// <summary>
/// What a handler gets beside the event: where it came from, which portal, and a client for that portal.
/// </summary>
public sealed class Bitrix24EventContext
{
    private readonly Func<Bitrix24Client> _client;
    private Bitrix24Client? _created;

    internal Bitrix24EventContext(Bitrix24EventType type, Bitrix24EventSource source, Func<Bitrix24Client> client, IServiceProvider services)
    {
        EventType = type;
        Source = source;
        _client = client;
        Services = services;
    }

    /// <summary>The kind of event (its wire name and class).</summary>
    public Bitrix24EventType EventType { get; }

    /// <summary>The event's wire name, such as <c>ONIMBOTV2MESSAGEADD</c>.</summary>
    public string EventName => EventType.Name;

    /// <summary>How the event arrived.</summary>
    public Bitrix24EventSource Source { get; }

    /// <summary>The event's id in the bot's queue (<see cref="Bitrix24EventSource.Poll"/>); null for a webhook delivery.</summary>
    public long? EventId { get; init; }

    /// <summary>When the portal sent it (<c>ts</c>) or the event happened (<c>date</c>), if given.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The delivery's <c>auth</c> block (webhook deliveries only); tokens are never printed.</summary>
    public Bitrix24EventAuth? Auth { get; init; }

    /// <summary>The portal's unique id, when the delivery names it.</summary>
    public string? MemberId => Auth?.MemberId;

    /// <summary>The portal's domain, when the delivery names it.</summary>
    public string? Domain => Auth?.Domain;

    /// <summary>The handler's scoped services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// A client for the event's portal: the configured client for a webhook bot and for polling; for an OAuth
    /// application, one made from the delivery's tokens (or, when it has none, the installation's). Made on
    /// first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">There are no credentials for the portal.</exception>
    public Bitrix24Client Client => _created ??= _client();

    /// <inheritdoc/>
    public override string ToString() => $"Bitrix24EventContext {{ Event = {EventName}, Source = {Source}, EventId = {EventId}, Domain = {Domain} }}";
}
