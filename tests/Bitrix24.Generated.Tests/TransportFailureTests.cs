using System.Net.Http;
using System.Text.Json;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// Answers that are not a Bitrix24 envelope, and connections that fail, all surface as
/// <see cref="Bitrix24TransportException"/>; JsonException and HttpRequestException never escape.
/// </summary>
public sealed class TransportFailureTests
{
    private const string Method = "imopenlines.bot.session.operator";

    [Fact]
    public async Task An_HTML_502_page_from_a_proxy_is_an_invalid_response_with_status_and_excerpt()
    {
        var ex = await FailAsync(EmulatedFault.HtmlPage(502));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(502, ex.StatusCode);
        Assert.NotNull(ex.ResponseExcerpt);

        // The page's start, its line breaks folded into spaces.
        Assert.StartsWith("<html> <head><title>502 Bad Gateway</title>", ex.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Method, ex.Method);
        Assert.True(ex.MayHaveReachedPortal);
    }

    [Fact]
    public async Task A_long_HTML_page_is_cut_to_a_short_excerpt()
    {
        string page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Service temporarily unavailable</p>\n", 500)) + "</body></html>";
        var ex = await FailAsync(EmulatedFault.Reply(503, page, "text/html"));

        Assert.Equal(503, ex.StatusCode);
        Assert.NotNull(ex.ResponseExcerpt);
        Assert.InRange(ex.ResponseExcerpt.Length, 1, 1000);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task An_empty_body_with_200_is_an_invalid_response()
    {
        var ex = await FailAsync(EmulatedFault.EmptyBody(200));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(200, ex.StatusCode);
    }

    [Fact]
    public async Task A_truncated_JSON_body_is_an_invalid_response_wrapping_the_JsonException()
    {
        var ex = await FailAsync(EmulatedFault.Reply(200, """{"result":tr"""));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("""{"result":tr""", ex.ResponseExcerpt);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task The_portal_real_answer_cut_in_half_is_an_invalid_response_whose_excerpt_is_its_start()
    {
        // The portal did the work; only its answer stops in the middle of the JSON.
        var ex = await FailAsync(EmulatedFault.TruncatedBody());

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(200, ex.StatusCode);
        Assert.True(ex.MayHaveReachedPortal);
        Assert.StartsWith("""{"result":true,"time":{""", ex.ResponseExcerpt, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("""{"result":true""")]
    [InlineData("""{"result":true,"time":{"start":1}""")]
    [InlineData("""{"result":true,""")]
    [InlineData("""{"result":}""")]
    public async Task A_malformed_envelope_is_an_invalid_response(string body)
    {
        var ex = await FailAsync(EmulatedFault.Reply(200, body));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
    }

    [Theory]
    [InlineData("[true]")]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("\"ok\"")]
    [InlineData("null")]
    public async Task A_JSON_body_that_is_not_an_object_is_an_invalid_response(string body)
    {
        var ex = await FailAsync(EmulatedFault.Reply(200, body));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(200, ex.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"time":{"start":1728633600}}""")]
    [InlineData("""{"results":true}""")]
    public async Task A_200_with_neither_result_nor_error_is_an_invalid_response(string body)
    {
        var ex = await FailAsync(EmulatedFault.Reply(200, body));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"yes\"")]
    public async Task A_result_of_the_wrong_type_is_an_invalid_response(string result)
    {
        var ex = await FailAsync(EmulatedFault.Reply(200, $$"""{"result":{{result}}}"""));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(200, ex.StatusCode);
    }

    [Fact]
    public async Task A_valid_result_with_a_non_success_status_and_no_error_is_an_invalid_response()
    {
        var ex = await FailAsync(EmulatedFault.Reply(500, """{"result":true,"time":{"start":1728633600.123456,"duration":0.222222}}"""));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(500, ex.StatusCode);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"Y\"", true)]
    [InlineData("\"N\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    public async Task Booleans_are_read_in_the_shapes_PHP_portals_send(string result, bool expected)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Reply(200, $$"""{"result":{{result}}}"""));
        using var client = EmulatorClients.Webhook(portal);

        Assert.Equal(expected, await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_request_is_ConnectionLost_and_may_have_reached_the_portal()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.DropConnection());
        using var client = EmulatorClients.Webhook(portal);

        var ex = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.ConnectionLost, ex.Failure);
        Assert.True(ex.MayHaveReachedPortal);
        Assert.Null(ex.StatusCode);
        Assert.Equal(Method, Assert.Single(portal.Requests.All).Method);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_dropped_in_the_middle_of_the_body_is_ConnectionLost(bool declaredLength)
    {
        // With a declared length the body falls short of it; without, the chunked body's last chunk never comes.
        var ex = await FailAsync(EmulatedFault.ResetMidBody(declaredLength));

        Assert.Equal(Bitrix24TransportFailure.ConnectionLost, ex.Failure);
        Assert.True(ex.MayHaveReachedPortal);
    }

    [Fact]
    public async Task A_refused_connection_is_ConnectionFailed_and_never_reached_the_portal()
    {
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(ClosedPort.BaseUrl() + "/rest/1/emulatorhookcode/"));

        var ex = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.ConnectionFailed, ex.Failure);
        Assert.False(ex.MayHaveReachedPortal);
        Assert.Null(ex.StatusCode);
        Assert.IsAssignableFrom<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task No_answer_within_RequestTimeout_is_a_Timeout()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));
        using var client = ClientWithTimeout(portal, TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.Timeout, ex.Failure);
        Assert.True(ex.MayHaveReachedPortal);
        Assert.Single(portal.Requests.All);
    }

    [Fact]
    public async Task A_timeout_while_the_body_trickles_in_is_still_a_Timeout()
    {
        // Headers and half the body arrive at once; the rest never comes before the timeout.
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.StallMidBody());
        using var client = ClientWithTimeout(portal, TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.Timeout, ex.Failure);
    }

    private static Bitrix24Client ClientWithTimeout(EmulatedPortal portal, TimeSpan requestTimeout)
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
        options.RequestTimeout = requestTimeout;
        return new Bitrix24Client(options);
    }

    /// <summary>Calls <c>imopenlines.bot.session.operator</c> on a portal that plays <paramref name="fault"/>.</summary>
    private static async Task<Bitrix24TransportException> FailAsync(EmulatedFault fault)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(fault);
        using var client = EmulatorClients.Webhook(portal);

        // ThrowsAsync checks the exact type: a raw JsonException or HttpRequestException fails here.
        return await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }
}
