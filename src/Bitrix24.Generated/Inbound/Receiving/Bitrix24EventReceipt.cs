namespace Bitrix24.Inbound;

/// <summary>The answer to one delivery: the outcome, its HTTP status, and for a refused delivery the problem (never a token or value).</summary>
public sealed class Bitrix24EventReceipt
{
    internal Bitrix24EventReceipt(Bitrix24EventOutcome outcome, string? eventName, string? problem)
    {
        Outcome = outcome;
        EventName = eventName;
        Problem = problem;
    }

    /// <summary>What became of the delivery.</summary>
    public Bitrix24EventOutcome Outcome { get; }

    /// <summary>The event's wire name, once read.</summary>
    public string? EventName { get; }

    /// <summary>Why the delivery was refused, or null.</summary>
    public string? Problem { get; }

    /// <summary>The HTTP status to answer: 200, 400, 401, 413 or 500.</summary>
    public int StatusCode => Outcome switch
    {
        Bitrix24EventOutcome.Handled or Bitrix24EventOutcome.Ignored => 200,
        Bitrix24EventOutcome.Rejected => 401,
        Bitrix24EventOutcome.Malformed => 400,
        Bitrix24EventOutcome.TooLarge => 413,
        _ => 500,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{StatusCode} {Outcome}{(EventName is null ? "" : " " + EventName)}{(Problem is null ? "" : ": " + Problem)}";
}
