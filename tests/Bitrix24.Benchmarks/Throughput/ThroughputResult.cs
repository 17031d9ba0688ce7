namespace Bitrix24.Benchmarks.Throughput;

/// <summary>What one throughput run did, in portal time (seconds from its start).</summary>
/// <param name="Name">How the messages were sent.</param>
/// <param name="Messages">Messages asked for.</param>
/// <param name="HttpCalls">HTTP requests the portal received for them.</param>
/// <param name="Refused">Requests the portal refused with 503 QUERY_LIMIT_EXCEEDED (the SDK repeats those).</param>
/// <param name="SurfacedLimitErrors">Limit errors that reached the caller (503 from the portal, or the client's own limiter giving up).</param>
/// <param name="OtherErrors">Any other failure that reached the caller.</param>
/// <param name="Delivered">Distinct messages in the chat's transcript afterwards.</param>
/// <param name="Duplicates">Messages that arrived more than once.</param>
/// <param name="Duration">From the first request to the last answer.</param>
/// <param name="TheoreticalMinimum">The fastest the portal's bucket allows for these requests.</param>
/// <param name="AcceptedAt">When each request the portal ran arrived.</param>
/// <param name="RefusedAt">When each refused request arrived.</param>
internal sealed record ThroughputResult(
    string Name,
    int Messages,
    int HttpCalls,
    int Refused,
    int SurfacedLimitErrors,
    int OtherErrors,
    int Delivered,
    int Duplicates,
    TimeSpan Duration,
    TimeSpan TheoreticalMinimum,
    IReadOnlyList<double> AcceptedAt,
    IReadOnlyList<double> RefusedAt)
{
    /// <summary>Achieved rate as a share of the most the limit allows: the theoretical minimum time over the time taken.</summary>
    public double ShareOfMaximum => TheoreticalMinimum.TotalSeconds / Duration.TotalSeconds;

    /// <summary>Every message arrived exactly once and no error reached the caller.</summary>
    public bool IsComplete => Delivered == Messages && Duplicates == 0 && SurfacedLimitErrors == 0 && OtherErrors == 0;
}
