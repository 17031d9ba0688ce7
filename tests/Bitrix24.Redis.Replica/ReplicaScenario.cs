using System.Globalization;
using System.Text.RegularExpressions;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;

namespace Bitrix24.Redis.Replica;

/// <summary>
/// P replicas as P OS processes (this program in <c>replica</c> mode), all sending to one emulated portal, then what the
/// portal saw: every message delivered once or not, the portal's refusals, and how close the run came to the most its
/// leaky bucket allows in the same time (burst + pace × time).
/// </summary>
public static partial class ReplicaScenario
{
    public const string Method = "imopenlines.bot.session.message.send";

    /// <param name="portal">The portal, paced at <paramref name="requestsPerSecond"/> and <paramref name="burst"/>.</param>
    /// <param name="redis">The replicas' Redis, or null: each paces itself alone.</param>
    /// <param name="onHalfway">Run once when half the messages reached the portal (e.g. kill Redis), or null.</param>
    public static async Task<ScenarioReport> RunAsync(
        EmulatedPortal portal, string? redis, int replicas, int messages, double requestsPerSecond, int burst, int headroom,
        Func<Task>? onHalfway = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        Task<ReplicaResult>[] running = Enumerable.Range(1, replicas)
            .Select(id => ReplicaProcess.RunAsync(
                new ReplicaSettings(portal.WebhookUrl, id, messages, redis, replicas, requestsPerSecond, burst, headroom, Concurrency: 10, DemoPortal.ChatId).ToArguments(),
                cancellationToken))
            .ToArray();
        Task halfway = onHalfway is null ? Task.CompletedTask : WhenHalfwayAsync(portal, replicas * messages / 2, onHalfway, cancellationToken);
        var results = new List<ReplicaResult>();
        foreach (Task<ReplicaResult> replica in running)
        {
            ReplicaResult result = await replica;
            results.Add(result);
            log?.Invoke(result.ToLine());
        }

        await halfway;
        return Report(portal, results, replicas * messages, requestsPerSecond, burst);
    }

    private static async Task WhenHalfwayAsync(EmulatedPortal portal, int count, Func<Task> action, CancellationToken cancellationToken)
    {
        while (portal.Requests.For(Method).Count(r => r.Status == 200) < count)
        {
            await Task.Delay(100, cancellationToken);
        }

        await action();
    }

    private static ScenarioReport Report(EmulatedPortal portal, List<ReplicaResult> results, int expected, double requestsPerSecond, int burst)
    {
        IReadOnlyList<ReceivedRequest> sends = portal.Requests.For(Method);
        List<string> texts = portal.State.GetChat(DemoPortal.ChatId).Transcript.Select(m => m.Text).Where(t => Sent().IsMatch(t)).ToList();
        int distinct = texts.Distinct(StringComparer.Ordinal).Count();
        List<ReceivedRequest> accepted = sends.Where(r => r.Status == 200).ToList();
        double window = accepted.Count < 2 ? 0 : (accepted[^1].Time - sends[0].Time).TotalSeconds;
        double most = burst + requestsPerSecond * window;
        return new ScenarioReport(
            results.Count,
            expected,
            distinct,
            texts.Count - distinct,
            sends.Count(r => r.Status == 503),
            results.Sum(r => r.QueryLimitExceeded),
            results.Sum(r => r.Failures.Values.Sum()) - results.Sum(r => r.QueryLimitExceeded),
            window,
            most > 0 ? Math.Min(distinct, most) / most : 0,
            results.Sum(r => r.Fallbacks),
            results.All(r => !r.EndedOnFallback));
    }

    [GeneratedRegex(@"^r\d+-\d+$")]
    private static partial Regex Sent();
}

/// <summary>What the portal saw of a scenario.</summary>
/// <param name="Share">Messages delivered, over the most the portal's bucket lets through in the same window.</param>
public sealed record ScenarioReport(
    int Replicas, int Expected, int Delivered, int Duplicates, int PortalRefusals, int QueryLimitSurfaced, int OtherFailures,
    double WindowSeconds, double Share, long Fallbacks, bool EndedShared)
{
    public int Lost => Expected - Delivered;

    public const string Header =
        "| replicas | messages | delivered once | lost | duplicated | 503s at the portal | QUERY_LIMIT_EXCEEDED surfaced | other failures | window | share of the bucket's maximum |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Replicas} | {Expected} | {Delivered} | {Lost} | {Duplicates} | {PortalRefusals} | {QueryLimitSurfaced} | {OtherFailures} | {WindowSeconds:0.0} s | {Share:P1} |");
}
