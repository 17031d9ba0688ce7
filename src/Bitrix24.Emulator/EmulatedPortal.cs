using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Hosting;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.Methods.Batch;
using Bitrix24.Emulator.Methods.Common;
using Bitrix24.Emulator.Methods.ImBotV2;
using Bitrix24.Emulator.Methods.OpenLines;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator;

/// <summary>
/// An offline Bitrix24 portal over real HTTP on 127.0.0.1: webhook and OAuth calls, the open-line bot
/// methods and Chatbots 2.0 (<c>imbot.v2.*</c>: bots, messages with keyboards and attachments, commands) with their state, <c>batch</c>, the rate and operating limits, expiring tokens with a token
/// endpoint, and scripted faults. Start one per test:
/// <code>
/// await using var portal = await EmulatedPortal.StartAsync();
/// using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(portal.WebhookUrl.ToString()));
/// </code>
/// </summary>
public sealed class EmulatedPortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TokenRegistry _tokens;
    private readonly EmulatedPortalOptions _options;

    private EmulatedPortal(WebApplication app, EmulatedPortalOptions options, PortalState state, TokenRegistry tokens)
    {
        _app = app;
        _options = options;
        State = state;
        _tokens = tokens;
    }

    /// <summary>The portal's root, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The demo webhook with the bot scopes (<see cref="DemoPortal.Webhook"/>, or the first configured), ending in <c>/</c>.</summary>
    public Uri WebhookUrl => GetWebhookUrl(_options.Webhooks.Count > 0
        ? _options.Webhooks[0]
        : throw new InvalidOperationException("The portal was started without webhooks."));

    /// <summary>The OAuth <c>client_endpoint</c>: <c>{BaseUrl}rest/</c>.</summary>
    public Uri ClientEndpoint => new(BaseUrl, "rest/");

    /// <summary>The OAuth token endpoint: <c>{BaseUrl}oauth/token/</c>.</summary>
    public Uri TokenEndpoint => new(BaseUrl, "oauth/token/");

    /// <summary>The installed OAuth application.</summary>
    public EmulatedApplication Application => _options.Application;

    /// <summary>Users, lines, bots and chats with their transcripts.</summary>
    public PortalState State { get; }

    /// <summary>Faults to play for coming requests.</summary>
    public FaultScript Faults { get; } = new();

    /// <summary>Every request received, in order.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>The portal's clock.</summary>
    public TimeProvider Clock => _options.TimeProvider;

    /// <summary>How many refresh-token exchanges the token endpoint granted.</summary>
    public int TokenRefreshCount => _tokens.RefreshCount;

    /// <summary>Starts a portal and waits until it listens.</summary>
    /// <param name="options">How it behaves; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a non-positive rate limit).</exception>
    /// <exception cref="IOException">The server could not listen, e.g. <see cref="EmulatedPortalOptions.Port"/> is taken by another process.</exception>
    public static async Task<EmulatedPortal> StartAsync(EmulatedPortalOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatedPortalOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        TimeProvider clock = options.TimeProvider;

        var state = new PortalState(clock);
        if (options.SeedDemoData)
        {
            DemoPortal.Seed(state);
        }

        options.Seed?.Invoke(state);

        // Validated before the web host is built, so invalid options leave nothing to dispose.
        LeakyBucket? bucket = options.RateLimit is { } rate ? new LeakyBucket(rate, clock.GetUtcNow()) : null;
        var tokens = new TokenRegistry(clock, options.AccessTokenLifetime);
        OperatingLimiter? operating = options.OperatingLimit is { } limit ? new OperatingLimiter(limit) : null;
        var dispatcher = new RestDispatcher(state, operating, clock, options.CallDuration, options.UtcOffset);
        foreach (EmulatedMethod method in BotSessionMethods.All().Concat(ImBotV2Methods.All()).Append(ProfileMethod.Create()).Append(BatchMethod.Create(dispatcher)).Concat(options.Methods))
        {
            dispatcher.Map(method);
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        WebApplication app = builder.Build();

        var portal = new EmulatedPortal(app, options, state, tokens);
        var authenticator = new Authenticator(options.Webhooks.ToArray(), options.Application, tokens);
        var rest = new RestEndpoint(dispatcher, authenticator, bucket, portal.Faults, portal.Requests, clock);
        var oauth = new OAuthTokenEndpoint(options.Application, tokens, () => portal.BaseUrl);

        app.Map("/rest/{**path}", (HttpContext context, string? path) => rest.HandleAsync(context, path ?? string.Empty));
        app.MapMethods("/oauth/token/", ["GET", "POST"], oauth.HandleAsync);
        InspectionEndpoints.Map(app, portal);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A portal that did not start is not handed out, so nobody else would dispose its host.
            await app.DisposeAsync().ConfigureAwait(false);
            if (e is IOException { InnerException: AddressInUseException })
            {
                throw new IOException($"127.0.0.1:{options.Port} is already in use by another process.", e);
            }

            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        portal.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return portal;
    }

    /// <summary>The URL of a webhook, ending in <c>/</c>: <c>{BaseUrl}rest/{user}/{code}/</c>.</summary>
    public Uri GetWebhookUrl(EmulatedWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new Uri(BaseUrl, $"rest/{webhook.UserId}/{webhook.Code}/");
    }

    /// <summary>Issues tokens for the installed application, as if a user had just authorized it.</summary>
    /// <param name="userId">The user the tokens act for; the admin by default.</param>
    public EmulatedOAuthTokens IssueTokens(int userId = DemoPortal.AdminId)
    {
        var (access, refresh, expiresAt) = _tokens.Issue(_options.Application, userId);
        return new EmulatedOAuthTokens(access, refresh, expiresAt, ClientEndpoint, ClientEndpoint, userId);
    }

    /// <summary>Issues an authorization code (valid 30 s) for the token endpoint's <c>authorization_code</c> grant.</summary>
    public string IssueAuthorizationCode(int userId = DemoPortal.AdminId) => _tokens.IssueAuthorizationCode(_options.Application, userId);

    /// <summary>Expires every access token issued so far, as an hour passing would; refresh tokens keep working.</summary>
    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens();

    /// <inheritdoc/>
    public override string ToString() => "Emulated Bitrix24 portal at " + BaseUrl;

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
