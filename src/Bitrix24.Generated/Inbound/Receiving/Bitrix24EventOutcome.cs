namespace Bitrix24.Inbound;

/// <summary>What became of a delivery; each maps to one HTTP status (<see cref="Bitrix24EventReceipt.StatusCode"/>).</summary>
public enum Bitrix24EventOutcome
{
    /// <summary>Verified, and every handler of the event finished (200).</summary>
    Handled,

    /// <summary>Verified, but no handler takes the event (200: the portal is told all is well).</summary>
    Ignored,

    /// <summary>The application token is missing or wrong, or the portal unknown; no handler ran (401).</summary>
    Rejected,

    /// <summary>The body could not be read as a delivery, or its data not as the event; no handler ran (400).</summary>
    Malformed,

    /// <summary>The body is over <see cref="Bitrix24EventLimits.MaxBodyBytes"/> (413).</summary>
    TooLarge,

    /// <summary>A handler threw (500); the failure was logged with the event's name.</summary>
    HandlerFailed,
}
