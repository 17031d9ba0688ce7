namespace Bitrix24;

/// <summary>
/// The <c>time</c> block every answer carries. The set of fields varies (the operating fields exist
/// only in the cloud, only while the limiter is active), so every property is optional.
/// </summary>
public sealed class Bitrix24ResponseTime
{
    /// <summary>A block with no fields, for answers without one.</summary>
    public static Bitrix24ResponseTime Empty { get; } = new();

    /// <summary>When the portal started the request (<c>start</c>).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the portal finished it (<c>finish</c>).</summary>
    public DateTimeOffset? Finish { get; init; }

    /// <summary>How long it took (<c>duration</c>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Time spent in the method's handler (<c>processing</c>).</summary>
    public TimeSpan? Processing { get; init; }

    /// <summary>Start in the portal's time zone (<c>date_start</c>).</summary>
    public DateTimeOffset? DateStart { get; init; }

    /// <summary>Finish in the portal's time zone (<c>date_finish</c>).</summary>
    public DateTimeOffset? DateFinish { get; init; }

    /// <summary>This method's accumulated execution time for this application or webhook over the last ten minutes (<c>operating</c>).</summary>
    public TimeSpan? Operating { get; init; }

    /// <summary>When the oldest minute of <see cref="Operating"/> drops out (<c>operating_reset_at</c>).</summary>
    public DateTimeOffset? OperatingResetAt { get; init; }
}
