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
    private readonly Func<string, EmulatedApplication?> _findApplication;
    private readonly TokenRegistry _tokens;
    private readonly Func<Uri> _baseUrl;

    /// <param name="findApplication">The installed application with a client id, or null (never installed, or uninstalled).</param>
    /// <param name="tokens">The token registry.</param>
    /// <param name="baseUrl">The portal's base URL.</param>
    public OAuthTokenEndpoint(Func<string, EmulatedApplication?> findApplication, TokenRegistry tokens, Func<Uri> baseUrl)
    {
        _findApplication = findApplication;
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

        EmulatedApplication? application = _findApplication(clientId);
        if (application is null || clientSecret != application.ClientSecret)
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
            ? _tokens.Refresh(application, grant)
            : _tokens.Redeem(application, grant);
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
            ["scope"] = string.Join(",", application.Scopes),
            ["domain"] = PortalIdentity.Domain(baseUrl),
            ["server_endpoint"] = PortalIdentity.Endpoint(baseUrl),
            ["status"] = PortalIdentity.ApplicationStatus,
            ["client_endpoint"] = PortalIdentity.Endpoint(baseUrl),
            ["member_id"] = PortalIdentity.MemberId,
            ["user_id"] = tokens.Grant.UserId.ToString(CultureInfo.InvariantCulture),
            ["refresh_token"] = tokens.RefreshToken,
        }));
    }
}
