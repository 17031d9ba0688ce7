using System.Collections.Concurrent;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// A client with <see cref="Bitrix24ClientOptions.SharedLimits"/> paces every attempt through the shared budget and
/// tells it what the portal said: a full bucket, a blocked method. What the store answers decides whether anything is sent.
/// </summary>
public sealed class SharedLimitsTests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task Each_attempt_takes_a_shared_slot_in_the_portals_scope_which_names_no_secret()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits();
        using var client = EmulatorClients.Webhook(portal, o => o.SharedLimits = shared);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "one");
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Equal([Send, "imopenlines.bot.session.operator"], shared.Reserved.Select(r => r.Method));
        Bitrix24LimitScope scope = shared.Reserved[0].Scope;
        Assert.Equal((portal.BaseUrl.Authority, 2.0, 50), (scope.Portal, scope.RequestsPerSecond, scope.Burst));
        Assert.StartsWith("webhook-", scope.Credential, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortal.Webhook.Code, scope.Credential, StringComparison.Ordinal);
        Assert.Equal(scope, shared.Reserved[1].Scope);
    }

    [Fact]
    public async Task QUERY_LIMIT_EXCEEDED_marks_the_shared_bucket_full_and_the_call_is_repeated_through_it()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits();
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.SharedLimits = shared;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));

        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "once"));

        Assert.Equal(1, shared.Fills);
        Assert.Equal(2, shared.Reserved.Count); // the repeat waited in the shared line too
        Assert.Single(portal.State.GetChat(DemoPortal.ChatId).Transcript, m => m.Text == "once");
    }

    [Fact]
    public async Task OPERATION_TIME_LIMIT_blocks_the_method_for_every_sharer_until_the_reset()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions
        {
            TimeProvider = clock,
            OperatingLimit = TimeSpan.FromSeconds(1),
            CallDuration = TimeSpan.FromMilliseconds(400),
        });
        var shared = new ScriptedSharedLimits();
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.TimeProvider = clock;
            o.SharedLimits = shared;
            o.Retry.WaitForOperatingLimit = false;
        });
        for (int i = 0; i < 3; i++)
        {
            await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "m" + i);
        }

        var refused = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal("OPERATION_TIME_LIMIT", refused.Code);
        (string method, DateTimeOffset until) = Assert.Single(shared.Blocks);
        Assert.Equal(Send, method);
        // The portal's reset moment (its bucket of operating time drains within ten minutes), as the client learnt it.
        Assert.InRange(until, clock.GetUtcNow().AddSeconds(1), clock.GetUtcNow().AddMinutes(11));
    }

    [Fact]
    public async Task A_method_blocked_by_another_process_is_not_sent()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits { Next = Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.UtcNow.AddMinutes(10)) };
        using var client = EmulatorClients.Webhook(portal, o =>
        {
            o.SharedLimits = shared;
            o.Retry.TotalTimeout = TimeSpan.FromSeconds(30);
        });

        var refused = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal((429, "OPERATION_TIME_LIMIT"), (refused.StatusCode, refused.Code));
        Assert.Contains("was not sent", refused.Message, StringComparison.Ordinal);
        Assert.Empty(portal.Requests.For(Send));
    }

    [Fact]
    public async Task A_block_that_ends_within_the_calls_time_is_waited_out_then_a_slot_is_taken()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits { Next = Bitrix24LimitReservation.MethodBlocked(DateTimeOffset.UtcNow.AddMilliseconds(200)) };
        using var client = EmulatorClients.Webhook(portal, o => o.SharedLimits = shared);

        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "later"));

        Assert.Equal(2, shared.Reserved.Count);
        Assert.Single(portal.Requests.For(Send));
    }

    [Fact]
    public async Task A_slot_further_away_than_the_call_can_wait_is_not_taken_and_nothing_is_sent()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits { Next = Bitrix24LimitReservation.TooLong(TimeSpan.FromMinutes(3)) };
        using var client = EmulatorClients.Webhook(portal, o => o.SharedLimits = shared);

        var refused = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.RateLimited, refused.Failure);
        Assert.Contains("shared budget", refused.Message, StringComparison.Ordinal);
        Assert.Empty(portal.Requests.For(Send));
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_for_its_slot_gives_it_back_and_sends_nothing()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits { Next = Bitrix24LimitReservation.Granted(TimeSpan.FromSeconds(30)) };
        using var client = EmulatorClients.Webhook(portal, o => o.SharedLimits = shared);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, cancellationToken: cancel.Token));

        Assert.Equal(1, shared.Refunds);
        Assert.Empty(portal.Requests.For(Send));
    }

    [Fact]
    public void A_pace_that_cannot_be_shared_is_refused_when_the_client_is_made()
    {
        var own = new ArgumentException[]
        {
            Assert.Throws<ArgumentException>(() => new Bitrix24Client(Options(o => o.RateLimit = Bitrix24RateLimit.Off))),
            Assert.Throws<ArgumentException>(() => new Bitrix24Client(Options(o => o.RateLimit = Bitrix24RateLimit.Use(
                new System.Threading.RateLimiting.ConcurrencyLimiter(new() { PermitLimit = 1, QueueLimit = 1 }))))),
        };

        Assert.Contains("Off", own[0].Message, StringComparison.Ordinal);
        Assert.Contains("cannot be shared", own[1].Message, StringComparison.Ordinal);

        static Bitrix24ClientOptions Options(Action<Bitrix24ClientOptions> configure)
        {
            var options = Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/secretcode/");
            options.SharedLimits = new ScriptedSharedLimits();
            configure(options);
            return options;
        }
    }

    [Fact]
    public async Task AddBitrix24_uses_the_shared_limits_registered_in_the_container()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var shared = new ScriptedSharedLimits();
        var services = new ServiceCollection();
        services.AddSingleton<IBitrix24SharedLimits>(shared);
        services.AddBitrix24(o => o.WebhookUrl = portal.WebhookUrl);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Bitrix24Client>().ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Single(shared.Reserved);
    }

    /// <summary>Answers each reservation with <see cref="Next"/> once (then grants at once), and records what the client told it.</summary>
    private sealed class ScriptedSharedLimits : IBitrix24SharedLimits
    {
        private int _fills;
        private int _refunds;

        public Bitrix24LimitReservation? Next { get; set; }

        public List<(Bitrix24LimitScope Scope, string Method)> Reserved { get; } = [];

        public ConcurrentQueue<(string Method, DateTimeOffset Until)> Blocks { get; } = new();

        public int Fills => Volatile.Read(ref _fills);

        public int Refunds => Volatile.Read(ref _refunds);

        public ValueTask<Bitrix24LimitReservation> ReserveAsync(Bitrix24LimitScope scope, string method, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            lock (Reserved)
            {
                Reserved.Add((scope, method));
                Bitrix24LimitReservation answer = Next ?? Bitrix24LimitReservation.Granted(TimeSpan.Zero);
                Next = null;
                return ValueTask.FromResult(answer.Decision == Bitrix24LimitDecision.Granted && answer.Wait > maxWait ? Bitrix24LimitReservation.TooLong(answer.Wait) : answer);
            }
        }

        public ValueTask RefundAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _refunds);
            return ValueTask.CompletedTask;
        }

        public ValueTask MarkFullAsync(Bitrix24LimitScope scope, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _fills);
            return ValueTask.CompletedTask;
        }

        public ValueTask BlockMethodAsync(Bitrix24LimitScope scope, string method, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Blocks.Enqueue((method, until));
            return ValueTask.CompletedTask;
        }
    }
}
