using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>The webhook code, tokens and client secret never show in text the SDK produces (API.md, Errors).</summary>
public sealed class SecretTests
{
    public enum Auth
    {
        Webhook,
        OAuth,
    }

    [Fact]
    public void Options_tokens_and_client_ToString_show_no_secret()
    {
        Bitrix24ClientOptions webhook = TestPortal.WebhookOptions("https://example.bitrix24.com");
        Bitrix24ClientOptions oauth = TestPortal.OAuthOptions("https://example.bitrix24.com");
        var tokens = new Bitrix24OAuthTokens(TestPortal.AccessToken, TestPortal.RefreshToken, new Uri("https://example.bitrix24.com/rest/"));
        using var webhookClient = new Bitrix24Client(webhook);
        using var oauthClient = new Bitrix24Client(oauth);

        foreach (string text in new[] { webhook.ToString(), oauth.ToString(), tokens.ToString(), webhookClient.ToString(), oauthClient.ToString() })
        {
            AssertNoSecret(text);
            Assert.Contains("example.bitrix24.com", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task An_HTML_error_page_echoing_the_secrets_is_redacted(Auth auth)
    {
        string page = $"<html><body><h1>502 Bad Gateway</h1><p>upstream {EchoSecrets(auth)} failed</p></body></html>";
        var ex = await FailAsync<Bitrix24TransportException>(auth, Reply.Text(502, page, "text/html"));

        Assert.NotNull(ex.ResponseExcerpt);
        Assert.StartsWith("<html>", ex.ResponseExcerpt, StringComparison.Ordinal);
        AssertNoSecret(ex.ResponseExcerpt);
        AssertNoSecret(ex);
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
        string secret = Secrets(auth)[0];
        string page = string.Concat(Enumerable.Repeat(filler, fillerCount)) + secret + new string('y', 300);
        var ex = await FailAsync<Bitrix24TransportException>(auth, Reply.Text(502, page, "text/html"));

        Assert.NotNull(ex.ResponseExcerpt);
        string leaked = ex.ResponseExcerpt.Trim('x', ' ', '.', 'y');
        Assert.False(leaked.Length > 0 && secret.StartsWith(leaked, StringComparison.Ordinal), $"Part of the secret leaked: '{leaked}'");
        AssertNoSecret(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task An_error_description_echoing_the_secrets_is_redacted(Auth auth)
    {
        var ex = await FailAsync<Bitrix24ApiException>(auth, Reply.Json(Bodies.Error("NO_AUTH_FOUND", "Wrong authorization data " + EchoSecrets(auth)), 401));

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, ex.ErrorCode);
        AssertNoSecret(ex.Description);
        AssertNoSecret(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task A_result_echoing_a_secret_is_redacted_in_the_exception_and_its_inner_exception(Auth auth)
    {
        // The result reader quotes the unexpected value in its JsonException; that text came from outside.
        string secret = Secrets(auth)[0];
        var ex = await FailAsync<Bitrix24TransportException>(auth, Reply.Json($$"""{"result":"{{secret}}"}"""));

        Assert.Equal(Bitrix24TransportFailure.InvalidResponse, ex.Failure);
        AssertNoSecret(ex);
    }

    [Theory]
    [InlineData(Auth.Webhook)]
    [InlineData(Auth.OAuth)]
    public async Task Connection_failures_and_timeouts_show_no_secret(Auth auth)
    {
        using (var refused = new Bitrix24Client(Options(auth, ClosedPort.BaseUrl())))
        {
            AssertNoSecret(await Assert.ThrowsAsync<Bitrix24TransportException>(() => refused.ImOpenLines.Bot.Session.OperatorAsync(112)));
        }

        await using (var dropping = await LoopbackServer.StartAsync(Reply.Abort()))
        {
            using var client = new Bitrix24Client(Options(auth, dropping.BaseUrl));
            AssertNoSecret(await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(112)));
        }

        await using (var slow = await LoopbackServer.StartAsync(Reply.Delay(TimeSpan.FromSeconds(30), Reply.Json(Bodies.True))))
        {
            Bitrix24ClientOptions options = Options(auth, slow.BaseUrl);
            options.RequestTimeout = TimeSpan.FromMilliseconds(200);
            using var client = new Bitrix24Client(options);
            AssertNoSecret(await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(112)));
        }
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

        Assert.DoesNotContain(TestPortal.WebhookCode, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPortal.WebhookCode, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_OAuth_endpoint_is_rejected_without_echoing_the_tokens()
    {
        var tokens = new Bitrix24OAuthTokens(TestPortal.AccessToken, TestPortal.RefreshToken, new Uri("http://example.com/rest/"));

        var ex = Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.OAuth(tokens, TestPortal.ClientId, TestPortal.ClientSecret));

        AssertNoSecret(ex.ToString());
    }

    /// <summary>The secrets a client of this kind holds; it can only redact what it knows.</summary>
    private static string[] Secrets(Auth auth) =>
        auth == Auth.Webhook ? [TestPortal.WebhookCode] : [TestPortal.AccessToken, TestPortal.RefreshToken, TestPortal.ClientSecret];

    /// <summary>A text that echoes the client's secrets back, as a misbehaving proxy or debug page might.</summary>
    private static string EchoSecrets(Auth auth) => string.Join(" ", Secrets(auth).Select(s => $"[{s}]"));

    private static Bitrix24ClientOptions Options(Auth auth, string baseUrl) =>
        auth == Auth.Webhook ? TestPortal.WebhookOptions(baseUrl) : TestPortal.OAuthOptions(baseUrl);

    private static async Task<TException> FailAsync<TException>(Auth auth, Reply reply)
        where TException : Exception
    {
        await using var server = await LoopbackServer.StartAsync(reply);
        using var client = new Bitrix24Client(Options(auth, server.BaseUrl));
        return await Assert.ThrowsAsync<TException>(() => client.ImOpenLines.Bot.Session.OperatorAsync(112));
    }

    /// <summary>Message and ToString (which includes every inner exception) of the whole chain.</summary>
    private static void AssertNoSecret(Exception ex)
    {
        AssertNoSecret(ex.ToString());
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            AssertNoSecret(e.Message);
        }
    }

    private static void AssertNoSecret(string text)
    {
        foreach (string secret in TestPortal.Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
