using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>A multiplexer to a socket nobody listens on: every call fails fast.</summary>
public sealed class UnreachableRedis : IAsyncLifetime
{
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConfigurationOptions options = ConfigurationOptions.Parse("!" + Path.Combine(Path.GetTempPath(), "b24r-nobody-" + Guid.NewGuid().ToString("N")[..8], "redis.sock"));
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 200;
        Connection = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>No Redis at all: the limits answer from the process's share; and the options and registration.</summary>
public sealed class FallbackTests : IClassFixture<UnreachableRedis>
{
    private readonly ConnectionMultiplexer _nowhere;

    public FallbackTests(UnreachableRedis redis) => _nowhere = redis.Connection;

    private ConnectionMultiplexer Nowhere => _nowhere;

    [Fact]
    public async Task RedisUnreachable_TheProcessShareAnswers_WithTheSameReserveSemantics()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<RedisBitrix24SharedLimits>();
        using var limits = new RedisBitrix24SharedLimits(Nowhere, new RedisBitrix24SharedLimitsOptions { FallbackShare = 0.25 }, time, logger);
        // Standard plan: 2/s, 50 in a burst; less the headroom 48; a quarter: 12 slots, one every 2 s. The share starts full
        // (Redis failed in the middle of work, when the portal's bucket was in use), so no burst: a slot every 2 s from now.
        var scope = new Bitrix24LimitScope(Redis.NewPortal(), "app.one", 2, 50);

        Assert.Equal(Bitrix24LimitReservation.Granted(TimeSpan.FromSeconds(2)), await limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromMinutes(1), default));
        Assert.Equal(Bitrix24LimitReservation.Granted(TimeSpan.FromSeconds(4)), await limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromMinutes(1), default));
        Assert.Equal(Bitrix24LimitReservation.TooLong(TimeSpan.FromSeconds(6)), await limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromSeconds(5), default));
        // The second slot given back: the next caller gets it (4 s), not the third (6 s).
        await limits.RefundAsync(scope, default);
        Assert.Equal(Bitrix24LimitReservation.Granted(TimeSpan.FromSeconds(4)), await limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromSeconds(4), default));

        time.Advance(TimeSpan.FromMinutes(1));
        await limits.MarkFullAsync(scope, default);
        Assert.Equal(Bitrix24LimitReservation.Granted(TimeSpan.FromSeconds(2)), await limits.ReserveAsync(scope, "crm.deal.list", TimeSpan.FromMinutes(1), default));

        DateTimeOffset until = time.GetUtcNow().AddSeconds(10);
        await limits.BlockMethodAsync(scope, "crm.deal.add", until, default);
        await limits.BlockMethodAsync(scope, "crm.deal.add", until.AddSeconds(-5), default);
        Assert.Equal(Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.FromUnixTimeMilliseconds(until.ToUnixTimeMilliseconds())),
            await limits.ReserveAsync(scope, "CRM.DEAL.ADD", TimeSpan.FromMinutes(1), default));
        Assert.Equal(Bitrix24LimitDecision.Granted, (await limits.ReserveAsync(new Bitrix24LimitScope(scope.Portal, "app.two", 2, 50), "crm.deal.add", TimeSpan.FromMinutes(1), default)).Decision);
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(Bitrix24LimitDecision.Granted, (await limits.ReserveAsync(scope, "crm.deal.add", TimeSpan.FromMinutes(1), default)).Decision);

        Assert.True(limits.IsUsingFallback);
        Assert.True(limits.FallbackCount >= 8);
        Assert.Single(logger.At(LogLevel.Warning));
    }

    [Fact]
    public async Task BreakerOpen_CallsSkipRedis_UntilTheCoolDown_ThenOneTrial()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<RedisBitrix24SharedLimits>();
        using var limits = new RedisBitrix24SharedLimits(Nowhere, new RedisBitrix24SharedLimitsOptions { BreakerFailures = 2, BreakerCoolDown = TimeSpan.FromSeconds(5) }, time, logger);
        var scope = new Bitrix24LimitScope(Redis.NewPortal(), "app.one", 2, 50);

        for (int i = 0; i < 5; i++)
        {
            await limits.ReserveAsync(scope, "m", TimeSpan.FromMinutes(1), default);
        }

        // Two failures reached Redis (one debug line after the warning); the next three went straight to the fallback.
        Assert.Single(logger.At(LogLevel.Warning));
        Assert.Single(logger.At(LogLevel.Debug));
        time.Advance(TimeSpan.FromSeconds(5));
        await limits.ReserveAsync(scope, "m", TimeSpan.FromMinutes(1), default);
        await limits.ReserveAsync(scope, "m", TimeSpan.FromMinutes(1), default);
        Assert.Equal(2, logger.At(LogLevel.Debug).Count); // one trial, failed: open again
        Assert.Equal(7, limits.FallbackCount);
    }

    [Theory]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.KeyPrefix))]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.Headroom))]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.FallbackShare))]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.OperationTimeout))]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.BreakerFailures))]
    [InlineData(nameof(RedisBitrix24SharedLimitsOptions.BreakerCoolDown))]
    public void Options_OutOfRange_AreRefusedByName(string name)
    {
        var options = new RedisBitrix24SharedLimitsOptions();
        switch (name)
        {
            case nameof(options.KeyPrefix): options.KeyPrefix = "b24:{x}:"; break;
            case nameof(options.Headroom): options.Headroom = -1; break;
            case nameof(options.FallbackShare): options.FallbackShare = 1.5; break;
            case nameof(options.OperationTimeout): options.OperationTimeout = TimeSpan.Zero; break;
            case nameof(options.BreakerFailures): options.BreakerFailures = 0; break;
            case nameof(options.BreakerCoolDown): options.BreakerCoolDown = TimeSpan.FromMilliseconds(-1); break;
        }

        ArgumentException refused = Assert.ThrowsAny<ArgumentException>(() => new RedisBitrix24SharedLimits(Nowhere, options));
        Assert.Equal(name, refused.ParamName);
        Assert.Contains(name, refused.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.25)]
    public void FallbackShare_MustBeAboveZero(double share) =>
        Assert.Throws<ArgumentException>(() => new RedisBitrix24SharedLimits(Nowhere, new RedisBitrix24SharedLimitsOptions { FallbackShare = share }));

    [Fact]
    public void Keys_PortalIsTheHashTag_BracesReplaced_MethodLowerCased()
    {
        Assert.Equal("b24:{abc}:rl", RedisLimitKeys.Bucket("b24:", "abc"));
        Assert.Equal("b24:{a_b_}:opblk:app:crm.deal.list", RedisLimitKeys.Block("b24:", "a{b}", "app", "CRM.Deal.List"));
    }

    [Fact]
    public void AddBitrix24RedisLimits_RegistersOneSingleton_WithTheOptions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(Nowhere);
        services.AddBitrix24RedisLimits(o => o.Headroom = 5);
        using ServiceProvider provider = services.BuildServiceProvider();

        var shared = provider.GetRequiredService<IBitrix24SharedLimits>();
        Assert.Same(provider.GetRequiredService<RedisBitrix24SharedLimits>(), shared);
        Assert.Equal(5, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedisBitrix24SharedLimitsOptions>>().Value.Headroom);
    }
}
