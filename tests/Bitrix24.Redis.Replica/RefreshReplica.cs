using System.Diagnostics;
using Bitrix24.ImOpenLines;
using StackExchange.Redis;

namespace Bitrix24.Redis.Replica;

/// <summary>
/// <c>refresh --endpoint URL --server URL --access A --refresh R --client-id C --secret S --id K --calls N [--redis CONN]</c>: one replica
/// of an OAuth app starting from a pair whose access token has expired, making N calls at once; with <c>--redis</c> its
/// tokens are shared through Redis. Prints the same RESULT line as a sending replica.
/// </summary>
public static class RefreshReplica
{
    public static async Task<ReplicaResult> RunAsync(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out string? v) ? v : throw new ArgumentException($"{name} is required.");
        int id = int.Parse(Required("--id"), System.Globalization.CultureInfo.InvariantCulture);
        int calls = int.Parse(Required("--calls"), System.Globalization.CultureInfo.InvariantCulture);

        await using ConnectionMultiplexer? redis = values.TryGetValue("--redis", out string? connection) ? await ConnectionMultiplexer.ConnectAsync(connection) : null;
        Bitrix24ClientOptions options = Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(Required("--access"), Required("--refresh"), new Uri(Required("--endpoint")), new Uri(Required("--server"))), Required("--client-id"), Required("--secret"));
        options.RateLimit = Bitrix24RateLimit.Off;
        options.SharedTokens = redis is null ? null : new RedisBitrix24SharedTokens(redis);
        using var client = new Bitrix24Client(options);

        var failures = new Dictionary<string, int>();
        int sent = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            try
            {
                await client.ImOpenLines.Bot.Session.Message.SendAsync(112, AutoMessageType.Default, $"t{id}-{i}");
                Interlocked.Increment(ref sent);
            }
            catch (Bitrix24Exception e)
            {
                string code = e switch
                {
                    Bitrix24ApiException api => api.Code,
                    Bitrix24TransportException transport => transport.Failure.ToString(),
                    _ => e.GetType().Name,
                };
                lock (failures)
                {
                    failures[code] = failures.GetValueOrDefault(code) + 1;
                }
            }
        }));

        return new ReplicaResult(id, sent, failures, 0, clock.Elapsed.TotalMilliseconds, 0, false);
    }
}
