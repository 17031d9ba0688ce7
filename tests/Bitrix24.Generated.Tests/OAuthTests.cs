using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>OAuth calls: <c>{client_endpoint}{method}</c> with the access token as <c>auth</c> in the body (FACTS.md 6).</summary>
public sealed class OAuthTests
{
    [Fact]
    public async Task Operator_posts_to_the_client_endpoint_with_auth_in_the_body()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = new Bitrix24Client(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens("access-token-1", "refresh-token-1", new Uri(server + "/rest/")), "app.client", "client-secret"));

        bool ok = await client.ImOpenLines.Bot.Session.OperatorAsync(112);

        Assert.True(ok);
        RecordedRequest request = Assert.Single(server.Requests);
        JsonAssert.IsJsonPost(request);
        Assert.Equal("/rest/imopenlines.bot.session.operator", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.Contains("\"auth\":\"access-token-1\"", request.Body, StringComparison.Ordinal);
        JsonAssert.Equivalent("""{"CHAT_ID":112,"auth":"access-token-1"}""", request.Body);
    }

    [Fact]
    public async Task Refresh_token_and_client_secret_are_never_sent_to_the_portal()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.OAuthClient(server);

        await client.ImOpenLines.Bot.Session.TransferAsync(112, userId: 7, clientId: "bot-client");

        RecordedRequest request = Assert.Single(server.Requests);
        string everything = request.Path + request.Query + request.Body;
        Assert.DoesNotContain(TestPortal.RefreshToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPortal.ClientSecret, everything, StringComparison.Ordinal);
        JsonAssert.Equivalent("""{"CHAT_ID":112,"USER_ID":7,"CLIENT_ID":"bot-client","auth":"access-token-1"}""", request.Body);
    }

    [Fact]
    public async Task Client_endpoint_without_a_trailing_slash_still_gets_the_method_appended()
    {
        // new Uri(base, "x") drops the last segment of a base without '/', which would post to /x.
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = new Bitrix24Client(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(TestPortal.AccessToken, TestPortal.RefreshToken, new Uri(server + "/rest")), TestPortal.ClientId, TestPortal.ClientSecret));

        await client.ImOpenLines.Bot.Session.FinishAsync(112);

        Assert.Equal("/rest/imopenlines.bot.session.finish", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Webhook_calls_carry_no_auth_property()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.OperatorAsync(112);

        JsonAssert.Equivalent("""{"CHAT_ID":112}""", Assert.Single(server.Requests).Body);
    }
}
