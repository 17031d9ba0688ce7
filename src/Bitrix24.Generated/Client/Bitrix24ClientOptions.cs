namespace Bitrix24;

/// <summary>
/// How to reach and authenticate to a portal. Create with <see cref="Webhook(string)"/> or
/// <see cref="OAuth"/>. Secrets (the webhook code, tokens, the client secret) never appear in
/// <see cref="ToString"/> or in any exception message.
/// </summary>
public sealed class Bitrix24ClientOptions
{
    private Bitrix24ClientOptions(Bitrix24AuthMode authMode, Uri restEndpoint, string? webhookCode, Bitrix24OAuthTokens? tokens, string? clientId, string? clientSecret)
    {
        AuthMode = authMode;
        RestEndpoint = restEndpoint;
        Portal = new UriBuilder(restEndpoint.Scheme, restEndpoint.Host, restEndpoint.Port).Uri;
        WebhookCode = webhookCode;
        Tokens = tokens;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>Webhook or OAuth.</summary>
    public Bitrix24AuthMode AuthMode { get; }

    /// <summary>
    /// The portal's host, e.g. <c>https://example.bitrix24.com/</c>; safe to log (the webhook code
    /// and the REST path are left out).
    /// </summary>
    public Uri Portal { get; }

    /// <summary>How long one HTTP call may take before it fails with <see cref="Bitrix24TransportFailure.Timeout"/>. Default 60 s, the cloud portal's own cut-off.</summary>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "RequestTimeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _requestTimeout = value;
        }
    }

    private TimeSpan _requestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How requests are paced: the portal's plan (<see cref="Bitrix24RateLimit.Standard"/> by default,
    /// shared by every client of the same portal in this process), a custom pace, your own
    /// <see cref="System.Threading.RateLimiting.RateLimiter"/>, or <see cref="Bitrix24RateLimit.Off"/>.
    /// </summary>
    public Bitrix24RateLimit RateLimit
    {
        get => _rateLimit;
        set => _rateLimit = value ?? throw new ArgumentNullException(nameof(value), "Use Bitrix24RateLimit.Off to switch pacing off.");
    }

    private Bitrix24RateLimit _rateLimit = Bitrix24RateLimit.Standard;

    /// <summary>
    /// Where the portal's request budget and its methods' operating-limit blocks are shared with the other processes
    /// that call it (e.g. <c>RedisBitrix24SharedLimits</c> from package <c>Bitrix24.Generated.Redis</c>). When set, it
    /// paces the calls in place of <see cref="RateLimit"/>'s in-process limiter, at <see cref="RateLimit"/>'s pace
    /// (a custom <see cref="System.Threading.RateLimiting.RateLimiter"/> cannot be shared and is refused with it).
    /// Null by default: each process paces itself.
    /// </summary>
    public IBitrix24SharedLimits? SharedLimits { get; set; }

    /// <summary>
    /// For OAuth clients run as several processes: where the portal's tokens are shared, with a version and a refresh
    /// lease, so exactly one process refreshes and the others use its pair (e.g. <c>RedisBitrix24SharedTokens</c> from
    /// package <c>Bitrix24.Generated.Redis</c>). Null by default: the client refreshes on its own.
    /// </summary>
    public IBitrix24SharedTokenStore? SharedTokens { get; set; }

    /// <summary>
    /// Called once when a refresh token is refused and no process has stored a newer pair: a user must authorize the
    /// application again (the calls fail with <see cref="Bitrix24AuthorizationLostException"/>). Only with <see cref="SharedTokens"/>.
    /// </summary>
    public Action<Bitrix24AuthorizationLostException>? OnAuthorizationLost { get; set; }

    /// <summary>When calls are repeated (see <see cref="Bitrix24RetryOptions"/>); on by default, and never for a call that may have run unless the method is idempotent.</summary>
    public Bitrix24RetryOptions Retry { get; } = new();

    /// <summary>The clock every wait uses (back-off, rate limiting, operating limits); tests pass a fake one.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// Where the SDK logs: one line per call (method, status, duration, attempt), warnings for limits and
    /// retries. Never a webhook code, token or client secret. Nothing is logged by default.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory
    {
        get => _loggerFactory;
        set => _loggerFactory = value ?? throw new ArgumentNullException(nameof(value));
    }

    private Microsoft.Extensions.Logging.ILoggerFactory _loggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    /// <summary>For OAuth clients: where refreshed tokens are saved. The refresh token rotates, so save them or lose access after the next restart.</summary>
    public IBitrix24TokenStore? TokenStore { get; set; }

    /// <summary>The address methods are appended to: the webhook URL, or the OAuth <c>client_endpoint</c>.</summary>
    internal Uri RestEndpoint { get; }

    internal string? WebhookCode { get; }

    internal Bitrix24OAuthTokens? Tokens { get; }

    internal string? ClientId { get; }

    internal string? ClientSecret { get; }

    /// <summary>Every secret these options hold, so messages built from outside text can be scrubbed of them.</summary>
    internal IEnumerable<string> Secrets()
    {
        foreach (string? secret in new[] { WebhookCode, Tokens?.AccessToken, Tokens?.RefreshToken, ClientSecret })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                yield return secret;
            }
        }
    }

    /// <summary>Options for an incoming webhook.</summary>
    /// <param name="webhookUrl">The URL Bitrix24 shows when the webhook is created: <c>https://{portal}/rest/{user_id}/{code}/</c>.</param>
    /// <exception cref="ArgumentException">The URL is not a webhook URL, or is plain HTTP to a host other than loopback.</exception>
    public static Bitrix24ClientOptions Webhook(string webhookUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookUrl);
        if (!Uri.TryCreate(webhookUrl.Trim(), UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException("The webhook URL is not an absolute URL; expected https://{portal}/rest/{user_id}/{code}/.", nameof(webhookUrl));
        }

        return Webhook(uri);
    }

    /// <inheritdoc cref="Webhook(string)"/>
    public static Bitrix24ClientOptions Webhook(Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        EndpointRules.RequireSecure(webhookUrl, nameof(webhookUrl), "webhook URL");
        if (!string.IsNullOrEmpty(webhookUrl.Query) || !string.IsNullOrEmpty(webhookUrl.Fragment))
        {
            throw new ArgumentException($"The webhook URL for {webhookUrl.Host} must not carry a query or fragment; expected https://{{portal}}/rest/{{user_id}}/{{code}}/.", nameof(webhookUrl));
        }

        // Never echo the path: it holds the webhook code.
        if (!TrySplitWebhookPath(webhookUrl.AbsolutePath, out string basePath, out string code))
        {
            throw new ArgumentException(
                $"The URL for {webhookUrl.Host} is not an incoming webhook URL; expected https://{{portal}}/rest/{{user_id}}/{{code}}/ (user_id is a number).",
                nameof(webhookUrl));
        }

        var endpoint = new Uri(webhookUrl.GetLeftPart(UriPartial.Authority) + basePath + "/");
        return new Bitrix24ClientOptions(Bitrix24AuthMode.Webhook, endpoint, code, null, null, null);
    }

    /// <summary>Splits <c>[/prefix]/rest/{user_id}/{code}[/]</c>; the prefix allows portals served below a path.</summary>
    private static bool TrySplitWebhookPath(string path, out string basePath, out string code)
    {
        basePath = string.Empty;
        code = string.Empty;
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int rest = segments.Length - 3;
        if (rest < 0 || !segments[rest].Equals("rest", StringComparison.OrdinalIgnoreCase) || segments[rest + 1].Length == 0 || !segments[rest + 1].All(char.IsAsciiDigit))
        {
            return false;
        }

        code = segments[rest + 2];
        basePath = "/" + string.Join('/', segments);
        return true;
    }

    /// <summary>Options for an OAuth application.</summary>
    /// <param name="tokens">The application's tokens and <c>client_endpoint</c>.</param>
    /// <param name="clientId">The application's <c>client_id</c>, for refreshing tokens.</param>
    /// <param name="clientSecret">The application's <c>client_secret</c>; sent only to the OAuth server, never to the portal.</param>
    /// <exception cref="ArgumentException">An argument is empty, or <c>client_endpoint</c> is plain HTTP to a host other than loopback.</exception>
    public static Bitrix24ClientOptions OAuth(Bitrix24OAuthTokens tokens, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        Uri endpoint = tokens.ClientEndpoint;
        EndpointRules.RequireSecure(endpoint, nameof(tokens), "OAuth client_endpoint");
        if (!endpoint.AbsolutePath.EndsWith('/'))
        {
            endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Path) + "/");
        }

        return new Bitrix24ClientOptions(Bitrix24AuthMode.OAuth, endpoint, null, tokens, clientId, clientSecret);
    }

    /// <inheritdoc/>
    public override string ToString() => AuthMode == Bitrix24AuthMode.Webhook
        ? $"Bitrix24ClientOptions {{ Webhook at {Portal} }}"
        : $"Bitrix24ClientOptions {{ OAuth at {RestEndpoint}, ClientId = {ClientId} }}";
}
