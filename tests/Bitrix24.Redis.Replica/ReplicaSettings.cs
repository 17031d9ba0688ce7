using System.Globalization;

namespace Bitrix24.Redis.Replica;

/// <summary>A replica's command line: <c>replica --webhook URL --id K --messages N [--redis CONN] [--replicas P] [--rate R] [--burst B] [--headroom H] [--concurrency C] [--chat ID]</c>.</summary>
public sealed record ReplicaSettings(
    Uri Webhook,
    int Id,
    int Messages,
    string? Redis,
    int Replicas,
    double RequestsPerSecond,
    int Burst,
    int Headroom,
    int Concurrency,
    int ChatId)
{
    public IEnumerable<string> ToArguments()
    {
        yield return "replica";
        foreach ((string name, string? value) in new (string, string?)[]
        {
            ("--webhook", Webhook.ToString()), ("--id", Text(Id)), ("--messages", Text(Messages)), ("--redis", Redis), ("--replicas", Text(Replicas)),
            ("--rate", RequestsPerSecond.ToString(CultureInfo.InvariantCulture)), ("--burst", Text(Burst)), ("--headroom", Text(Headroom)),
            ("--concurrency", Text(Concurrency)), ("--chat", Text(ChatId)),
        })
        {
            if (value is not null)
            {
                yield return name;
                yield return value;
            }
        }
    }

    /// <exception cref="ArgumentException">A value is missing or not a number; the message names it.</exception>
    public static ReplicaSettings Parse(IReadOnlyList<string> args)
    {
        Dictionary<string, string> values = ReplicaArguments.Parse(args);
        int Int(string name, int fallback) => values.TryGetValue(name, out string? v)
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException($"{name}: '{v}' is not a positive whole number.")
            : fallback;

        double rate = values.TryGetValue("--rate", out string? r)
            ? double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0 ? d : throw new ArgumentException($"--rate: '{r}' is not a positive number.")
            : 2;
        return new ReplicaSettings(new Uri(values.Required("--webhook")), Int("--id", 1), Int("--messages", 250), values.GetValueOrDefault("--redis"), Int("--replicas", 4),
            rate, Int("--burst", 50), values.TryGetValue("--headroom", out string? h) ? int.Parse(h, CultureInfo.InvariantCulture) : 2, Int("--concurrency", 10), Int("--chat", 112));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
