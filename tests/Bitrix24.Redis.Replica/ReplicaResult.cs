using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Redis.Replica;

/// <summary>What one replica did, printed as one JSON line on its standard output.</summary>
public sealed record ReplicaResult(
    int Id,
    int Sent,
    Dictionary<string, int> Failures,
    int QueryLimitExceeded,
    double ElapsedMs,
    long Fallbacks,
    bool EndedOnFallback)
{
    /// <summary>The marker the line starts with, so log lines on the same output are told apart.</summary>
    public const string Marker = "RESULT ";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToLine() => Marker + JsonSerializer.Serialize(this, Json);

    public static ReplicaResult? FromLine(string line) =>
        line.StartsWith(Marker, StringComparison.Ordinal) ? JsonSerializer.Deserialize<ReplicaResult>(line[Marker.Length..], Json) : null;
}
