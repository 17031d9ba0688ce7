using System.Text.Json.Nodes;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Auth;

/// <summary>
/// Decides who a call runs as (REST docs: OAuth): a webhook by the user id and code in its URL; an OAuth call
/// by the access token in <c>auth</c> (query, JSON or form); a browser session by <c>sessid</c>.
/// </summary>
internal sealed class Authenticator
{
    private readonly IReadOnlyList<EmulatedWebhook> _webhooks;
    private readonly EmulatedApplication _application;
    private readonly TokenRegistry _tokens;

    public Authenticator(IReadOnlyList<EmulatedWebhook> webhooks, EmulatedApplication application, TokenRegistry tokens)
    {
        _webhooks = webhooks;
        _application = application;
        _tokens = tokens;
    }

    /// <exception cref="EmulatedRestException">401 <c>NO_AUTH_FOUND</c> or <c>expired_token</c>.</exception>
    public EmulatedCaller Webhook(string userId, string code)
    {
        EmulatedWebhook? webhook = _webhooks.FirstOrDefault(w =>
            string.Equals(w.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, StringComparison.Ordinal)
            && string.Equals(w.Code, code, StringComparison.Ordinal));
        return webhook is null
            ? throw SystemErrors.NoAuthFound()
            : new EmulatedCaller(EmulatedAuthKind.Webhook, webhook.UserId, null, webhook.Scopes.ToHashSet(StringComparer.Ordinal), "webhook:" + webhook.UserId + ":" + webhook.Code);
    }

    /// <summary>Authorizes a call to <c>/rest/{method}</c> and takes <c>auth</c> out of the parameters, as the portal does.</summary>
    /// <exception cref="EmulatedRestException">401 <c>NO_AUTH_FOUND</c> or <c>expired_token</c>.</exception>
    public EmulatedCaller TokenOrSession(JsonObject parameters)
    {
        if (PhpValue.IsSet(parameters, "auth"))
        {
            string token = PhpValue.ToText(parameters["auth"]);
            parameters.Remove("auth");
            TokenRegistry.Grant? grant = _tokens.FindAccessToken(token, out bool expired);
            if (expired)
            {
                throw SystemErrors.ExpiredToken();
            }

            return grant is null
                ? throw SystemErrors.NoAuthFound()
                : new EmulatedCaller(EmulatedAuthKind.OAuth, grant.UserId, grant.Application.ClientId, grant.Application.Scopes.ToHashSet(StringComparer.Ordinal), "app:" + grant.Application.ClientId);
        }

        if (PhpValue.IsSet(parameters, "sessid"))
        {
            // A logged-in browser may call anything its user may; the bot methods still refuse it.
            parameters.Remove("sessid");
            return new EmulatedCaller(EmulatedAuthKind.Session, DemoPortal.AdminId, null, _application.Scopes.ToHashSet(StringComparer.Ordinal), "session:" + DemoPortal.AdminId);
        }

        throw SystemErrors.NoAuthFound();
    }
}
