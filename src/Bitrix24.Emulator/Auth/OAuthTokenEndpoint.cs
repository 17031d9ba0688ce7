using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Auth;

/// <summary>
/// The OAuth server's <c>/oauth/token/</c> (REST docs: OAuth): <c>grant_type=refresh_token</c> with
/// <c>client_id</c>, <c>client_secret</c> and <c>refresh_token</c> (or <c>authorization_code</c> with
/// <c>code</c>), by GET or form POST. A refresh returns a new pair and retires the old refresh token.
/// </summary>
internal sealed class OAuthTokenEndpoint
{
    private readonly EmulatedApplication _application;
    private readonly TokenRegistry _tokens;
    private readonly Func<Uri> _baseUrl;

    public OAuthTokenEndpoint(EmulatedApplication application, TokenRegistry tokens, Func<Uri> baseUrl)
    {
        _application = application;
        _tokens = tokens;
        _baseUrl = baseUrl;
    }

    public async Task HandleAsync(HttpContext context)
    {
        RequestParameters request = await RequestParameters.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        (int status, byte[] body) = request.Refused
            ? (400, Envelope.Error("invalid_request", "Invalid request body: " + request.Problem))
            : Exchange(request.Values);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, byte[] Body) Exchange(JsonObject p)
    {
        string grantType = PhpValue.ToText(p["grant_type"]);
        string clientId = PhpValue.ToText(p["client_id"]);
        string clientSecret = PhpValue.ToText(p["client_secret"]);
        if (grantType.Length == 0 || clientId.Length == 0 || clientSecret.Length == 0)
        {
            return (400, Envelope.Error("invalid_request", "grant_type, client_id and client_secret are required"));
        }

        if (clientId != _application.ClientId || clientSecret != _application.ClientSecret)
        {
            return (401, Envelope.Error("invalid_client", "Invalid client id or secret"));
        }

        if (grantType is not ("refresh_token" or "authorization_code"))
        {
            return (400, Envelope.Error("invalid_request", "Unsupported grant_type"));
        }

        // The OAuth docs: all four parameters are required; the grant itself is the fourth.
        string grantParameter = grantType == "refresh_token" ? "refresh_token" : "code";
        string grant = PhpValue.ToText(p[grantParameter]);
        if (grant.Length == 0)
        {
            return (400, Envelope.Error("invalid_request", grantParameter + " is required"));
        }

        var issued = grantType == "refresh_token"
            ? _tokens.Refresh(_application, grant)
            : _tokens.Redeem(_application, grant);
        if (issued is not { } tokens)
        {
            return (400, Envelope.Error("invalid_grant", "Invalid grant: the refresh token or code is unknown, used or expired"));
        }

        Uri baseUrl = _baseUrl();
        return (200, Envelope.Object(new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["expires"] = tokens.ExpiresAt.ToUnixTimeSeconds(),
            ["expires_in"] = (long)_tokens.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(",", _application.Scopes),
            ["domain"] = baseUrl.Authority,
            ["server_endpoint"] = new Uri(baseUrl, "rest/").ToString(),
            ["status"] = "L",
            ["client_endpoint"] = new Uri(baseUrl, "rest/").ToString(),
            ["member_id"] = "emulator0member0id00000000000000",
            ["user_id"] = tokens.Grant.UserId.ToString(CultureInfo.InvariantCulture),
            ["refresh_token"] = tokens.RefreshToken,
        }));
    }
}
