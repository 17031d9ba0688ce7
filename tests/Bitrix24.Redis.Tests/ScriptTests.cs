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

    public ScriptTests(RedisServer server) => _server = server;

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
        var waits = new List<double>();
        for (int i = 0; i < 8; i++)
        {
            Bitrix24LimitReservation reservation = await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
            Assert.Equal(Bitrix24LimitDecision.Granted, reservation.Decision);
            waits.Add(reservation.Wait.TotalMilliseconds);
        }

        Assert.All(waits.Take(Capacity), wait => Assert.Equal(0, wait));
        for (int k = Capacity; k < waits.Count; k++)
        {
            double expected = (k - Capacity + 1) * IntervalMs;
            Assert.InRange(waits[k], expected - 25, expected + 1);
        }

        // The bucket holds the 8 slots: its TAT is 8 intervals past the first call.
        long now = await Redis.NowMicrosecondsAsync(Database);
        long tat = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        Assert.InRange((tat - now) / 1000.0, 8 * IntervalMs - 50, 8 * IntervalMs);
        Assert.False(Limits.IsUsingFallback);
        Assert.Equal(0, Limits.FallbackCount);
    }

    [RedisFact]
    public async Task PastMaxWait_IsTooLong_AndWritesNothing()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        for (int i = 0; i < Capacity + 1; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        long? before = await Redis.TatAsync(Database, scope.Portal);
        Bitrix24LimitReservation refused = await Limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromMilliseconds(20), default);
        Bitrix24LimitReservation immediateOnly = await Limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.Zero, default);

        Assert.Equal(Bitrix24LimitDecision.TooLong, refused.Decision);
        Assert.InRange(refused.Wait.TotalMilliseconds, 2 * IntervalMs - 25, 2 * IntervalMs + 1);
        Assert.Equal(Bitrix24LimitDecision.TooLong, immediateOnly.Decision);
        Assert.Equal(before, await Redis.TatAsync(Database, scope.Portal));
    }

    [RedisFact]
    public async Task MarkFull_FillsAnEmptyBucket_AndNeverLowersTheTat()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        long now = await Redis.NowMicrosecondsAsync(Database);
        await Limits.MarkFullAsync(scope, default);
        long full = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        Assert.InRange((full - now) / 1000.0, Capacity * IntervalMs, Capacity * IntervalMs + 25);

        Bitrix24LimitReservation next = await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        Assert.InRange(next.Wait.TotalMilliseconds, IntervalMs - 25, IntervalMs + 1);

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
        for (int i = 0; i < 3; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        long tat = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        await Limits.RefundAsync(scope, default);
        long refunded = (await Redis.TatAsync(Database, scope.Portal))!.Value;
        Assert.InRange(tat - refunded, (long)(IntervalMs * 1000) - 20_000, (long)(IntervalMs * 1000));

        for (int i = 0; i < 5; i++)
        {
            await Limits.RefundAsync(scope, default);
        }

        long before = await Redis.NowMicrosecondsAsync(Database);
        await Limits.RefundAsync(scope, default);
        Assert.True((await Redis.TatAsync(Database, scope.Portal))!.Value >= before);

        Bitrix24LimitScope untouched = Scope(Redis.NewPortal());
        await Limits.RefundAsync(untouched, default);
        Assert.False(await Database.KeyExistsAsync(Redis.BucketKey(untouched.Portal)));
    }

    [RedisFact]
    public async Task TheBucketExpires_ASecondAfterItEmpties()
    {
        Bitrix24LimitScope scope = Scope(Redis.NewPortal());
        await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        TimeSpan? one = await Database.KeyTimeToLiveAsync(Redis.BucketKey(scope.Portal));
        Assert.InRange(one!.Value.TotalMilliseconds, 1000 + IntervalMs - 50, 1000 + IntervalMs + 1);

        for (int i = 0; i < 9; i++)
        {
            await Limits.ReserveAsync(scope, "crm.deal.list", Long, default);
        }

        TimeSpan? ten = await Database.KeyTimeToLiveAsync(Redis.BucketKey(scope.Portal));
        Assert.InRange(ten!.Value.TotalMilliseconds, 1000 + 10 * IntervalMs - 50, 1000 + 10 * IntervalMs + 1);
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
        DateTimeOffset until = DateTimeOffset.FromUnixTimeMilliseconds(nowMs + 500);
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
        TimeSpan? ttl = await Database.KeyTimeToLiveAsync(blockKey);
        Assert.InRange(ttl!.Value.TotalMilliseconds, 1000, 1500);

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
