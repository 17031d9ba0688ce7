using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>The request log (<see cref="RequestLog"/>) and its standalone view <c>GET /_emulator/requests</c>.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Every_request_is_recorded_in_order_with_what_became_of_it()
    {
        await using var portal = await TestPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens();
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112, ["NAME"] = "DEFAULT", ["MESSAGE"] = "hi" });
        await portal.CallFormAsync(BotMethods.Operator, ("CHAT_ID", "0"));
        await portal.Http.GetAsync(TestPortal.OAuthPath("profile", tokens.AccessToken));
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage());
        await portal.CallAsync("profile");

        IReadOnlyList<ReceivedRequest> all = portal.Portal.Requests.All;
        Assert.Equal([1, 2, 3, 4], all.Select(r => r.Sequence));
        Assert.All(all, r => Assert.Equal(TestClock.Epoch.AddSeconds(5), r.Time));

        ReceivedRequest send = all[0];
        Assert.Equal(("POST", BotMethods.MessageSend, EmulatedAuthKind.Webhook, 200, null, true), (send.HttpMethod, send.Method, send.AuthKind, send.Status, send.ErrorCode, send.Processed));
        Assert.Equal("/" + TestPortal.WebhookPath(BotMethods.MessageSend), send.Target);
        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"hi"}""", send.Body);
        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"hi"}""", send.Parameters.ToJsonString());
        Assert.StartsWith("application/json", send.ContentType, StringComparison.Ordinal);
        Assert.Null(send.Fault);

        ReceivedRequest failed = all[1];
        Assert.Equal((400, "CHAT_ID_EMPTY", true), (failed.Status, failed.ErrorCode, failed.Processed));
        Assert.Equal("CHAT_ID=0", failed.Body);
        Assert.Equal("""{"CHAT_ID":"0"}""", failed.Parameters.ToJsonString());
        Assert.StartsWith("application/x-www-form-urlencoded", failed.ContentType, StringComparison.Ordinal);

        ReceivedRequest oauth = all[2];
        Assert.Equal(("GET", "profile", EmulatedAuthKind.OAuth, 200), (oauth.HttpMethod, oauth.Method, oauth.AuthKind, oauth.Status));
        Assert.Equal(string.Empty, oauth.Body);
        Assert.Equal(tokens.AccessToken, oauth.Parameters["auth"]?.GetValue<string>());

        ReceivedRequest faulted = all[3];
        Assert.Equal((502, EmulatedAuthKind.None, false), (faulted.Status, faulted.AuthKind, faulted.Processed));
        Assert.Equal("502 HTML page", faulted.Fault?.Description);
    }

    [Fact]
    public async Task An_unknown_method_is_recorded_as_authorized_but_not_processed()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync("no.such.method");

        ReceivedRequest request = portal.Portal.Requests.All.Single();
        Assert.Equal(("no.such.method", EmulatedAuthKind.Webhook, 404, "ERROR_METHOD_NOT_FOUND", false), (request.Method, request.AuthKind, request.Status, request.ErrorCode, request.Processed));
    }

    [Fact]
    public async Task A_batch_is_one_request()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync("batch", new JsonObject { ["cmd"] = new JsonArray("profile", "profile") });

        ReceivedRequest request = portal.Portal.Requests.All.Single();
        Assert.Equal("batch", request.Method);
        Assert.True(request.Processed);
    }

    [Fact]
    public async Task For_filters_by_method_without_regard_to_case()
    {
        await using var portal = await TestPortal.StartAsync();

        await portal.CallAsync("profile");
        await portal.CallAsync(BotMethods.Operator);
        await portal.CallAsync("PROFILE");

        Assert.Equal([1, 3], portal.Portal.Requests.For("profile").Select(r => r.Sequence));
    }

    [Fact]
    public async Task Clear_forgets_the_requests_but_numbering_goes_on()
    {
        await using var portal = await TestPortal.StartAsync();
        await portal.CallAsync("profile");
        await portal.CallAsync("profile");

        portal.Portal.Requests.Clear();
        await portal.CallAsync("profile");

        Assert.Equal(3, Assert.Single(portal.Portal.Requests.All).Sequence);
    }

    [Fact]
    public async Task A_crashing_handler_is_answered_500_and_the_exception_is_recorded()
    {
        await using var portal = await TestPortal.StartAsync(o => o.Methods.Add(new("test.crash", [], _ => throw new InvalidOperationException("boom"))));

        ApiResponse response = await portal.CallAsync("test.crash");

        response.AssertError(500, "INTERNAL_SERVER_ERROR");
        ReceivedRequest request = portal.Portal.Requests.All.Single();
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(request.Crash).Message);
        Assert.True(request.Processed);
    }

    [Fact]
    public async Task ToString_summarises_a_request()
    {
        await using var portal = await TestPortal.StartAsync();
        portal.Portal.Faults.Enqueue(EmulatedFault.DropConnection());
        await Assert.ThrowsAsync<HttpRequestException>(() => portal.CallAsync("profile"));
        await portal.CallAsync(BotMethods.Operator);

        Assert.Equal(
            ["#1 POST profile -> dropped [connection dropped]", "#2 POST imopenlines.bot.session.operator -> 400 CHAT_ID_EMPTY"],
            portal.Portal.Requests.All.Select(r => r.ToString()));
    }

    [Fact]
    public async Task The_requests_endpoint_lists_the_log_as_JSON()
    {
        await using var portal = await TestPortal.StartAsync();
        await portal.CallAsync(BotMethods.MessageSend, new JsonObject { ["CHAT_ID"] = 112 });
        portal.Portal.Faults.Enqueue(EmulatedFault.HtmlPage());
        await portal.CallAsync("profile");

        ApiResponse response = await portal.Http.GetAsync("_emulator/requests");

        Assert.Equal(200, (int)response.Status);
        Assert.Equal("application/json", response.ContentType);
        JsonArray list = Assert.IsType<JsonArray>(response.Json);
        Assert.Equal(2, list.Count);
        JsonNode first = list[0]!;
        Assert.Equal(1, first["sequence"]!.GetValue<int>());
        Assert.Equal(BotMethods.MessageSend, first["method"]!.GetValue<string>());
        Assert.Equal("Webhook", first["auth"]!.GetValue<string>());
        Assert.Equal(200, first["status"]!.GetValue<int>());
        Assert.True(first["processed"]!.GetValue<bool>());
        Assert.Null(first["fault"]);
        Assert.Equal("502 HTML page", list[1]!["fault"]!.GetValue<string>());
        Assert.Equal(2, portal.Portal.Requests.All.Count);
    }
}
