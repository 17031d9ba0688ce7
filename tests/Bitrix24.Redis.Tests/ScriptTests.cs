using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// The scripts against a real server, time scaled: 20 requests/s (a slot every 50 ms), a burst of 6 less the headroom
/// of 2, so 4 requests go at once. Each test has a portal of its own.
/// </summary>
public sealed class ScriptTests : IClassFixture<RedisServer>, IAsyncLifetime
{
    private const double IntervalMs = 50;
    private const int Capacity = 4;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private readonly RedisServer _server;
    private ConnectionMultiplexer? _redis;
    private RedisBitrix24SharedLimits? _limits;

    public ScriptTests(RedisServer server)
    {
        _server = server;
        TestThreadPool.EnsureThreads();
    }

    private IDatabase Database => _redis!.GetDatabase();

    private RedisBitrix24SharedLimits Limits => _limits!;

    public async Task InitializeAsync()
    {
        if (RedisServer.IsInstalled || RedisServer.IsRequired)
        {
            _redis = await _server.ConnectAsync(admin: true);
            _limits = new RedisBitrix24SharedLimits(_redis);
        }
    }

    public async Task DisposeAsync()
    {
        _limits?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private static Bitrix24LimitScope Scope(string portal, string credential = "app.one") => new(portal, credential, 20, Capacity + 2);

    [RedisFact]
    public async Task BackToBack_TheBurstGoesAtOnce_ThenEachCallerWaitsOneMoreInterval()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        var clock = Stopwatch.StartNew();
        var calls = new List<(double Start, double End, double Wait)>();
        for (int i = 0; i < 8; i++)
        {
            double start = clock.Elapsed.TotalMilliseconds;
            Bitrix24LimitReservation reservation = await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
            Assert.Equal(Bitrix24LimitDecision.Granted, reservation.Decision);
            calls.Add((start, clock.Elapsed.TotalMilliseconds, reservation.Wait.TotalMilliseconds));
        }

        // The k-th call (from 0) waits (k + 1 − capacity) intervals less the time since the first call ran on the server;
        // both moments lie within the calls' start and end here, so the bounds hold however slow the machine is.
        Assert.All(calls.Take(Capacity), call => Assert.Equal(0, call.Wait));
        for (int k = Capacity; k < calls.Count; k++)
        {
            double slot = (k + 1 - Capacity) * IntervalMs;
            Assert.InRange(calls[k].Wait, Math.Max(0, slot - (calls[k].End - calls[0].Start)) - 1, slot - (calls[k].Start - calls[0].End) + 1);
        }

        Assert.True((await Redis.TatAsync(Database, scope.Portal))!.Value > await Redis.NowMicrosecondsAsync(Database));
        Assert.False(Limits.IsUsingFallback);
        Assert.Equal(0, Limits.FallbackCount);
    }

