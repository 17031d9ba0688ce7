namespace Bitrix24.Inbound;

/// <summary>
/// How events are received, beside <see cref="Bitrix24ServiceOptions.ApplicationToken"/>: the bounds on a
/// delivery and, for fetch mode, the bots to poll (<see cref="Polling"/>).
/// </summary>
public sealed class Bitrix24EventOptions
{
    /// <summary>Bounds on a delivery's size and shape.</summary>
    public Bitrix24EventLimits Limits { get; } = new();

    /// <summary>Fetch mode: the bots whose events a hosted poller fetches with <c>imbot.v2.Event.get</c>.</summary>
    public Bitrix24EventPollingOptions Polling { get; } = new();
}
