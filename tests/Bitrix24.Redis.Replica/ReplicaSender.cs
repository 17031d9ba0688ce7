using System.Diagnostics;
using Bitrix24.ImOpenLines;
using StackExchange.Redis;

namespace Bitrix24.Redis.Replica;

/// <summary>The replica's work: <c>Messages</c> sends of <c>imopenlines.bot.session.message.send</c>, <c>Concurrency</c> at a time.</summary>
public sealed class ReplicaSender(ReplicaSettings settings)
{
    public async Task<ReplicaResult> RunAsync(CancellationToken cancellationToken)
    {
        ConnectionMultiplexer? redis = null;
        RedisBitrix24SharedLimits? shared = null;
        if (settings.Redis is { } connection)
        {
            ConfigurationOptions options = ConfigurationOptions.Parse(connection);
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast; // a dead Redis fails at once, and the fallback answers
            options.AsyncTimeout = 500;
            redis = await ConnectionMultiplexer.ConnectAsync(options);
            shared = new RedisBitrix24SharedLimits(redis, new RedisBitrix24SharedLimitsOptions { Headroom = settings.Headroom, FallbackShare = 1.0 / settings.Replicas });
        }

        try
        {
            Bitrix24ClientOptions client = Bitrix24ClientOptions.Webhook(settings.Webhook);
            client.RateLimit = Bitrix24RateLimit.Custom(settings.RequestsPerSecond, settings.Burst);
            client.SharedLimits = shared;
            client.Retry.TotalTimeout = TimeSpan.FromMinutes(10);
            using var sdk = new Bitrix24Client(client);

            var failures = new FailureTally();
            int sent = 0, next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < settings.Messages)
                {
                    try
                    {
                        await sdk.ImOpenLines.Bot.Session.Message.SendAsync(settings.ChatId, AutoMessageType.Default, $"r{settings.Id}-{i}", cancellationToken);
                        Interlocked.Increment(ref sent);
                    }
                    catch (Bitrix24Exception e)
                    {
                        failures.Add(e);
                    }
                }
            }));

            return new ReplicaResult(settings.Id, sent, failures.ToDictionary(), failures.QueryLimitExceeded, clock.Elapsed.TotalMilliseconds, shared?.FallbackCount ?? 0, shared?.IsUsingFallback ?? false);
        }
        finally
        {
            shared?.Dispose();
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
        }
    }
}
