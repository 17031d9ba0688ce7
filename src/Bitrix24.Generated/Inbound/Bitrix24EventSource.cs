namespace Bitrix24.Inbound;

/// <summary>How an event reached the application.</summary>
public enum Bitrix24EventSource
{
    /// <summary>The portal posted it to the application's handler URL (webhook mode, and application events).</summary>
    Webhook,

    /// <summary>The application fetched it with <c>imbot.v2.Event.get</c> (fetch mode).</summary>
    Poll,
}
