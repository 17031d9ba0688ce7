using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.EndToEnd;

/// <summary>Authorization failures as the SDK reports them: a bad webhook, missing scopes, an expired or unknown token.</summary>
public sealed class AuthEndToEndTests
{
    [Fact]
    public async Task A_wrong_webhook_code_is_NO_AUTH_FOUND_with_401()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(new Uri(portal.BaseUrl, "rest/1/notthecode/")));

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, e.ErrorCode);
        Assert.Equal(401, e.StatusCode);
    }

    [Fact]
    public async Task A_webhook_without_the_bot_scopes_is_insufficient_scope_with_403()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal, DemoPortal.WebhookWithoutBotScopes);

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.InsufficientScope, e.ErrorCode);
        Assert.Equal(403, e.StatusCode);
        Assert.Equal(SessionOwner.Bot(DemoPortal.BotId), portal.State.GetChat(DemoPortal.ChatId).Owner);
    }

    [Fact]
    public async Task An_access_token_an_hour_old_is_refreshed_once_and_the_call_goes_through()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var client = EmulatorClients.OAuth(portal);
        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "before"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "after"));

        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal(["expired_token", null], portal.Requests.For("imopenlines.bot.session.message.send").Skip(1).Select(r => r.ErrorCode));
        Assert.Single(portal.State.GetChat(DemoPortal.ChatId).Transcript, m => m.Text == "after");
    }

    [Fact]
    public async Task A_refresh_token_unused_for_180_days_is_invalid_grant_telling_to_authorize_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        using var client = EmulatorClients.OAuth(portal);
        clock.Advance(TimeSpan.FromDays(181));

        // The OAuth server refuses the refresh; the SDK does not loop, it says what to do.
        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal("invalid_grant", e.Code);
        Assert.Contains("authorized again", e.Description, StringComparison.Ordinal);
        Assert.Single(portal.Requests.For("imopenlines.bot.session.message.send"));
        Assert.Equal(0, portal.TokenRefreshCount);
    }

    [Fact]
    public async Task An_unknown_access_token_is_NO_AUTH_FOUND()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = new Bitrix24Client(Bitrix24ClientOptions.OAuth(
            new Bitrix24OAuthTokens("not-a-token", "not-a-refresh-token", portal.ClientEndpoint), portal.Application.ClientId, portal.Application.ClientSecret));

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, e.ErrorCode);
    }

    [Fact]
    public async Task The_OAuth_call_carries_the_token_as_auth_and_runs_as_the_app()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var tokens = portal.IssueTokens();
        using var client = EmulatorClients.OAuth(portal, tokens);

        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        var request = Assert.Single(portal.Requests.All);
        Assert.Equal("imopenlines.bot.session.operator", request.Method);
        Assert.Equal(Bitrix24.Emulator.Auth.EmulatedAuthKind.OAuth, request.AuthKind);
        Assert.Equal(tokens.AccessToken, request.Parameters["auth"]!.GetValue<string>());
        Assert.Null(request.Parameters["refresh_token"]);
    }
}
