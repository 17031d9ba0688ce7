using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>
/// IHttpClientFactory logs every request's full URL (a webhook's code is in its path; a token refresh
/// carries the client secret and refresh token in its query). The named client AddBitrix24 sets up
/// must not: with every category logged at Trace, scopes included, no secret appears anywhere.
/// </summary>
public sealed class NoSecretsInLogsTests
{
    private const string ControlClient = "Control";

    [Fact]
    public async Task Failing_webhook_calls_and_an_OAuth_refresh_log_no_secret_at_Trace_in_any_category()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { TimeProvider = clock });
        EmulatedOAuthTokens issued = portal.IssueTokens();
        var logs = new ScopeCapturingLoggerProvider();
        void Logging(IServiceCollection s) => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        // Webhook: a proxy page echoing every secret, a dropped connection, an error envelope.
        string echo = $"<html>{DemoPortal.Webhook.Code} {issued.AccessToken} {issued.RefreshToken} {portal.Application.ClientSecret}</html>";
        await using (ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString())],
            services: s =>
            {
                Logging(s);
                s.AddHttpClient(ControlClient);
            }))
        {
            Bitrix24Client webhook = services.GetRequiredService<Bitrix24Client>();
            portal.Faults.Enqueue(EmulatedFault.Reply(502, echo, "text/html"));
            await Assert.ThrowsAsync<Bitrix24TransportException>(() => webhook.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
            portal.Faults.Enqueue(EmulatedFault.DropConnection());
            await Assert.ThrowsAsync<Bitrix24TransportException>(() => webhook.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));
            await Assert.ThrowsAsync<Bitrix24ApiException>(() => webhook.ImOpenLines.Bot.Session.OperatorAsync(chatId: 0));

            // The control: a named client as IHttpClientFactory sets it up by default, on the same URL.
            using HttpResponseMessage controlResponse = await services.GetRequiredService<IHttpClientFactory>().CreateClient(ControlClient)
                .PostAsync(new Uri(portal.WebhookUrl, "profile"), new StringContent("{}"));
        }

        // OAuth: the access token expires, the client refreshes (GET /oauth/token/?client_secret=...&refresh_token=...),
        // then a proxy page echoes the new tokens.
        Bitrix24OAuthTokens fresh;
        await using (ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            OAuthServiceTests.OAuthSettings(portal, issued),
            services: s =>
            {
                Logging(s);
                s.AddSingleton<TimeProvider>(clock);
            }))
        {
            Bitrix24Client oauth = services.GetRequiredService<Bitrix24Client>();
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await oauth.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
            fresh = oauth.OAuthTokens!;
            portal.Faults.Enqueue(EmulatedFault.Reply(502, echo + fresh.AccessToken + " " + fresh.RefreshToken, "text/html"));
            await Assert.ThrowsAsync<Bitrix24TransportException>(() => oauth.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
        }

        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.NotEqual(issued.AccessToken, fresh.AccessToken);
        string[] secrets = [DemoPortal.Webhook.Code, issued.AccessToken, issued.RefreshToken, fresh.AccessToken, fresh.RefreshToken, portal.Application.ClientSecret];
        var lines = logs.Lines;
        var control = lines.Where(l => l.Category.StartsWith("System.Net.Http.HttpClient." + ControlClient + ".", StringComparison.Ordinal)).ToList();
        var rest = lines.Except(control).ToList();

        // The capture sees IHttpClientFactory's lines and scopes: left on, they would hold the webhook code.
        Assert.Contains(control, l => l.Text.StartsWith("scope: ", StringComparison.Ordinal) && l.Text.Contains(DemoPortal.Webhook.Code, StringComparison.Ordinal));
        Assert.Contains(control, l => !l.Text.StartsWith("scope: ", StringComparison.Ordinal) && l.Text.Contains(DemoPortal.Webhook.Code, StringComparison.Ordinal));

        // The SDK's own lines are there: one per call, warnings for failures and the refresh.
        Assert.True(rest.Count(l => l.Category == "Bitrix24.Bitrix24Client") >= 5, string.Join("\n", rest));
        Assert.Contains(rest, l => l.Text.Contains("the access token expired; refreshing it", StringComparison.Ordinal));
        Assert.DoesNotContain(rest, l => l.Category.StartsWith("System.Net.Http.HttpClient." + Bitrix24ServiceOptions.HttpClientName, StringComparison.Ordinal));
        Assert.All(rest, line => Assert.All(secrets, secret => Assert.DoesNotContain(secret, line.Text, StringComparison.Ordinal)));
    }
}