    [RedisFact]
    public async Task PastMaxWait_IsTooLong_AndWritesNothing()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        for (int i = 0; i < Capacity + 10; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        long before = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        long now0 = await Redis.NowMicrosecondsAsync(Database);
        Bitrix24LimitReservation refused = await Limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromMilliseconds(20), default);
        Bitrix24LimitReservation immediateOnly = await Limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.Zero, default);
        long now1 = await Redis.NowMicrosecondsAsync(Database);

        // wait = TAT + interval − capacity × interval − now, with now between now0 and now1 (about 550 ms here).
        double next = (before + (1 - Capacity) * IntervalMs * 1000) / 1000;
        Assert.Equal(Bitrix24LimitDecision.TooLong, refused.Decision);
        Assert.InRange(refused.Wait.TotalMilliseconds, next - now1 / 1000.0 - 1, next - now0 / 1000.0 + 1);
        Assert.Equal(Bitrix24LimitDecision.TooLong, immediateOnly.Decision);
        Assert.Equal(before, await Redis.TatAsync(Database, scope.Portal));
    }

    [RedisFact]
    public async Task MarkFull_FillsAnEmptyBucket_AndNeverLowersTheTat()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        long now0 = await Redis.NowMicrosecondsAsync(Database);
        await Limits.MarkFullAsync(scope, default);
        long now1 = await Redis.NowMicrosecondsAsync(Database);
        long full = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        Assert.InRange(full, now0 + (long)(Capacity * IntervalMs * 1000), now1 + (long)(Capacity * IntervalMs * 1000));

        // Full: the next caller waits for one slot to drain.
        Bitrix24LimitReservation next = await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        long now2 = await Redis.NowMicrosecondsAsync(Database);
        Assert.InRange(next.Wait.TotalMilliseconds, IntervalMs - (now2 - now0) / 1000.0 - 1, IntervalMs + 1);

        // A long queue: the TAT is far ahead of "full", and marking full again must not pull it back.
        for (int i = 0; i < 10; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        long queued = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        await Limits.MarkFullAsync(scope, default);
        Assert.Equal(queued, await Redis.TatAsync(Database, scope.Portal));
    }

    [RedisFact]
    public async Task Refund_GivesASlotBack_ButNeverBelowNow_AndWritesNoBucketThatIsNotThere()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        for (int i = 0; i < 10; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        // Ten slots queued (500 ms ahead): one refund takes exactly one interval off.
        long tat = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        await Limits.RefundAsync(scope, default);
        Assert.Equal(tat - (long)(IntervalMs * 1000), await Redis.TatAsync(Database, scope.Portal));

        for (int i = 0; i < 12; i++)
        {
            await Limits.RefundAsync(scope, default);
        }

        long before = await Redis.NowMicrosecondsAsync(Database);
        await Limits.RefundAsync(scope, default);
        long after = await Redis.NowMicrosecondsAsync(Database);
        Assert.InRange((await Redis.TatAsync(Database, scope.Portal))!.Value, before, after);

        Bitrix24LimitScope untouched = Scope(Redis.NewPortal());
        await Limits.RefundAsync(untouched, default);
        Assert.False(await Database.KeyExistsAsync(Redis.BucketKey(untouched.Portal)));
    }

    [RedisFact]
    public async Task TheBucketExpires_ASecondAfterItEmpties()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        foreach (int reservations in (int[])[1, 9])
        {
            for (int i = 0; i < reservations; i++)
            {
                await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
            }

            // The key's expiry is exactly a second past the moment the bucket would be empty.
            long tat = (await Redis.TatAsync(Database, scope.Portal))!.Value;
            var expiresAt = (long)await Database.ExecuteAsync("PEXPIRETIME", Redis.BucketKey(scope.Portal));
            Assert.Equal(tat / 1000 + 1000, expiresAt);
            TimeSpan? ttl = await Database.KeyTimeToLiveAsync(Redis.BucketKey(scope.Portal));
            Assert.InRange(ttl!.Value.TotalMilliseconds, 1000, 1000 + 10 * IntervalMs + 1);
        }
    }

    [RedisFact]
    public async Task BlockMethod_BlocksThatMethodForThatCredential_UntilTheTime_AndIsNeverShortened()
    {
        string portal = Redis.NewPortal();
        Bitrix24LimitScope scope = Scope(portal);
        // Another replica, with its own connection: the block reaches it through Redis.
        await using ConnectionMultiplexer otherConnection = await _server.ConnectAsync();
        using var other = new RedisBitrix24SharedLimits(otherConnection);

        long nowMs = await Redis.NowMicrosecondsAsync(Database) / 1000;
        DateTimeOffset until = DateTimeOffset.FromUnixTimeMilliseconds(nowMs + 800);
        await Limits.BlockMethodAsync(scope, "crm.deal.list", until, default);

        Bitrix24LimitReservation blocked = await other.ReserveAsync(scope, "crm.deal.list", Long, default);
        Assert.Equal(Bitrix24LimitDecision.MethodBlocked, blocked.Decision);
        Assert.Equal(until, blocked.BlockedUntil);
        Assert.Equal(Bitrix24LimitDecision.MethodBlocked, (await other.ReserveAsync(scope, "CRM.Deal.List", Long, default)).Decision);
        Assert.Equal(Bitrix24LimitDecision.Granted, (await other.ReserveAsync(scope, "crm.deal.get", Long, default)).Decision);
        Assert.Equal(Bitrix24LimitDecision.Granted, (await other.ReserveAsync(Scope(portal, "app.two"), "crm.deal.list", Long, default)).Decision);

        // An earlier end does not shorten it; a later one extends it.
        string blockKey = $"b24:{{{portal}}}:opblk:app.one:crm.deal.list";
        await other.BlockMethodAsync(scope, "crm.deal.list", until.AddMilliseconds(-300), default);
        Assert.Equal(until.ToUnixTimeMilliseconds(), (long)await Database.StringGetAsync(blockKey));
        Assert.Equal(until.ToUnixTimeMilliseconds() + 1000, (long)await Database.ExecuteAsync("PEXPIRETIME", blockKey));

        await Task.Delay(until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(30));
        Bitrix24LimitReservation after = await other.ReserveAsync(scope, "crm.deal.list", Long, default);
        Assert.Equal(Bitrix24LimitDecision.Granted, after.Decision);
        Assert.Equal(Bitrix24LimitDecision.Granted, (await Limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);

        DateTimeOffset later = DateTimeOffset.FromUnixTimeMilliseconds(await Redis.NowMicrosecondsAsync(Database) / 1000 + 400);
        await other.BlockMethodAsync(scope, "crm.deal.list", later, default);
        Assert.Equal(later, (await Limits.ReserveAsync(scope, "crm.deal.list", Long, default)).BlockedUntil);
    }

    [RedisFact]
    public async Task ScriptFlush_TheScriptsAreSentAgain()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        Assert.Equal(Bitrix24LimitDecision.Granted, (await Limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);
        byte[] sha = SHA1.HashData(Encoding.UTF8.GetBytes(RedisLimitScripts.Reserve));
        IServer server = _redis!.GetServers().Single();
        Assert.True(await server.ScriptExistsAsync(sha));

        await server.ScriptFlushAsync();
        Assert.False(await server.ScriptExistsAsync(sha));

        Assert.Equal(Bitrix24LimitDecision.Granted, (await Limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Decision);
        await Limits.MarkFullAsync(scope, default);
        Assert.True(await server.ScriptExistsAsync(sha));
        Assert.False(Limits.IsUsingFallback);
        Assert.Equal(0, Limits.FallbackCount);
    }

    [RedisFact]
    public async Task FlushAll_LeavesAnEmptyBucket()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        for (int i = 0; i < Capacity + 3; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        Assert.True((await Limits.ReserveAsync(scope, "crm.deal.list", Long, default)).Wait > TimeSpan.Zero);
        await _redis!.GetServers().Single().FlushAllDatabasesAsync();

        Assert.Equal(Bitrix24LimitReservation.Granted(TimeSpan.Zero), await Limits.ReserveAsync(scope, "crm.deal.list", Long, default));
        Assert.False(Limits.IsUsingFallback);
    }

    [RedisFact]
    public async Task BracesInAPortal_CannotBreakTheHashTag()
    {
        string portal = "evil}" + Guid.NewGuid().ToString("N") + "{x";
        Bitrix24LimitScope scope = Scope(portal, "app}{");
        await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        await Limits.BlockMethodAsync(scope, "crm.{deal}.list", DateTimeOffset.UtcNow.AddSeconds(5), default);

        string clean = portal.Replace('{', '_').Replace('}', '_');
        Assert.True(await Database.KeyExistsAsync($"b24:{{{clean}}}:rl"));
        Assert.True(await Database.KeyExistsAsync($"b24:{{{clean}}}:opblk:app__:crm._deal_.list"));
    }
}
