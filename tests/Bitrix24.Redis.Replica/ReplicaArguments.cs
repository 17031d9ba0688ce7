namespace Bitrix24.Redis.Replica;

/// <summary>A replica's <c>--name value</c> pairs.</summary>
public static class ReplicaArguments
{
    /// <exception cref="ArgumentException">Something other than <c>--name value</c> pairs; the message names it.</exception>
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i]] = args[i + 1];
        }

        return values;
    }

    /// <exception cref="ArgumentException">The value is missing.</exception>
    public static string Required(this Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"{name} is required.");
}
