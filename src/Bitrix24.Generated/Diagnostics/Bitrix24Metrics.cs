using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bitrix24;

/// <summary>
/// Metrics: <see cref="Meter"/> <c>Bitrix24.Generated</c> (the same name as the traces' source), with OpenTelemetry-style
/// names: <c>bitrix24.client.calls</c> and <c>bitrix24.client.call.duration</c> (s) by <c>bitrix24.method</c> and
/// <c>bitrix24.outcome</c> (<c>ok</c>, the portal's error code, or the transport failure); <c>bitrix24.client.retries</c>
/// by method and <c>bitrix24.reason</c>; <c>bitrix24.client.rate_limit.wait</c> (s, the time a call waited for its slot);
/// <c>bitrix24.client.token.refreshes</c> by outcome (<c>refreshed</c>, <c>shared</c> when another process's pair was
/// taken, <c>failed</c>). The Redis package adds <c>bitrix24.redis.fallbacks</c> to the same meter name.
/// </summary>
public static class Bitrix24Metrics
{
    /// <summary>The meter's name: <c>Bitrix24.Generated</c> (e.g. <c>AddMeter("Bitrix24.Generated")</c>).</summary>
    public const string MeterName = Bitrix24Telemetry.SourceName;

    private static readonly Meter s_meter = new(MeterName, typeof(Bitrix24Metrics).Assembly.GetName().Version?.ToString(3));
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("bitrix24.client.calls", "{call}", "Calls made, by method and outcome.");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("bitrix24.client.call.duration", "s", "How long calls took, waits and repeats included.");
    private static readonly Counter<long> s_retries = s_meter.CreateCounter<long>("bitrix24.client.retries", "{retry}", "Attempts repeated, by method and reason.");
    private static readonly Histogram<double> s_limiterWait = s_meter.CreateHistogram<double>("bitrix24.client.rate_limit.wait", "s", "How long a call waited for its slot of the portal's budget.");
    private static readonly Counter<long> s_refreshes = s_meter.CreateCounter<long>("bitrix24.client.token.refreshes", "{refresh}", "OAuth refreshes, by outcome.");

    /// <summary>Whether anyone listens to the call instruments: the call path reads the clock for them only then.</summary>
    internal static bool CallsEnabled => s_calls.Enabled || s_duration.Enabled;

    internal static void Call(string method, string outcome, TimeSpan duration)
    {
        {
            var tags = new TagList { { "bitrix24.method", method }, { "bitrix24.outcome", outcome } };
            s_calls.Add(1, tags);
            s_duration.Record(duration.TotalSeconds, tags);
        }
    }

    internal static void Retry(string method, string reason) =>
        s_retries.Add(1, new KeyValuePair<string, object?>("bitrix24.method", method), new KeyValuePair<string, object?>("bitrix24.reason", reason));

    internal static void LimiterWait(string method, TimeSpan waited) =>
        s_limiterWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("bitrix24.method", method));

    internal static void Refresh(string outcome) => s_refreshes.Add(1, new KeyValuePair<string, object?>("bitrix24.outcome", outcome));
}
