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
        Dictionary<string, string> values = ReplicaArguments.Parse(args);
        int id = int.Parse(values.Required("--id"), System.Globalization.CultureInfo.InvariantCulture);
        int calls = int.Parse(values.Required("--calls"), System.Globalization.CultureInfo.InvariantCulture);

        await using ConnectionMultiplexer? redis = values.TryGetValue("--redis", out string? connection) ? await ConnectionMultiplexer.ConnectAsync(connection) : null;
        Bitrix24ClientOptions options = Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(values.Required("--access"), values.Required("--refresh"), new Uri(values.Required("--endpoint")), new Uri(values.Required("--server"))), values.Required("--client-id"), values.Required("--secret"));
        options.RateLimit = Bitrix24RateLimit.Off;
        options.SharedTokens = redis is null ? null : new RedisBitrix24SharedTokens(redis);
        using var client = new Bitrix24Client(options);

        var failures = new FailureTally();
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
                failures.Add(e);
            }
        }));

        return new ReplicaResult(id, sent, failures.ToDictionary(), failures.QueryLimitExceeded, clock.Elapsed.TotalMilliseconds, 0, false);
    }
}
