using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Resilience;

/// <summary>
/// Every fault, against a send (not idempotent) and a read (idempotent), with the SDK's default
/// retries on: the outcome the caller sees, how many HTTP calls were made, and, from the emulator's
/// transcript, that no message is lost without the caller knowing and none is delivered twice.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Send = "imopenlines.bot.session.message.send";
    private const string Text = "Your order has shipped.";

    public enum Outcome
    {
        Success,
        ApiError,
        InvalidResponse,
        ConnectionLost,
        Timeout,
    }

    /// <summary>The fault, how often it is played, and what a send must end as: outcome, HTTP calls, copies delivered.</summary>
    public static TheoryData<string, int, Outcome, int, int> SendCases() => new()
    {
        { "503 QUERY_LIMIT_EXCEEDED", 3, Outcome.Success, 4, 1 },
        { "503 QUERY_LIMIT_EXCEEDED", 9, Outcome.ApiError, 5, 0 },
        { "429 OPERATION_TIME_LIMIT", 1, Outcome.Success, 2, 1 },
        { "500 INTERNAL_SERVER_ERROR", 9, Outcome.ApiError, 1, 0 },
        { "500 ERROR_UNEXPECTED_ANSWER", 9, Outcome.ApiError, 1, 0 },
        { "HTML 502", 9, Outcome.InvalidResponse, 1, 0 },
        { "HTML 504", 9, Outcome.InvalidResponse, 1, 0 },
        { "empty body", 9, Outcome.InvalidResponse, 1, 0 },
        { "truncated body", 9, Outcome.InvalidResponse, 1, 1 },
        { "dropped before processing", 9, Outcome.ConnectionLost, 1, 0 },
        { "dropped after processing", 9, Outcome.ConnectionLost, 1, 1 },
        { "reset mid-body", 9, Outcome.ConnectionLost, 1, 1 },
        { "stall mid-body", 9, Outcome.Timeout, 1, 1 },
        { "slow answer", 9, Outcome.Timeout, 1, 0 },
    };

    /// <summary>The same faults for an idempotent read: whatever may have reached the portal is repeated.</summary>
    public static TheoryData<string, int, Outcome, int> ReadCases() => new()
    {
        { "500 INTERNAL_SERVER_ERROR", 2, Outcome.Success, 3 },
        { "HTML 502", 2, Outcome.Success, 3 },
        { "empty body", 2, Outcome.Success, 3 },
        { "truncated body", 2, Outcome.Success, 3 },
        { "dropped after processing", 2, Outcome.Success, 3 },
        { "reset mid-body", 2, Outcome.Success, 3 },
        { "slow answer", 2, Outcome.Success, 3 },
        { "HTML 502", 9, Outcome.InvalidResponse, 5 },
    };

    [Theory]
    [MemberData(nameof(SendCases))]
    public async Task A_send_under_a_fault_is_never_delivered_twice(string fault, int times, Outcome expected, int httpCalls, int delivered)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await StartAsync(clock, fault);
        portal.Faults.Enqueue(Fault(fault), times, method: Send);
        using var client = EmulatorClients.Webhook(portal, o => Configure(o, clock));

        Outcome outcome = await OutcomeOfAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, Text));

        Assert.Equal(expected, outcome);
        Assert.Equal(httpCalls, portal.Requests.For(Send).Count);
        Assert.Equal(delivered, portal.State.GetChat(DemoPortal.ChatId).Transcript.Count(m => m.Text == Text));
    }

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task An_idempotent_read_under_a_fault_is_repeated(string fault, int times, Outcome expected, int httpCalls)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await StartAsync(clock, fault);
        portal.Faults.Enqueue(Fault(fault), times, method: "profile");
        using var client = EmulatorClients.Webhook(portal, o => Configure(o, clock));

        Outcome outcome = await OutcomeOfAsync(clock, client.CallAsync(ProfileMethod.Descriptor, null));

        Assert.Equal(expected, outcome);
        Assert.Equal(httpCalls, portal.Requests.For("profile").Count);
    }

    /// <summary>Every system error code of <c>spec/errors.yaml</c>, read at test time.</summary>
    public static TheoryData<string, int, string?> SystemErrors()
    {
        var data = new TheoryData<string, int, string?>();
        foreach (SpecError error in SpecErrors.All.Where(e => e.File == "errors.yaml"))
        {
            data.Add(error.Code, error.Status ?? 400, error.Retry);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SystemErrors))]
    public async Task A_send_answered_with_any_system_error_is_repeated_only_when_the_portal_refused_it_unrun(string code, int status, string? retry)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock, RateLimit = null });
        portal.Faults.Enqueue(EmulatedFault.Error(status, code, "scripted"), times: 1, method: Send);
        using var client = EmulatorClients.Webhook(portal, o => Configure(o, clock));

        Outcome outcome = await OutcomeOfAsync(clock, client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, Text));

        // after-delay and after-reset: refused before running, so repeated (once here: the fault plays once).
        // after-refresh needs OAuth (a webhook has nothing to refresh); if-idempotent and never: a send is not repeated.
        bool repeated = retry is "after-delay" or "after-reset";
        Assert.Equal(repeated ? Outcome.Success : Outcome.ApiError, outcome);
        Assert.Equal(repeated ? 2 : 1, portal.Requests.For(Send).Count);
        Assert.Equal(repeated ? 1 : 0, portal.State.GetChat(DemoPortal.ChatId).Transcript.Count(m => m.Text == Text));
    }

    private static async Task<EmulatedPortal> StartAsync(FakeTimeProvider clock, string fault)
    {
        var options = new EmulatedPortalOptions { TimeProvider = clock, RateLimit = null };
        if (fault.StartsWith("429", StringComparison.Ordinal))
        {
            // The scripted 429 carries no reset moment, so the SDK waits for the next one-minute bucket.
            options.OperatingLimit = TimeSpan.FromSeconds(480);
        }

        return await EmulatedPortal.StartAsync(options);
    }

    private static void Configure(Bitrix24ClientOptions options, FakeTimeProvider clock)
    {
        options.TimeProvider = clock;

        // Real seconds, not fake ones: the HTTP client's timeout runs on the machine's clock. Long enough
        // for a cold emulator on a busy machine, short enough to keep the timeout cases quick.
        options.RequestTimeout = TimeSpan.FromSeconds(2);
    }

    private static EmulatedFault Fault(string name) => name switch
    {
        "503 QUERY_LIMIT_EXCEEDED" => EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"),
        "429 OPERATION_TIME_LIMIT" => EmulatedFault.Error(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."),
        "500 INTERNAL_SERVER_ERROR" => EmulatedFault.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error"),
        "500 ERROR_UNEXPECTED_ANSWER" => EmulatedFault.Error(500, "ERROR_UNEXPECTED_ANSWER", "Server returned an unexpected response"),
        "HTML 502" => EmulatedFault.HtmlPage(502),
        "HTML 504" => EmulatedFault.HtmlPage(504),
        "empty body" => EmulatedFault.EmptyBody(),
        "truncated body" => EmulatedFault.TruncatedBody(),
        "dropped before processing" => EmulatedFault.DropConnection(),
        "dropped after processing" => EmulatedFault.DropAfterProcessing(),
        "reset mid-body" => EmulatedFault.ResetMidBody(),
        "stall mid-body" => EmulatedFault.StallMidBody(),
        // An hour on the portal's fake clock is far beyond the client's two seconds of real time.
        "slow answer" => EmulatedFault.Delay(TimeSpan.FromHours(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown fault."),
    };

    private static async Task<Outcome> OutcomeOfAsync(FakeTimeProvider clock, Task call)
    {
        try
        {
            await ClockDriver.RunAsync(clock, call);
            return Outcome.Success;
        }
        catch (Bitrix24ApiException)
        {
            return Outcome.ApiError;
        }
        catch (Bitrix24TransportException e)
        {
            return e.Failure switch
            {
                Bitrix24TransportFailure.InvalidResponse => Outcome.InvalidResponse,
                Bitrix24TransportFailure.ConnectionLost => Outcome.ConnectionLost,
                Bitrix24TransportFailure.Timeout => Outcome.Timeout,
                _ => throw new InvalidOperationException("Unexpected failure " + e.Failure, e),
            };
        }
    }
}
