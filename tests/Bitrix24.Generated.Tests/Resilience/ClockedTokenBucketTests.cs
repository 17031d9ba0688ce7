using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>The SDK's token bucket on a fake clock: the burst at once, then exactly the rate, in order.</summary>
public sealed class ClockedTokenBucketTests
{
    [Fact]
    public async Task It_grants_the_burst_at_once_then_two_a_second_first_come_first_served()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bucket = new ClockedTokenBucket(2, 50, clock);
        var granted = new List<(int Index, TimeSpan At)>();
        DateTimeOffset start = clock.GetUtcNow();
        Task[] waits = Enumerable.Range(0, 60).Select(async i =>
        {
            using RateLimitLease lease = await bucket.AcquireAsync(1);
            Assert.True(lease.IsAcquired);
            lock (granted)
            {
                granted.Add((i, clock.GetUtcNow() - start));
            }
        }).ToArray();

        for (int step = 0; step < 40; step++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        await Task.WhenAll(waits);
        await Task.Delay(10);
        List<(int Index, TimeSpan At)> order = granted.OrderBy(g => g.Index).ToList();
        Assert.All(order.Take(50), g => Assert.Equal(TimeSpan.Zero, g.At));
        for (int extra = 1; extra <= 10; extra++)
        {
            Assert.InRange(order[49 + extra].At.TotalSeconds, (extra * 0.5) - 0.001, (extra * 0.5) + 0.25);
        }
    }

    [Fact]
    public void It_refuses_at_once_with_a_retry_after_when_empty()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bucket = new ClockedTokenBucket(2, 1, clock);

        Assert.True(bucket.AttemptAcquire().IsAcquired);
        using RateLimitLease refused = bucket.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter));
        Assert.InRange(retryAfter.TotalSeconds, 0.5, 0.501);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_line_and_the_next_caller_is_served()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bucket = new ClockedTokenBucket(1, 1, clock);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        using var cts = new CancellationTokenSource();
        ValueTask<RateLimitLease> first = bucket.AcquireAsync(1, cts.Token);
        ValueTask<RateLimitLease> second = bucket.AcquireAsync(1);

        await cts.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1.01));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
        Assert.True((await second).IsAcquired);
    }
}
