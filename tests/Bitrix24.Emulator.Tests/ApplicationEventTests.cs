using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// <c>ONAPPINSTALL</c> and <c>ONAPPUNINSTALL</c> (BOTS-V1-AND-EVENTS.md §2.8, §1.3; DOCS common/events/on-app-install.md,
/// on-app-uninstall.md), the per-portal <c>application_token</c>, and the portal's identity over HTTP.
/// </summary>
public sealed class ApplicationEventTests
{
    private static readonly EmulatedApplication ReporterApp = new("local.reporter.0001", "reporterSecret0000", ["imbot", "imopenlines"]);

    [Fact]
    public async Task Installing_an_application_posts_ONAPPINSTALL_with_working_tokens_and_its_application_token()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();

        EmulatedDelivery delivery = await portal.Portal.InstallApplicationAsync(ReporterApp, receiver.Url);

        Assert.Equal((EmulatedDeliveryStatus.Delivered, 200, BotEventTypes.AppInstall, ReporterApp.ClientId), (delivery.Status, delivery.HttpStatus, delivery.Event, delivery.ApplicationClientId));
        ReceivedEvent install = Assert.Single(receiver.Received);
        Assert.Equal("application/x-www-form-urlencoded", install.ContentType);
        Assert.Equal(["event", "data", "ts", "auth"], install.TopLevelKeys); // the docs' example has no event_handler_id
        Assert.Equal(("ONAPPINSTALL", "1", "Y", "Y", "en"), (install.Event, install["data[VERSION]"], install["data[ACTIVE]"], install["data[INSTALLED]"], install["data[LANGUAGE_ID]"]));
        Assert.Equal(["VERSION", "ACTIVE", "INSTALLED", "LANGUAGE_ID"], install.KeysUnder("data"));
        Assert.Equal(
            ["domain", "scope", "access_token", "refresh_token", "expires_in", "server_endpoint", "status", "client_endpoint", "member_id", "application_token"],
            install.KeysUnder("auth"));
        string applicationToken = portal.Portal.GetApplicationToken(ReporterApp);
        Assert.Matches("^[0-9a-f]{32}$", applicationToken);
        Assert.NotEqual(portal.Portal.ApplicationToken, applicationToken);
        Assert.Equal((applicationToken, "imbot,imopenlines", "3600", "L"), (install["auth[application_token]"], install["auth[scope]"], install["auth[expires_in]"], install["auth[status]"]));
        Assert.Equal((portal.Portal.Domain, portal.Portal.MemberId, portal.Portal.ClientEndpoint.ToString()), (install["auth[domain]"], install["auth[member_id]"], install["auth[client_endpoint]"]));
        Assert.Equal(TestClock.Epoch.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), install["ts"]);

        // As the tutorial does: register a bot with the installation's token; refresh the pair at the token endpoint.
        (await portal.CallOAuthAsync(V2.BotRegister, install["auth[access_token]"], new JsonObject
        {
            ["fields"] = new JsonObject { ["code"] = "reporter", ["properties"] = new JsonObject { ["name"] = "Reporter" } },
        })).AssertSuccess();
        Assert.Equal(ReporterApp.ClientId, portal.Portal.State.FindBot(portal.Portal.State.Bots[^1].Id)!.AppClientId);
        Assert.Equal(applicationToken, portal.Portal.State.ApplicationTokenOfBot(portal.Portal.State.Bots[^1].Id));
        ApiResponse refreshed = await portal.Http.PostFormAsync("oauth/token/",
            ("grant_type", "refresh_token"), ("client_id", ReporterApp.ClientId), ("client_secret", ReporterApp.ClientSecret), ("refresh_token", install["auth[refresh_token]"]));
        Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.ToString());
        Assert.Equal("imbot,imopenlines", refreshed.Json!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uninstalling_posts_ONAPPUNINSTALL_with_the_five_auth_keys_and_revokes_the_tokens()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        await portal.Portal.InstallApplicationAsync(ReporterApp, receiver.Url);
        string applicationToken = portal.Portal.GetApplicationToken(ReporterApp);
        EmulatedOAuthTokens tokens = portal.Portal.IssueTokens(ReporterApp, DemoPortal.AdminId);
        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertSuccess();

        EmulatedDelivery delivery = await portal.Portal.UninstallApplicationAsync(ReporterApp, clean: true);

        Assert.True(delivery.Succeeded, delivery.ToString());
        ReceivedEvent uninstall = receiver.Received[1];
        Assert.Equal(["event", "data", "ts", "auth"], uninstall.TopLevelKeys);
        Assert.Equal(("ONAPPUNINSTALL", "en", "1"), (uninstall.Event, uninstall["data[LANGUAGE_ID]"], uninstall["data[CLEAN]"]));
        Assert.Equal(["LANGUAGE_ID", "CLEAN"], uninstall.KeysUnder("data"));
        Assert.Equal(["domain", "server_endpoint", "client_endpoint", "member_id", "application_token"], uninstall.KeysUnder("auth"));
        Assert.Equal(applicationToken, uninstall["auth[application_token]"]);

        // "All access permissions for the application to the API are revoked."
        (await portal.CallOAuthAsync("profile", tokens.AccessToken)).AssertError(401, "NO_AUTH_FOUND");
        Assert.Throws<InvalidOperationException>(() => portal.Portal.IssueTokens(ReporterApp, DemoPortal.AdminId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => portal.Portal.UninstallApplicationAsync(ReporterApp));
        ApiResponse refused = await portal.Http.PostFormAsync("oauth/token/",
            ("grant_type", "refresh_token"), ("client_id", ReporterApp.ClientId), ("client_secret", ReporterApp.ClientSecret), ("refresh_token", tokens.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);

        // A reinstall is a new installation with a new application_token.
        await portal.Portal.InstallApplicationAsync(ReporterApp, receiver.Url);
        Assert.NotEqual(applicationToken, portal.Portal.GetApplicationToken(ReporterApp));
        Assert.Equal(portal.Portal.GetApplicationToken(ReporterApp), receiver.Received[2]["auth[application_token]"]);
    }

    [Fact]
    public async Task The_demo_application_can_be_uninstalled_with_a_handler_given_then()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await TestPortal.StartAsync();
        string token = portal.Portal.ApplicationToken;

        await Assert.ThrowsAsync<InvalidOperationException>(() => portal.Portal.UninstallApplicationAsync(DemoPortal.Application)); // no handler known
        EmulatedDelivery delivery = await portal.Portal.UninstallApplicationAsync(DemoPortal.Application, handlerUrl: receiver.Url);

        Assert.True(delivery.Succeeded);
        Assert.Equal((token, "0"), (receiver.Received[0]["auth[application_token]"], receiver.Received[0]["data[CLEAN]"]));
    }

    [Fact]
    public async Task A_failing_installation_handler_is_reported_not_retried()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Status = 503;
        await using var portal = await TestPortal.StartAsync();

        EmulatedDelivery refused = await portal.Portal.InstallApplicationAsync(ReporterApp, receiver.Url);
        EmulatedDelivery closed = await portal.Portal.InstallApplicationAsync(ReporterApp, EventReceiver.ClosedUrl());

        Assert.Equal((EmulatedDeliveryStatus.Failed, 503, "HTTP 503"), (refused.Status, refused.HttpStatus, refused.Error));
        Assert.Equal((EmulatedDeliveryStatus.Failed, "connection refused"), (closed.Status, closed.Error));
        Assert.Single(receiver.Received);
        Assert.Equal(2, portal.Portal.Deliveries.For(BotEventTypes.AppInstall).Count);

        // Installing an installed application again keeps its token (an update, not a new installation).
        Assert.Equal(refused.Field("auth[application_token]"), closed.Field("auth[application_token]"));
        await Assert.ThrowsAsync<ArgumentException>(() => portal.Portal.InstallApplicationAsync(ReporterApp, new Uri("ftp://example.com/")));
    }

    [Fact]
    public async Task The_portal_and_bot_views_give_what_a_receiver_needs()
    {
        await using var portal = await TestPortal.StartAsync();
        int botId = await BotEvents.RegisterFetchBotAsync(portal);

        ApiResponse identity = await portal.Http.GetAsync("_emulator/portal");
        ApiResponse bot = await portal.Http.GetAsync($"_emulator/bots/{botId}");
        ApiResponse all = await portal.Http.GetAsync("_emulator/bots");
        ApiResponse missing = await portal.Http.GetAsync("_emulator/bots/999");

        Assert.Equal((portal.Portal.Domain, portal.Portal.MemberId, DemoPortal.Application.ClientId, portal.Portal.ApplicationToken), (
            identity.Json!["domain"]!.GetValue<string>(), identity.Json["memberId"]!.GetValue<string>(),
            identity.Json["application"]!["clientId"]!.GetValue<string>(), identity.Json["application"]!["applicationToken"]!.GetValue<string>()));
        Assert.Equal($"127.0.0.1:{portal.Portal.BaseUrl.Port}", portal.Portal.Domain);
        Assert.Equal(
            ["id", "code", "type", "registeredWithV2", "supportsOpenLines", "eventMode", "webhookUrl", "appClientId", "applicationToken", "queuedEvents"],
            bot.Json!.AsObject().Select(p => p.Key));
        Assert.Equal((botId, "support_bot", "openline", "fetch", portal.Portal.State.ApplicationTokenOfBot(botId)), (
            bot.Json["id"]!.GetValue<int>(), bot.Json["code"]!.GetValue<string>(), bot.Json["type"]!.GetValue<string>(),
            bot.Json["eventMode"]!.GetValue<string>(), bot.Json["applicationToken"]!.GetValue<string>()));
        Assert.Equal(portal.Portal.ApplicationToken, all.Json!.AsArray()[0]!["applicationToken"]!.GetValue<string>()); // the demo bot is the demo app's
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}
