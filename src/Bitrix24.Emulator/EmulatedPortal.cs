using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Events;
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
/// methods and Chatbots 2.0 (<c>imbot.v2.*</c>: bots, messages with keyboards and attachments, commands, and their
/// events by <c>imbot.v2.Event.get</c> or webhook) with their state, <c>batch</c>, the rate and operating limits, expiring tokens with a token
/// endpoint, application install events, and scripted faults. Start one per test:
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
    private readonly BotEventHub _events;

    private EmulatedPortal(WebApplication app, EmulatedPortalOptions options, PortalState state, TokenRegistry tokens, BotEventHub events, DeliveryLog deliveries)
    {
        _app = app;
        _options = options;
        State = state;
        _tokens = tokens;
        _events = events;
        Deliveries = deliveries;
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

    /// <summary>
    /// The OAuth <c>server_endpoint</c> that tokens and events name: <c>{BaseUrl}rest/</c>, the same as
    /// <see cref="ClientEndpoint"/>, since the emulator is its own OAuth server (its host serves <c>/oauth/token/</c>).
    /// </summary>
    public Uri ServerEndpoint => ClientEndpoint;

    /// <summary>The portal's <c>domain</c> as tokens and events give it: host and port, e.g. <c>127.0.0.1:5080</c>.</summary>
    public string Domain => PortalIdentity.Domain(BaseUrl);

    /// <summary>The portal's <c>member_id</c>, as tokens and events give it.</summary>
    public string MemberId => PortalIdentity.MemberId;

    /// <summary>The installed OAuth application.</summary>
    public EmulatedApplication Application => _options.Application;

    /// <summary>
    /// The <c>application_token</c> of <see cref="Application"/> on this portal, which its events carry in
    /// <c>auth[application_token]</c> (a random 32-character hex string per portal, new after a reinstall).
    /// </summary>
    public string ApplicationToken => GetApplicationToken(Application);

    /// <summary>Every event POST (bots in <c>webhook</c> mode, <c>ONAPPINSTALL</c>, <c>ONAPPUNINSTALL</c>), in order, with its outcome.</summary>
    public DeliveryLog Deliveries { get; }

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

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.EventDeliveryTimeout, TimeSpan.Zero, nameof(options));
        var state = new PortalState(clock);
        lock (state.Gate)
        {
            state.InstallApplicationLocked(options.Application, handlerUrl: null);
        }

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

        var deliveries = new DeliveryLog();
        EmulatedPortal? started = null;
        // BaseUrl is set once the server listens; a request can only raise an event after that (the fallback covers a
        // client that connects to a fixed port in the instant between the two).
        var events = new BotEventHub(
            state, tokens, deliveries, () => started?.BaseUrl ?? new Uri($"http://127.0.0.1:{options.Port}/"), clock, options.UtcOffset, options.EventDeliveryTimeout);
        var portal = started = new EmulatedPortal(app, options, state, tokens, events, deliveries);

        // Attached after seeding: the seed's chats and members are the world as it was, not events.
        state.Events = events;
        var authenticator = new Authenticator(options.Webhooks.ToArray(), options.Application, tokens);
        var rest = new RestEndpoint(dispatcher, authenticator, bucket, portal.Faults, portal.Requests, clock);
        var oauth = new OAuthTokenEndpoint(
            clientId =>
            {
                lock (state.Gate)
                {
                    return state.FindInstalledApplicationLocked(clientId);
                }
            },
            tokens,
            () => portal.BaseUrl);

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
            await events.DisposeAsync().ConfigureAwait(false);
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
    /// <exception cref="InvalidOperationException">The application was uninstalled.</exception>
    public EmulatedOAuthTokens IssueTokens(int userId = DemoPortal.AdminId) => IssueTokens(_options.Application, userId);

    /// <summary>
    /// Issues tokens for an installed application (<see cref="Application"/>, or one installed with
    /// <see cref="InstallApplicationAsync"/>), as if a user had just authorized it.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="userId">The user the tokens act for.</param>
    /// <exception cref="InvalidOperationException">The application is not installed on this portal.</exception>
    public EmulatedOAuthTokens IssueTokens(EmulatedApplication application, int userId)
    {
        ArgumentNullException.ThrowIfNull(application);
        lock (State.Gate)
        {
            if (State.FindInstalledApplicationLocked(application.ClientId) is null)
            {
                throw new InvalidOperationException($"The application {application.ClientId} is not installed on this portal.");
            }
        }

        var (access, refresh, expiresAt) = _tokens.Issue(application, userId);
        return new EmulatedOAuthTokens(access, refresh, expiresAt, ClientEndpoint, ServerEndpoint, userId);
    }

    /// <summary>The <c>application_token</c> of an OAuth application on this portal (one per application and portal; kept after an uninstall).</summary>
    /// <exception cref="InvalidOperationException">The application was never installed on this portal.</exception>
    public string GetApplicationToken(EmulatedApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        lock (State.Gate)
        {
            return State.FindApplicationEntryLocked(application.ClientId)?.Token
                ?? throw new InvalidOperationException($"The application {application.ClientId} was never installed on this portal.");
        }
    }

    /// <summary>
    /// Posts a message as the chat's customer (the Open Lines client), as if they wrote in the widget: it goes into the
    /// transcript, and every Chatbots 2.0 bot of the chat that serves open lines gets <c>ONIMBOTV2MESSAGEADD</c> (no
    /// mention needed in an Open Lines chat). <c>POST /_emulator/chats/{id}/messages</c> does the same over HTTP.
    /// </summary>
    /// <returns>The new message's id.</returns>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">The text is empty or only spaces.</exception>
    public int PostCustomerMessage(int chatId, string text) => State.PostCustomerMessage(chatId, text).Id;

    /// <summary>
    /// A new customer starts a dialog in an open line, as a visitor writing in the line's widget does (see
    /// <see cref="PortalState.StartDialog"/>): a new customer user and chat with an active session owned by the line's
    /// current bot; the bots join (<c>ONIMBOTV2JOINCHAT</c>) and the first message, if any, raises
    /// <c>ONIMBOTV2MESSAGEADD</c>. <c>POST /_emulator/lines/{id}/chats</c> does the same over HTTP.
    /// </summary>
    /// <param name="lineId">The open line, e.g. <see cref="DemoPortal.LineId"/>.</param>
    /// <param name="customerName">The customer's display name: trimmed, 1 to 100 characters.</param>
    /// <param name="firstMessage">The customer's first message, or null.</param>
    /// <returns>The new chat.</returns>
    /// <exception cref="ArgumentException">No such line, or the name is empty or longer than 100 characters.</exception>
    /// <exception cref="InvalidOperationException">The line has no bot: connect one with <see cref="PortalState.ConnectBotToLine"/>.</exception>
    public ChatSnapshot StartDialog(int lineId, string customerName, string? firstMessage = null) =>
        State.StartDialog(lineId, customerName, firstMessage);

    /// <summary>
    /// The chat's customer presses a keyboard button of a bot's message: the <paramref name="button"/>-th button (from 0,
    /// line breaks not counted), which must have a <c>COMMAND</c>. The bot (the keyboard's <c>BOT_ID</c>, else the
    /// message's sender) gets <c>ONIMBOTV2COMMANDADD</c> with <c>command.context</c> <c>keyboard</c> and the button's
    /// <c>COMMAND_PARAMS</c>, if the command is registered (<c>imbot.v2.Command.register</c>, as the keyboard page
    /// requires); otherwise nothing is delivered and the answer says why.
    /// <c>POST /_emulator/chats/{id}/commands</c> does the same over HTTP.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">No such message in the chat, no keyboard or no such button, a button without <c>COMMAND</c>, or a disabled one.</exception>
    public EmulatedCommandPress PressKeyboardButton(int chatId, int messageId, int button)
    {
        lock (State.Gate)
        {
            return _events.PressLocked(State.FindChatLocked(chatId) ?? throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal."), messageId, button, null, null);
        }
    }

    /// <summary>
    /// Like <see cref="PressKeyboardButton"/>, with the button found by its <c>COMMAND</c> (with or without the slash);
    /// <paramref name="commandParams"/>, when given, replaces the button's <c>COMMAND_PARAMS</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">No such message in the chat, no keyboard, no button with this command, or a disabled one.</exception>
    public EmulatedCommandPress PressKeyboardCommand(int chatId, int messageId, string command, string? commandParams = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (State.Gate)
        {
            return _events.PressLocked(State.FindChatLocked(chatId) ?? throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal."), messageId, null, command, commandParams);
        }
    }

    /// <summary>
    /// Completes when every event POST queued before the call has ended, delivered or failed (see <see cref="Deliveries"/>).
    /// Events to <c>fetch</c>-mode bots are queued for <c>imbot.v2.Event.get</c> at once and need no waiting.
    /// </summary>
    public Task WhenEventsDeliveredAsync(CancellationToken cancellationToken = default) => _events.WhenDeliveredAsync(cancellationToken);

    /// <summary>
    /// Installs an OAuth application (or installs it again) and POSTs <c>ONAPPINSTALL</c> to <paramref name="handlerUrl"/>
    /// (common/events/on-app-install.md): <c>data</c> <c>VERSION</c>, <c>ACTIVE</c> <c>Y</c>, <c>INSTALLED</c> <c>Y</c>,
    /// <c>LANGUAGE_ID</c>; <c>auth</c> with a fresh token pair for <paramref name="userId"/> that this portal accepts
    /// (<c>domain</c>, <c>scope</c>, <c>access_token</c>, <c>refresh_token</c>, <c>expires_in</c>, <c>server_endpoint</c>,
    /// <c>status</c>, <c>client_endpoint</c>, <c>member_id</c>, <c>application_token</c>). A new installation (or one
    /// after an uninstall) gets a new <c>application_token</c>. Afterwards the application's tokens work on the portal,
    /// its bots are found by its client id, and the token endpoint refreshes its tokens.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="handlerUrl">The installation event handler (the "installation event handler URL" of a server app); kept for <c>ONAPPUNINSTALL</c>.</param>
    /// <param name="version">The application version in <c>data[VERSION]</c>.</param>
    /// <param name="userId">The user who installs it (the admin by default), whom the tokens act for.</param>
    /// <param name="cancellationToken">Stops waiting (the delivery still happens).</param>
    /// <returns>The delivery once it ended: delivered, or failed and not retried.</returns>
    public async Task<EmulatedDelivery> InstallApplicationAsync(EmulatedApplication application, Uri handlerUrl, string version = "1", int userId = DemoPortal.AdminId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        RequireHandler(handlerUrl);
        ArgumentNullException.ThrowIfNull(version);
        string applicationToken;
        lock (State.Gate)
        {
            applicationToken = State.InstallApplicationLocked(application, handlerUrl);
        }

        var (access, refresh, _) = _tokens.Issue(application, userId);
        string endpoint = PortalIdentity.Endpoint(BaseUrl);
        EmulatedDelivery delivery = _events.RaiseApplicationEvent(
            BotEventTypes.AppInstall,
            application,
            handlerUrl,
            new JsonObject { ["VERSION"] = version, ["ACTIVE"] = "Y", ["INSTALLED"] = "Y", ["LANGUAGE_ID"] = PortalIdentity.Language },
            new JsonObject
            {
                ["domain"] = Domain,
                ["scope"] = string.Join(",", application.Scopes),
                ["access_token"] = access,
                ["refresh_token"] = refresh,
                ["expires_in"] = (long)_tokens.AccessTokenLifetime.TotalSeconds,
                ["server_endpoint"] = endpoint,
                ["status"] = PortalIdentity.ApplicationStatus,
                ["client_endpoint"] = endpoint,
                ["member_id"] = MemberId,
                ["application_token"] = applicationToken,
            });
        return await delivery.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uninstalls an OAuth application and POSTs <c>ONAPPUNINSTALL</c> (common/events/on-app-uninstall.md): <c>data</c>
    /// <c>LANGUAGE_ID</c> and <c>CLEAN</c> (1 or 0, the "Clear application data" choice); <c>auth</c> with only
    /// <c>domain</c>, <c>server_endpoint</c>, <c>client_endpoint</c>, <c>member_id</c> and <c>application_token</c>.
    /// "All access permissions for the application to the API are revoked": its tokens stop working at once
    /// (<c>NO_AUTH_FOUND</c>) and the token endpoint refuses it. Its bots stay registered.
    /// </summary>
    /// <param name="application">The installed application.</param>
    /// <param name="clean">Whether the user chose to clear the application's data.</param>
    /// <param name="handlerUrl">Where to POST; by default the handler given to <see cref="InstallApplicationAsync"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the delivery still happens).</param>
    /// <returns>The delivery once it ended: delivered, or failed and not retried.</returns>
    /// <exception cref="InvalidOperationException">The application is not installed, or no handler URL is known.</exception>
    public async Task<EmulatedDelivery> UninstallApplicationAsync(EmulatedApplication application, bool clean = false, Uri? handlerUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        InstalledApplication installed;
        lock (State.Gate)
        {
            InstalledApplication? known = State.FindApplicationEntryLocked(application.ClientId);
            if (known is not { Installed: true })
            {
                throw new InvalidOperationException($"The application {application.ClientId} is not installed on this portal.");
            }

            handlerUrl ??= known.HandlerUrl ?? throw new InvalidOperationException(
                $"No handler URL is known for {application.ClientId}: pass one, or install it with InstallApplicationAsync first.");
            RequireHandler(handlerUrl);
            installed = State.UninstallApplicationLocked(application.ClientId)!;
        }

        _tokens.Revoke(application.ClientId);
        string endpoint = PortalIdentity.Endpoint(BaseUrl);
        EmulatedDelivery delivery = _events.RaiseApplicationEvent(
            BotEventTypes.AppUninstall,
            installed.Application,
            handlerUrl,
            new JsonObject { ["LANGUAGE_ID"] = PortalIdentity.Language, ["CLEAN"] = clean ? 1 : 0 },
            new JsonObject
            {
                ["domain"] = Domain,
                ["server_endpoint"] = endpoint,
                ["client_endpoint"] = endpoint,
                ["member_id"] = MemberId,
                ["application_token"] = installed.Token,
            });
        return await delivery.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Issues an authorization code (valid 30 s) for the token endpoint's <c>authorization_code</c> grant.</summary>
    public string IssueAuthorizationCode(int userId = DemoPortal.AdminId) => _tokens.IssueAuthorizationCode(_options.Application, userId);

    /// <summary>Expires every access token issued so far, as an hour passing would; refresh tokens keep working.</summary>
    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens();

    /// <inheritdoc/>
    public override string ToString() => "Emulated Bitrix24 portal at " + BaseUrl;

    private static void RequireHandler(Uri handlerUrl)
    {
        ArgumentNullException.ThrowIfNull(handlerUrl);
        if (!handlerUrl.IsAbsoluteUri || (handlerUrl.Scheme != Uri.UriSchemeHttp && handlerUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The handler URL must be an absolute http or https URL.", nameof(handlerUrl));
        }
    }

    /// <summary>Stops the server; event POSTs still queued are dropped (and logged as failed).</summary>
    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync().ConfigureAwait(false);
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
