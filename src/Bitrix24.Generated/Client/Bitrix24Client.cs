using Microsoft.Extensions.Logging;

namespace Bitrix24;

/// <summary>
/// The Bitrix24 REST client. Methods are grouped as their names are:
/// <c>imopenlines.bot.session.message.send</c> is <c>client.ImOpenLines.Bot.Session.Message.SendAsync(...)</c>.
/// Those groups are generated from <c>spec/</c>; this part holds what every method shares.
/// Thread-safe; create one per portal and reuse it.
/// </summary>
public sealed partial class Bitrix24Client : IDisposable
{
    private readonly ResilientCaller _caller;
    private readonly SecretRedactor _redactor;
    private readonly OAuthSession? _session;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly Bitrix24ClientOptions _options;

    /// <summary>The portal's REST address (the event poller keys a bot's offset by it).</summary>
    internal Uri Portal => _options.Portal;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    /// <param name="options">Where and how to call: <see cref="Bitrix24ClientOptions.Webhook(string)"/> or <see cref="Bitrix24ClientOptions.OAuth"/>.</param>
    public Bitrix24Client(Bitrix24ClientOptions options)
        : this(options, CreateHttpClient(), ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client on a given <see cref="HttpClient"/> (from <c>IHttpClientFactory</c>, with proxies or handlers).</summary>
    /// <param name="options">Where and how to call.</param>
    /// <param name="httpClient">The HTTP client to send with; the caller keeps ownership and disposes it.</param>
    public Bitrix24Client(Bitrix24ClientOptions options, HttpClient httpClient)
        : this(options, httpClient, ownsHttpClient: false)
    {
    }

    private Bitrix24Client(Bitrix24ClientOptions options, HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _redactor = new SecretRedactor(options.Secrets());
        var transport = new Bitrix24Transport(options, httpClient, _redactor);
        _session = options.AuthMode == Bitrix24AuthMode.OAuth
            ? new OAuthSession(options.Tokens!, new TokenEndpointClient(options, httpClient, _redactor), options.TokenStore, _redactor,
                options.SharedTokens, options.SharedTokens is null ? null : Bitrix24SharedTokenKey.For(options), options.OnAuthorizationLost, options.TimeProvider)
            : null;
        _caller = new ResilientCaller(options, transport, options.SharedLimits is null ? PortalRateLimiters.For(options) : null, _session, options.LoggerFactory.CreateLogger<Bitrix24Client>());
    }

    /// <summary>
    /// Calls a method through its descriptor. Generated methods use this; call it directly only for a
    /// method descriptor of your own. The call is paced by <see cref="Bitrix24ClientOptions.RateLimit"/>
    /// and repeated only where <see cref="Bitrix24ClientOptions.Retry"/> and the method's
    /// <see cref="Bitrix24MethodInfo.IsIdempotent"/> make that safe; an expired OAuth token is refreshed once.
    /// </summary>
    /// <returns>The result and the <c>time</c> block.</returns>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error (after any safe repeats).</exception>
    /// <exception cref="Bitrix24TransportException">No valid answer came back (after any safe repeats).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Bitrix24Response<TResult>> CallAsync<TRequest, TResult>(
        Bitrix24Method<TRequest, TResult> method,
        TRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Call(_caller, method, request, cancellationToken);

        static async Task<Bitrix24Response<TResult>> Call(ResilientCaller caller, Bitrix24Method<TRequest, TResult> method, TRequest request, CancellationToken cancellationToken)
        {
            Answer<TResult> answer = await caller.CallAsync(method, request, readTime: true, cancellationToken).ConfigureAwait(false);
            return answer.ToResponse();
        }
    }

    /// <summary>
    /// Calls a method like <see cref="CallAsync{TRequest, TResult}"/> and returns only its result; generated
    /// methods that return the result use this. The <c>time</c> block is skipped and no response object is
    /// made, which saves about a fifth of a call's allocations.
    /// </summary>
    /// <returns>The result.</returns>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error (after any safe repeats).</exception>
    /// <exception cref="Bitrix24TransportException">No valid answer came back (after any safe repeats).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TResult> CallForResultAsync<TRequest, TResult>(
        Bitrix24Method<TRequest, TResult> method,
        TRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Call(_caller, method, request, cancellationToken);

        static async Task<TResult> Call(ResilientCaller caller, Bitrix24Method<TRequest, TResult> method, TRequest request, CancellationToken cancellationToken)
        {
            Answer<TResult> answer = await caller.CallAsync(method, request, readTime: false, cancellationToken).ConfigureAwait(false);
            return answer.Result;
        }
    }

    /// <summary>For OAuth clients, the tokens in use now (refreshed ones included); null for webhooks. <see cref="object.ToString"/> never shows them.</summary>
    public Bitrix24OAuthTokens? OAuthTokens => _session?.Current;

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24Client { " + _options + " }";

    private static HttpClient CreateHttpClient()
    {
        // Pooled connections are recycled so DNS changes are seen; the client applies its own timeout.
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Bitrix24.Generated/" + typeof(Bitrix24Client).Assembly.GetName().Version?.ToString(3));
        return client;
    }
}
