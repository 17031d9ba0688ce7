using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>OAuth calls: <c>{client_endpoint}{method}</c> with the access token as <c>auth</c> in the body (FACTS.md 6).</summary>
public sealed class OAuthTests
{
    [Fact]
    public async Task Operator_posts_to_the_client_endpoint_with_auth_in_the_body()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        using var client = EmulatorClients.OAuth(portal, tokens);

        bool ok = await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.True(ok);
        ReceivedRequest request = Assert.Single(portal.Requests.All);
        JsonAssert.IsJsonPost(request);
        Assert.Equal("/rest/imopenlines.bot.session.operator", request.Target);
        Assert.Contains($"\"auth\":\"{tokens.AccessToken}\"", request.Body, StringComparison.Ordinal);
        JsonAssert.Equivalent($$"""{"CHAT_ID":112,"auth":"{{tokens.AccessToken}}"}""", request.Body);
        Assert.Equal(EmulatedAuthKind.OAuth, request.AuthKind);
    }

    [Fact]
    public async Task Refresh_token_and_client_secret_are_never_sent_to_the_portal()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        using var client = EmulatorClients.OAuth(portal, tokens);

        Assert.True(await client.ImOpenLines.Bot.Session.TransferAsync(DemoPortal.ChatId, userId: DemoPortal.FirstOperatorId, clientId: DemoPortal.BotClientId));

        ReceivedRequest request = Assert.Single(portal.Requests.All);
        string everything = request.Target + request.Body;
        Assert.DoesNotContain(tokens.RefreshToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Application.ClientSecret, everything, StringComparison.Ordinal);
        JsonAssert.Equivalent(
            $$"""{"CHAT_ID":112,"USER_ID":3,"CLIENT_ID":"demo-support-bot","auth":"{{tokens.AccessToken}}"}""", request.Body);
    }

    [Fact]
    public async Task Client_endpoint_without_a_trailing_slash_still_gets_the_method_appended()
    {
        // new Uri(base, "x") drops the last segment of a base without '/', which would post to /x.
        await using var portal = await EmulatedPortal.StartAsync();
        EmulatedOAuthTokens tokens = portal.IssueTokens();
        using var client = new Bitrix24Client(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens(tokens.AccessToken, tokens.RefreshToken, new Uri(portal.BaseUrl, "rest")),
            portal.Application.ClientId,
            portal.Application.ClientSecret));

        Assert.True(await client.ImOpenLines.Bot.Session.FinishAsync(DemoPortal.ChatId));

        Assert.Equal("/rest/imopenlines.bot.session.finish", Assert.Single(portal.Requests.All).Target);
    }

    [Fact]
    public async Task Webhook_calls_carry_no_auth_property()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        JsonAssert.Equivalent("""{"CHAT_ID":112}""", Assert.Single(portal.Requests.All).Body);
    }
}
