using System.Diagnostics;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.Diagnostics;

/// <summary>The <c>Bitrix24.Generated</c> activity source: a span per call and per HTTP attempt, tagged per OpenTelemetry's HTTP client conventions.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_call_with_one_retry_is_one_call_span_over_two_attempt_spans()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
        using var client = EmulatorClients.Webhook(portal, o => o.TimeProvider = clock);
        var recorded = new List<Activity>();
        using var listener = Listen(recorded);

        // Tests run in parallel and the listener hears them all: keep only this test's trace.
        ActivityTraceId trace;
        using (var root = new Activity("test-root").Start())
        {
            trace = root.TraceId;
            await ClockDriver.RunAsync(clock, client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
        }

        List<Activity> spans = Snapshot(recorded, trace);

        Activity call = Assert.Single(spans, s => s.Kind == ActivityKind.Internal);
        Assert.Equal("imopenlines.bot.session.operator", call.DisplayName);
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Activity[] attempts = spans.Where(s => s.Kind == ActivityKind.Client).OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a =>
        {
            Assert.Equal("POST", a.DisplayName);
            Assert.Equal(call.SpanId, a.ParentSpanId);
            Assert.Equal("POST", a.GetTagItem("http.request.method"));
            Assert.Equal("127.0.0.1", a.GetTagItem("server.address"));
            Assert.Equal(portal.BaseUrl.Port, a.GetTagItem("server.port"));
        });
        Assert.Equal("QUERY_LIMIT_EXCEEDED", attempts[0].GetTagItem("error.type"));
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Null(attempts[0].GetTagItem("http.request.resend_count"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_failed_call_span_carries_the_error_code_and_no_span_holds_the_webhook_code()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var recorded = new List<Activity>();
        using var listener = Listen(recorded);

        ActivityTraceId trace;
        using (var root = new Activity("test-root").Start())
        {
            trace = root.TraceId;
            await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(0));
        }

        List<Activity> spans = Snapshot(recorded, trace);

        Activity call = Assert.Single(spans, s => s.Kind == ActivityKind.Internal && s.DisplayName == "imopenlines.bot.session.message.send" && s.Status == ActivityStatusCode.Error);
        Assert.Equal("CHAT_ID_EMPTY", call.GetTagItem("bitrix24.error_code"));
        Assert.Equal("CHAT_ID_EMPTY", call.GetTagItem("error.type"));
        Assert.All(spans.SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain(DemoPortal.Webhook.Code, tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    private static List<Activity> Snapshot(List<Activity> recorded, ActivityTraceId trace)
    {
        lock (recorded)
        {
            return recorded.Where(s => s.TraceId == trace).ToList();
        }
    }

    private static ActivityListener Listen(List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Bitrix24Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
