namespace Bitrix24;

/// <summary>
/// What <c>services.AddBitrix24(...)</c> builds the <see cref="Bitrix24Client"/> from: the credentials
/// (an incoming webhook, or an OAuth application), the portal's plan, timeouts and retries. Filled from
/// configuration (keys under the section passed in, e.g. <c>Bitrix24:WebhookUrl</c>,
/// <c>Bitrix24:Retry:MaxAttempts</c>), from a delegate, or both; checked when the client is first
/// resolved (and at host start-up), with errors naming the key.
/// </summary>
/// <remarks>
/// Configuration keys (relative to the section): <c>WebhookUrl</c>; or <c>ClientId</c>, <c>ClientSecret</c>,
/// <c>AccessToken</c>, <c>RefreshToken</c>, <c>ClientEndpoint</c>, <c>ServerEndpoint</c>; <c>Plan</c>
/// (<c>Standard</c> or <c>Enterprise</c>), <c>RequestsPerSecond</c>, <c>Burst</c>, <c>RequestTimeout</c>
/// (<c>00:00:30</c>); <c>Retry:Enabled</c>, <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>,
/// <c>Retry:MaxDelay</c>, <c>Retry:TotalTimeout</c>, <c>Retry:WaitForOperatingLimit</c>. An empty value
/// counts as not set; keys not listed here are ignored. Keep the webhook URL, the client secret and the
/// tokens out of files in source control (user secrets, environment variables such as
/// <c>Bitrix24__WebhookUrl</c>, a key vault). <see cref="ToString"/> never shows them.
/// </remarks>
public sealed class Bitrix24ServiceOptions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends with (<c>IHttpClientFactory</c>): <c>"Bitrix24"</c>.</summary>
    public const string HttpClientName = "Bitrix24";

    /// <summary>The usual configuration section: <c>"Bitrix24"</c> (<c>configuration.GetSection(Bitrix24ServiceOptions.SectionName)</c>).</summary>
    public const string SectionName = "Bitrix24";

    /// <summary>
    /// An incoming webhook, <c>https://{portal}/rest/{user_id}/{code}/</c> (key <c>WebhookUrl</c>). Set
    /// either this or the OAuth settings (<see cref="ClientId"/>, ...), not both.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>OAuth: the application's <c>client_id</c> (key <c>ClientId</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth: the application's <c>client_secret</c> (key <c>ClientSecret</c>); sent only to the OAuth server.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth: the access token to start with (key <c>AccessToken</c>), unless <see cref="LoadTokens"/> gives one.</summary>
    public string? AccessToken { get; set; }

    /// <summary>OAuth: the refresh token to start with (key <c>RefreshToken</c>), unless <see cref="LoadTokens"/> gives one.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>OAuth: the portal's REST address, <c>client_endpoint</c> (key <c>ClientEndpoint</c>), e.g. <c>https://example.bitrix24.com/rest/</c>.</summary>
    public Uri? ClientEndpoint { get; set; }

    /// <summary>OAuth: the OAuth server's REST address, <c>server_endpoint</c> (key <c>ServerEndpoint</c>); refreshes go to its host (default <c>oauth.bitrix.info</c>).</summary>
    public Uri? ServerEndpoint { get; set; }

    /// <summary>
    /// Events of a webhook-registered bot: the application token its deliveries carry in
    /// <c>auth[application_token]</c> (key <c>ApplicationToken</c>). Set, every delivery must carry it; not set,
    /// a delivery must carry the token of its portal's installation (an OAuth application, see
    /// <c>Bitrix24.Inbound.IBitrix24InstallationStore</c>). Never logged.
    /// </summary>
    public string? ApplicationToken { get; set; }

    /// <summary>
    /// Events of a webhook-registered bot: the portal's <c>member_id</c> (key <c>MemberId</c>); when set, a delivery
    /// naming another portal is rejected even with the right token.
    /// </summary>
    public string? MemberId { get; set; }

    /// <summary>
    /// OAuth: where the tokens come from when the client is created, e.g. your token store's last saved
    /// pair (the refresh token rotates at every refresh, so tokens from configuration are dead after the
    /// first one). Called once, synchronously, when <see cref="Bitrix24Client"/> is first resolved;
    /// returning null falls back to <see cref="AccessToken"/>, <see cref="RefreshToken"/> and
    /// <see cref="ClientEndpoint"/>. Refreshed tokens go to the <see cref="IBitrix24TokenStore"/>
    /// registered in the container, if any.
    /// </summary>
    public Func<IServiceProvider, Bitrix24OAuthTokens?>? LoadTokens { get; set; }

    /// <summary>The portal's plan, which sets the client's pace (key <c>Plan</c>: <c>Standard</c>, the default, or <c>Enterprise</c>); see <see cref="Bitrix24RateLimit.For"/>.</summary>
    public Bitrix24Plan Plan { get; set; } = Bitrix24Plan.Standard;

    /// <summary>A pace of your own, below the plan's (key <c>RequestsPerSecond</c>); with <see cref="Burst"/> it replaces the plan's values (<see cref="Bitrix24RateLimit.Custom"/>).</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>How many requests may go at once after a quiet spell (key <c>Burst</c>); see <see cref="RequestsPerSecond"/>.</summary>
    public int? Burst { get; set; }

    /// <summary>
    /// How long one HTTP call may take (key <c>RequestTimeout</c>); null keeps the SDK's 60 s
    /// (<see cref="Bitrix24ClientOptions.RequestTimeout"/>). The named <see cref="HttpClient"/> is given an
    /// infinite <see cref="HttpClient.Timeout"/> so this is the one that applies.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>When calls are repeated (keys <c>Retry:Enabled</c>, <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:TotalTimeout</c>, <c>Retry:WaitForOperatingLimit</c>); copied into <see cref="Bitrix24ClientOptions.Retry"/>.</summary>
    public Bitrix24RetryOptions Retry { get; } = new();

    /// <summary>
    /// Runs last on the <see cref="Bitrix24ClientOptions"/> built from these settings and the container
    /// (<see cref="Bitrix24ClientOptions.LoggerFactory"/>, <see cref="Bitrix24ClientOptions.TimeProvider"/>,
    /// <see cref="Bitrix24ClientOptions.TokenStore"/>), for what configuration cannot say, e.g.
    /// <c>o.RateLimit = Bitrix24RateLimit.Use(sharedLimiter)</c>.
    /// </summary>
    public Action<Bitrix24ClientOptions>? ConfigureClient { get; set; }

    /// <summary>The configuration section these options were read from (its path, "" for a root), or null if none; names keys in errors.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>Why the section may have no credentials (missing, or the root passed instead of the section).</summary>
    internal string? ConfigurationHint { get; set; }

    /// <summary>Values in configuration that could not be read, each naming its key.</summary>
    internal List<string> ConfigurationErrors { get; } = [];

    /// <inheritdoc/>
    public override string ToString() => WebhookUrl is not null
        ? $"Bitrix24ServiceOptions {{ Webhook at {HostOf(WebhookUrl)}, Plan = {Plan} }}"
        : $"Bitrix24ServiceOptions {{ OAuth at {HostOf(ClientEndpoint)}, ClientId = {ClientId}, Plan = {Plan} }}";

    // The host only: a webhook URL's path holds its code.
    private static string HostOf(Uri? uri) => uri is { IsAbsoluteUri: true } ? uri.Host : "(not set)";
}
