using Bitrix24.Emulator;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>Which URLs a client accepts: HTTPS, plain HTTP only to loopback, and the webhook URL's shape (API.md, FACTS.md 6).</summary>
public sealed class EndpointRulesTests
{
    [Theory]
    [InlineData("https://example.bitrix24.com/rest/1/abc123xyz/")]
    [InlineData("https://example.bitrix24.com/rest/1/abc123xyz")]
    [InlineData("https://example.bitrix24.com:8443/rest/1/abc123xyz/")]
    [InlineData("https://portal.example.com/bitrix/rest/15/abc123xyz/")]
    [InlineData("HTTPS://EXAMPLE.BITRIX24.COM/rest/1/abc123xyz/")]
    [InlineData("http://127.0.0.1/rest/1/abc123xyz/")]
    [InlineData("http://127.5.5.5:8080/rest/1/abc123xyz/")]
    [InlineData("http://localhost/rest/1/abc123xyz/")]
    [InlineData("http://localhost:5000/rest/1/abc123xyz")]
    [InlineData("http://[::1]:9000/rest/1/abc123xyz/")]
    public void Webhook_URLs_that_are_accepted(string url)
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(url);

        Assert.Equal(Bitrix24AuthMode.Webhook, options.AuthMode);
    }

    [Theory]
    [InlineData("http://example.com/rest/1/abc123xyz/")]
    [InlineData("http://example.bitrix24.com/rest/1/abc123xyz/")]
    [InlineData("http://10.0.0.1/rest/1/abc123xyz/")]
    [InlineData("http://0.0.0.0/rest/1/abc123xyz/")]
    [InlineData("http://localhost.example.com/rest/1/abc123xyz/")]
    public void Plain_http_to_a_host_other_than_loopback_is_rejected_naming_https(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));

        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
        Assert.Equal("webhookUrl", ex.ParamName);
    }

    [Theory]
    [InlineData("ftp://example.com/rest/1/abc123xyz/")]
    [InlineData("ws://localhost/rest/1/abc123xyz/")]
    [InlineData("file:///rest/1/abc123xyz/")]
    public void Schemes_other_than_http_and_https_are_rejected(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));

        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("https://example.com/rest/")]
    [InlineData("https://example.com/rest/1/")]
    [InlineData("https://example.com/rest/abc123xyz/")]
    [InlineData("https://example.com/rest/one/abc123xyz/")]
    [InlineData("https://example.com/rest/-1/abc123xyz/")]
    [InlineData("https://example.com/api/1/abc123xyz/")]
    [InlineData("https://example.com/rest/1/abc123xyz/profile.json")]
    [InlineData("https://example.com/rest/1/abc123xyz/extra/")]
    public void URLs_without_rest_user_id_and_code_are_rejected(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));

        Assert.Equal("webhookUrl", ex.ParamName);
    }

    [Theory]
    [InlineData("https://user:secret-pass@example.com/rest/1/abc123xyz/")]
    [InlineData("http://user:secret-pass@127.0.0.1/rest/1/abc123xyz/")]
    public void Credentials_in_the_URL_are_rejected_without_echoing_them(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));

        Assert.DoesNotContain("secret-pass", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123xyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rest_segment_is_matched_without_case()
    {
        var options = Bitrix24ClientOptions.Webhook("https://example.com/REST/1/abc123xyz/");

        Assert.Equal(new Uri("https://example.com/"), options.Portal);
    }

    [Theory]
    [InlineData("https://example.com/rest/1/abc123xyz/?x=1")]
    [InlineData("https://example.com/rest/1/abc123xyz?auth=token")]
    [InlineData("https://example.com/rest/1/abc123xyz/#top")]
    public void A_query_string_or_fragment_is_rejected(string url)
    {
        Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("/rest/1/abc123xyz/")]
    public void Empty_or_relative_text_is_rejected(string url)
    {
        Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.Webhook(url));
    }

    [Fact]
    public void OAuth_rejects_a_plain_http_client_endpoint_except_on_loopback()
    {
        Bitrix24OAuthTokens remote = ExamplePortal.Tokens("http://example.bitrix24.com/rest/");
        Bitrix24OAuthTokens loopback = ExamplePortal.Tokens("http://127.0.0.1:5000/rest/");

        var ex = Assert.Throws<ArgumentException>(() => Bitrix24ClientOptions.OAuth(remote, ExamplePortal.ClientId, ExamplePortal.ClientSecret));
        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Bitrix24AuthMode.OAuth, Bitrix24ClientOptions.OAuth(loopback, ExamplePortal.ClientId, ExamplePortal.ClientSecret).AuthMode);
    }

    [Fact]
    public void Portal_is_the_host_only()
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/abc123xyz/");

        Assert.Equal(new Uri("https://example.bitrix24.com/"), options.Portal);
    }

    [Theory]
    [InlineData("rest/1/abc123xyz/")]
    [InlineData("rest/1/abc123xyz")]
    public async Task The_trailing_slash_is_optional(string webhookPath)
    {
        await using var portal = await StartWithWebhookAsync(userId: 1, code: "abc123xyz");
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(new Uri(portal.BaseUrl, webhookPath)));

        Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal("/rest/1/abc123xyz/imopenlines.bot.session.operator", Assert.Single(portal.Requests.All).Target);
    }

    [Fact]
    public async Task A_path_prefix_before_rest_is_kept()
    {
        // The portal is served below /portal/b24/ by a reverse proxy that strips the prefix on the way in.
        await using var portal = await StartWithWebhookAsync(userId: 7, code: "abc123xyz");
        using var proxy = new PathPrefixProxy("/portal/b24");
        using var http = new HttpClient(proxy);
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(new Uri(portal.BaseUrl, "portal/b24/rest/7/abc123xyz/")), http);

        Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));

        Assert.Equal("/portal/b24/rest/7/abc123xyz/imopenlines.bot.session.operator", Assert.Single(proxy.Received));
        Assert.Equal("/rest/7/abc123xyz/imopenlines.bot.session.operator", Assert.Single(portal.Requests.All).Target);
    }

    /// <summary>A portal that also accepts the webhook <c>/rest/{userId}/{code}/</c> with the bot scopes.</summary>
    private static Task<EmulatedPortal> StartWithWebhookAsync(int userId, string code)
    {
        var options = new EmulatedPortalOptions();
        options.Webhooks.Add(new EmulatedWebhook(userId, code, ["imopenlines", "imbot"]));
        return EmulatedPortal.StartAsync(options);
    }

    /// <summary>A reverse proxy in front of the portal: records each path as the client sent it, then forwards it without the prefix.</summary>
    private sealed class PathPrefixProxy(string prefix) : DelegatingHandler(new HttpClientHandler())
    {
        private readonly List<string> _received = [];

        public IReadOnlyList<string> Received => _received;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri uri = request.RequestUri!;
            _received.Add(uri.AbsolutePath);
            Assert.StartsWith(prefix + "/", uri.AbsolutePath, StringComparison.Ordinal);
            request.RequestUri = new UriBuilder(uri) { Path = uri.AbsolutePath[prefix.Length..] }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
