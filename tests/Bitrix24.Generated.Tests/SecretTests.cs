using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// The webhook code, tokens and client secret never show in text the SDK produces (API.md, Errors):
/// the portal's own credentials, echoed back by its answers, must come out redacted.
/// </summary>
public sealed class SecretTests
{
    public enum Auth
    {
        Webhook,
        OAuth,
    }

    [Fact]
    public async Task Options_tokens_and_client_ToString_show_no_secret()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var secrets = new PortalSecrets(portal);
        Bitrix24ClientOptions webhook = secrets.Options(Auth.Webhook, portal.BaseUrl);
        Bitrix24ClientOptions oauth = secrets.Options(Auth.OAuth, portal.BaseUrl);
        Bitrix24OAuthTokens tokens = secrets.Tokens(portal.ClientEndpoint);
        using var webhookClient = new Bitrix24Client(webhook);
        using var oauthClient = new Bitrix24Client(oauth);

        foreach (string text in new[] { webhook.ToString(), oauth.ToString(), tokens.ToString(), webhookClient.ToString(), oauthClient.ToString() })
        {
            secrets.AssertNoneIn(text);
            Assert.Contains(portal.BaseUrl.Authority, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task An_HTML_error_page_echoing_the_secrets_is_redacted(Auth auth)
    {
        var (ex, secrets) = await FailAsync<Bitrix24TransportException>(auth, s =>
            EmulatedFault.Reply(502, $"<html><body><h1>502 Bad Gateway</h1><p>upstream {s.EchoedBy(auth)} failed</p></body></html>", "text/html"));

        Assert.NotNull(ex.ResponseExcerpt);
        Assert.StartsWith("<html>", ex.ResponseExcerpt, StringComparison.Ordinal);
        secrets.AssertNoneIn(ex.ResponseExcerpt);
        secrets.AssertNoneIn(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook, "x", 200 - 3)]
    [InlineData(Auth.OAuth, "x", 200 - 7)]
    [InlineData(Auth.Webhook, "x", 200)]
    [InlineData(Auth.OAuth, "\n", 800 - 5)]
    [InlineData(Auth.Webhook, " ", 4000 - 4)]
    public async Task A_secret_cut_by_the_end_of_the_excerpt_leaves_no_part_of_itself(Auth auth, string filler, int fillerCount)
    {
        // The excerpt keeps about 200 visible characters and folds whitespace, so padding (visible, or
        // whitespace an HTML page is full of) puts the cut inside the secret.
        var (ex, secrets) = await FailAsync<Bitrix24TransportException>(auth, s =>
            EmulatedFault.Reply(502, string.Concat(Enumerable.Repeat(filler, fillerCount)) + s.HeldBy(auth)[0] + new string('y', 300), "text/html"));

        string secret = secrets.HeldBy(auth)[0];
        Assert.NotNull(ex.ResponseExcerpt);
        string leaked = ex.ResponseExcerpt.Trim('x', ' ', '.', 'y');
        Assert.False(leaked.Length > 0 && secret.StartsWith(leaked, StringComparison.Ordinal), $"Part of the secret leaked: '{leaked}'");
        secrets.AssertNoneIn(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task An_error_description_echoing_the_secrets_is_redacted(Auth auth)
    {
        var (ex, secrets) = await FailAsync<Bitrix24ApiException>(auth, s =>
            EmulatedFault.Error(401, "NO_AUTH_FOUND", "Wrong authorization data " + s.EchoedBy(auth)));

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, ex.ErrorCode);
        secrets.AssertNoneIn(ex.Description);
        secrets.AssertNoneIn(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task A_result_echoing_a_secret_is_redacted_in_the_exception_and_its_inner_exception(Auth auth)
    {
        // The result reader quotes the unexpected value in its JsonException; that text came from outside.
        var (ex, secrets) = await FailAsync<Bitrix24TransportException>(auth, s =>
            EmulatedFault.Reply(200, $$"""{"result":"{{s.HeldBy(auth)[0]}}"}"""));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        secrets.AssertNoneIn(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task Connection_failures_and_timeouts_show_no_secret(Auth auth)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var secrets = new PortalSecrets(portal);

        using (var refused = new Bitrix24Client(secrets.Options(auth, new Uri(ClosedPort.BaseUrl()))))
        {
            secrets.AssertNoneIn(await Assert.ThrowsAsync<Bitrix24TransportException>(() => refused.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId)));
        }

        portal.Faults.Enqueue(EmulatedFault.DropConnection());
        using (var dropped = new Bitrix24Client(secrets.Options(auth, portal.BaseUrl)))
        {
            secrets.AssertNoneIn(await Assert.ThrowsAsync<Bitrix24TransportException>(() => dropped.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId)));
        }

        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));
        Bitrix24ClientOptions options = secrets.Options(auth, portal.BaseUrl);
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        using (var slow = new Bitrix24Client(options))
        {
            secrets.AssertNoneIn(await Assert.ThrowsAsync<Bitrix24TransportException>(() => slow.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId)));
        }

        Assert.Equal(2, portal.Requests.All.Count);
    }

    [Theory]
    [InlineData("http://example.com/rest/1/abc123xyz/")]
    [InlineData("ftp://example.com/rest/1/abc123xyz/")]
    [InlineData("https://example.com/rest/abc123xyz/")]
    [InlineData("https://example.com/rest/x1/abc123xyz/")]
    [InlineData("https://example.com/hook/1/abc123xyz/")]
    [InlineData("https://example.com/rest/1/abc123xyz/imopenlines.bot.session.operator")]
    [InlineData("https://example.com/rest/1/abc123xyz/?auth=abc123xyz")]
    [InlineData("https://example.com/rest/1/abc123xyz/#abc123xyz")]
    [InlineData("abc123xyz")]
    [InlineData("example.com/rest/1/abc123xyz/")]
    public void Malformed_webhook_URLs_are_rejected_without_echoing_the_code(string url)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));

        Assert.DoesNotContain(ExamplePortal.WebhookCode, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ExamplePortal.WebhookCode, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_OAuth_endpoint_is_rejected_without_echoing_the_tokens()
    {
        Bitrix24OAuthTokens tokens = ExamplePortal.Tokens("http://example.com/rest/");

        var ex = Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.OAuth(tokens, ExamplePortal.ClientId, ExamplePortal.ClientSecret));

        foreach (string secret in ExamplePortal.Secrets)
        {
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Calls <c>imopenlines.bot.session.operator</c> with a client of kind <paramref name="auth"/> on a
    /// portal that answers with the fault <paramref name="answer"/> builds from the portal's secrets.
    /// </summary>
    private static async Task<(TException Exception, PortalSecrets Secrets)> FailAsync<TException>(Auth auth, Func<PortalSecrets, EmulatedFault> answer)
        where TException : Exception
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var secrets = new PortalSecrets(portal);
        portal.Faults.Enqueue(answer(secrets));
        using var client = new Bitrix24Client(secrets.Options(auth, portal.BaseUrl));

        var ex = await Assert.ThrowsAsync<TException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
        return (ex, secrets);
    }

    /// <summary>The secrets of one emulated portal: its webhook code, tokens it issued, and its application's client secret.</summary>
    private sealed class PortalSecrets
    {
        private readonly EmulatedWebhook _webhook = DemoPortal.Webhook;
        private readonly EmulatedOAuthTokens _tokens;
        private readonly EmulatedApplication _application;

        public PortalSecrets(EmulatedPortal portal)
        {
            _tokens = portal.IssueTokens();
            _application = portal.Application;
        }

        /// <summary>Every secret; none may show in any text the SDK produces.</summary>
        private string[] All => [_webhook.Code, _tokens.AccessToken, _tokens.RefreshToken, _application.ClientSecret];

        /// <summary>The secrets a client of this kind holds; it can only redact what it knows.</summary>
        public string[] HeldBy(Auth auth) =>
            auth == Auth.Webhook ? [_webhook.Code] : [_tokens.AccessToken, _tokens.RefreshToken, _application.ClientSecret];

        /// <summary>A text that echoes a client's secrets back, as a misbehaving proxy or debug page might.</summary>
        public string EchoedBy(Auth auth) => string.Join(" ", HeldBy(auth).Select(s => $"[{s}]"));

        /// <summary>The access and refresh tokens with <paramref name="clientEndpoint"/>.</summary>
        public Bitrix24OAuthTokens Tokens(Uri clientEndpoint) => new(_tokens.AccessToken, _tokens.RefreshToken, clientEndpoint);

        /// <summary>Options for a client of this kind with these credentials, on the portal at <paramref name="baseUrl"/>.</summary>
        public Bitrix24ClientOptions Options(Auth auth, Uri baseUrl) => auth == Auth.Webhook
            ? Bitrix24ClientOptions.Webhook(new Uri(baseUrl, $"rest/{_webhook.UserId}/{_webhook.Code}/"))
            : Bitrix24ClientOptions.OAuth(Tokens(new Uri(baseUrl, "rest/")), _application.ClientId, _application.ClientSecret);

        /// <summary>Message and ToString (which includes every inner exception) of the whole chain.</summary>
        public void AssertNoneIn(Exception ex)
        {
            AssertNoneIn(ex.ToString());
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                AssertNoneIn(e.Message);
            }
        }

        public void AssertNoneIn(string text)
        {
            foreach (string secret in All)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
