using System.Text.Json.Nodes;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>Scripted faults (<see cref="FaultScript"/>): what the client sees, and whether the method ran.</summary>
public sealed class FaultTests
{
    private static JsonObject Send(string text) => new() { ["CHAT_ID"] = DemoPortal.ChatId, ["NAME"] = "DEFAULT", ["MESSAGE"] = text };

    private static ReceivedRequest Last(TestPortal portal) => portal.Portal.Requests.All[^1];

    [Fact]
    public async Task An_Error_fault_answers_with_its_envelope_and_the_method_does_not_run()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error"));

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, Send("not posted"));

        response.AssertError(500, "INTERNAL_SERVER_ERROR");
        Assert.Equal("Internal server error", response.ErrorDescription);
        Assert.Equal("application/json", response.ContentType);
        Assert.Single(portal.Chat.Transcript);
        Assert.False(Last(portal).Processed);
        Assert.Equal(500, Last(portal).Status);
        Assert.Equal(EmulatedFaultKind.Reply, Last(portal).Fault?.Kind);
    }

    [Fact]
    public async Task A_Reply_fault_answers_with_any_status_body_and_content_type()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.Reply(200, "not json at all", "text/plain"));

        ApiResponse response = await portal.CallAsync("profile");

        Assert.Equal(200, (int)response.Status);
        Assert.Equal("text/plain", response.ContentType);
        Assert.Equal("not json at all", response.Body);
    }

    [Fact]
    public async Task An_HtmlPage_fault_answers_502_with_an_HTML_page()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage());

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, Send("not posted"));

        Assert.Equal(502, (int)response.Status);
        Assert.Equal("text/html", response.ContentType);
        Assert.Contains("<title>502 Bad Gateway</title>", response.Body, StringComparison.Ordinal);
        Assert.Null(response.Json);
        Assert.Single(portal.Chat.Transcript);
    }

    [Theory]
    [InlineData(503, "503 Service Unavailable")]
    [InlineData(504, "504 Gateway Timeout")]
    public async Task An_HtmlPage_fault_is_titled_with_its_own_status(int status, string title)
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage(status));

        ApiResponse response = await portal.CallAsync("profile");

        Assert.Equal(status, (int)response.Status);
        Assert.Contains($"<title>{title}</title>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_EmptyBody_fault_answers_200_with_no_body_and_the_method_does_not_run()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.EmptyBody());

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, Send("not posted"));

        Assert.Equal(200, (int)response.Status);
        Assert.Empty(response.Body);
        Assert.Single(portal.Chat.Transcript);
        Assert.False(Last(portal).Processed);
    }

    [Fact]
    public async Task A_TruncatedBody_fault_runs_the_method_and_sends_half_of_the_real_body()
    {
        await using var portal = await TestPortal.StartAsync(o => o.OperatingLimit = null);
        string full = (await portal.CallAsync(BotMethods.MessageSend, Send("first"))).Body;
        portal.Portal.Faults.Enqueue(EmulatedFault.TruncatedBody());

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, Send("second"));

        Assert.Equal(200, (int)response.Status);
        Assert.Equal(full[..(full.Length / 2)], response.Body);
        Assert.Null(response.Json);
        Assert.Equal("second", portal.Chat.Transcript[^1].Text);
        Assert.True(Last(portal).Processed);
        Assert.Equal(EmulatedFaultKind.TruncatedBody, Last(portal).Fault?.Kind);
    }

    [Fact]
    public async Task A_Delay_fault_answers_only_once_the_portal_clock_has_advanced()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));

        Task<ApiResponse> call = portal.CallAsync(BotMethods.MessageSend, Send("late"));
        await portal.Clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(10));
        portal.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        Assert.Single(portal.Chat.Transcript);
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        ApiResponse response = await call.WaitAsync(TimeSpan.FromSeconds(10));

        response.AssertTrue();
        Assert.Equal("late", portal.Chat.Transcript[^1].Text);
        Assert.Equal(TestClock.Epoch.AddSeconds(30), portal.Chat.Transcript[^1].Time);
    }

    [Fact]
    public async Task A_DropConnection_fault_fails_the_client_and_the_method_does_not_run()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => portal.CallAsync(BotMethods.MessageSend, Send("not posted")));

        Assert.Single(portal.Chat.Transcript);
        ReceivedRequest request = Assert.Single(portal.Portal.Requests.All);
        Assert.False(request.Processed);
        Assert.Null(request.Status);
        Assert.Equal(EmulatedFaultKind.DropConnection, request.Fault?.Kind);
    }

    [Fact]
    public async Task A_DropAfterProcessing_fault_fails_the_client_but_the_message_was_posted()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.DropAfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => portal.CallAsync(BotMethods.MessageSend, Send("posted anyway")));

        Assert.Equal("posted anyway", portal.Chat.Transcript[^1].Text);
        ReceivedRequest request = Assert.Single(portal.Portal.Requests.All);
        Assert.True(request.Processed);
        Assert.Null(request.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_ResetMidBody_fault_sends_half_the_answer_then_breaks_off_after_the_message_was_posted(bool declareLength)
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.ResetMidBody(declareLength));

        // The headers arrive (200); reading the rest of the body fails.
        var e = await Assert.ThrowsAnyAsync<Exception>(() => portal.CallAsync(BotMethods.MessageSend, Send("half an answer")));

        Assert.True(e is HttpRequestException or IOException, e.ToString());
        Assert.Equal("half an answer", portal.Chat.Transcript[^1].Text);
        ReceivedRequest request = Assert.Single(portal.Portal.Requests.All);
        Assert.True(request.Processed);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task A_StallMidBody_fault_sends_half_the_answer_and_then_nothing_until_the_client_gives_up()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.StallMidBody());
        using var client = new HttpClient { BaseAddress = portal.Portal.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, TestPortal.WebhookPath(BotMethods.MessageSend))
        {
            Content = new StringContent(Send("stalled").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[4096];
        int first = await body.ReadAsync(buffer);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadExactlyAsync(buffer.AsMemory(first, 1), giveUp.Token));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("{\"result\":true", System.Text.Encoding.UTF8.GetString(buffer, 0, first), StringComparison.Ordinal);
        Assert.Equal("stalled", portal.Chat.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_connection_dropped_on_a_reused_connection_is_not_retried_by_HttpClient()
    {
        await using var portal = await TestPortal.StartAsync();
        (await portal.CallAsync("profile")).AssertSuccess();
        portal.Portal.Faults.Enqueue(EmulatedFault.DropAfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => portal.CallAsync(BotMethods.MessageSend, Send("once")));

        Assert.Equal(2, portal.Portal.Requests.All.Count);
        Assert.Single(portal.Chat.Transcript, m => m.Text == "once");
    }

    [Fact]
    public async Task The_connection_works_again_after_a_drop()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.DropConnection());
        await Assert.ThrowsAsync<HttpRequestException>(() => portal.CallAsync("profile"));

        (await portal.CallAsync("profile")).AssertSuccess();
    }

    [Fact]
    public async Task A_per_method_fault_waits_for_its_method()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), method: BotMethods.Finish);

        (await portal.CallAsync("profile")).AssertSuccess();
        (await portal.CallAsync(BotMethods.MessageSend, Send("x"))).AssertTrue();
        Assert.Equal(1, portal.Portal.Faults.Pending);
        ApiResponse finish = await portal.CallAsync(BotMethods.Finish, new JsonObject { ["CHAT_ID"] = 112, ["CLIENT_ID"] = DemoPortal.BotClientId });

        finish.AssertError(503, "QUERY_LIMIT_EXCEEDED");
        Assert.Equal(SessionStatus.Active, portal.Chat.Status);
        Assert.Equal(0, portal.Portal.Faults.Pending);
    }

    [Fact]
    public async Task A_per_method_fault_matches_the_method_without_regard_to_case()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.EmptyBody(), method: "PROFILE");

        ApiResponse response = await portal.CallAsync("profile");

        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task A_global_fault_hits_the_next_call_of_any_method()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage(504));

        ApiResponse first = await portal.CallAsync("no.such.method");
        ApiResponse second = await portal.CallAsync("profile");

        Assert.Equal(504, (int)first.Status);
        second.AssertSuccess();
    }

    [Fact]
    public async Task A_fault_is_played_before_authorization_and_the_rate_limit()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.EmptyBody(204));

        ApiResponse response = await portal.Http.PostJsonAsync("rest/1/wrongcode/profile.json");

        Assert.Equal(204, (int)response.Status);
    }

    [Fact]
    public async Task Times_counts_the_faulted_calls()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 3);

        var pending = new List<int>();
        var statuses = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            pending.Add(portal.Portal.Faults.Pending);
            statuses.Add((int)(await portal.CallAsync("profile")).Status);
        }

        Assert.Equal([3, 2, 1, 0], pending);
        Assert.Equal([503, 503, 503, 200], statuses);
    }

    [Fact]
    public async Task Faults_are_played_in_the_order_they_were_queued()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults
            .Enqueue(EmulatedFault.Error(500, "INTERNAL_SERVER_ERROR", "Internal server error"))
            .Enqueue(EmulatedFault.HtmlPage(502), method: "profile")
            .Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));

        var statuses = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((int)(await portal.CallAsync("profile")).Status);
        }

        Assert.Equal([500, 502, 503, 200], statuses);
    }

    [Fact]
    public async Task A_global_fault_queued_first_is_played_before_a_later_per_method_one()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults
            .Enqueue(EmulatedFault.HtmlPage(502))
            .Enqueue(EmulatedFault.EmptyBody(), method: "profile");

        ApiResponse first = await portal.CallAsync("profile");
        ApiResponse second = await portal.CallAsync("profile");

        Assert.Equal(502, (int)first.Status);
        Assert.Empty(second.Body);
    }

    [Fact]
    public async Task Clear_forgets_every_queued_fault()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage(), times: 5).Enqueue(EmulatedFault.DropConnection(), method: "profile");
        Assert.Equal(6, portal.Portal.Faults.Pending);

        portal.Portal.Faults.Clear();

        Assert.Equal(0, portal.Portal.Faults.Pending);
        (await portal.CallAsync("profile")).AssertSuccess();
    }

    [Fact]
    public void Invalid_faults_are_refused()
    {
        var script = new FaultScript();

        Assert.Throws<ArgumentOutOfRangeException>(() => script.Enqueue(EmulatedFault.HtmlPage(), times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedFault.Error(99, "X", "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedFault.Reply(600, "x"));
        Assert.Throws<ArgumentException>(() => EmulatedFault.Error(500, "", "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, script.Pending);
    }

    [Fact]
    public void RunsMethod_tells_which_faults_let_the_portal_do_the_work()
    {
        Assert.False(EmulatedFault.HtmlPage().RunsMethod);
        Assert.False(EmulatedFault.EmptyBody().RunsMethod);
        Assert.False(EmulatedFault.DropConnection().RunsMethod);
        Assert.True(EmulatedFault.DropAfterProcessing().RunsMethod);
        Assert.True(EmulatedFault.TruncatedBody().RunsMethod);
        Assert.True(EmulatedFault.Delay(TimeSpan.Zero).RunsMethod);
        Assert.True(EmulatedFault.ResetMidBody().RunsMethod);
        Assert.True(EmulatedFault.StallMidBody().RunsMethod);
    }
}
