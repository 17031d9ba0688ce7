using System.Globalization;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Talks to the OAuth server's <c>/oauth/token/</c> (REST docs: OAuth): GET with <c>grant_type=refresh_token</c>,
/// <c>client_id</c>, <c>client_secret</c> and <c>refresh_token</c>. The host comes from the tokens'
/// <c>server_endpoint</c> (it is regional: <c>oauth.bitrix.info</c>, <c>oauth.bitrix24.tech</c>, ...).
/// </summary>
internal sealed class TokenEndpointClient
{
    private const string Operation = "oauth/token";
    private static readonly Uri DefaultServer = new("https://oauth.bitrix.info/");

    private readonly Bitrix24ClientOptions _options;
    private readonly HttpClient _httpClient;
    private readonly SecretRedactor _redactor;

    public TokenEndpointClient(Bitrix24ClientOptions options, HttpClient httpClient, SecretRedactor redactor)
    {
        _options = options;
        _httpClient = httpClient;
        _redactor = redactor;
    }

    /// <summary>The token endpoint for <paramref name="tokens"/>: <c>{scheme}://{server_endpoint host}/oauth/token/</c>.</summary>
    public static Uri TokenUri(Bitrix24OAuthTokens tokens)
    {
        Uri server = tokens.ServerEndpoint ?? DefaultServer;
        return new Uri(new Uri(server.GetLeftPart(UriPartial.Authority)), "oauth/token/");
    }

    /// <exception cref="Bitrix24ApiException">The OAuth server refused (<c>invalid_grant</c>: authorize the application again).</exception>
    /// <exception cref="Bitrix24TransportException">No valid answer came back.</exception>
    public async Task<Bitrix24OAuthTokens> RefreshAsync(Bitrix24OAuthTokens current, CancellationToken cancellationToken)
    {
        Uri endpoint = TokenUri(current);
        EndpointRules.RequireSecure(endpoint, "server_endpoint", "OAuth token endpoint");
        var uri = new Uri(endpoint + "?grant_type=refresh_token"
            + "&client_id=" + Uri.EscapeDataString(_options.ClientId!)
            + "&client_secret=" + Uri.EscapeDataString(_options.ClientSecret!)
            + "&refresh_token=" + Uri.EscapeDataString(current.RefreshToken));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.RequestTimeout);
        }

        int status;
        byte[] body;
        try
        {
            using HttpResponseMessage response = await _httpClient.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new Bitrix24TransportException(Operation, Bitrix24TransportFailure.Timeout,
                $"{Operation}: no answer from {endpoint.Host} within {_options.RequestTimeout.TotalSeconds:0.###} s while refreshing the access token.", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            bool notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
            throw new Bitrix24TransportException(Operation, notSent ? Bitrix24TransportFailure.ConnectionFailed : Bitrix24TransportFailure.ConnectionLost,
                $"{Operation}: refreshing the access token at {endpoint.Host} failed ({_redactor.Redact(ex.Message)}).", innerException: ex);
        }

        return Parse(current, status, body, endpoint);
    }

    private Bitrix24OAuthTokens Parse(Bitrix24OAuthTokens current, int status, byte[] body, Uri endpoint)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Bitrix24TransportException(Operation, Bitrix24TransportFailure.InvalidResponse,
                $"{Operation}: {endpoint.Host} answered HTTP {status} with a body that is not JSON.", status, Excerpt(body), ex);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.String)
        {
            string code = error.GetString()!;
            string description = root.TryGetProperty("error_description", out JsonElement text) && text.ValueKind == JsonValueKind.String
                ? _redactor.Redact(text.GetString()!)
                : string.Empty;
            if (code == "invalid_grant")
            {
                description = "The refresh token was refused (expired after 180 days unused, already used, or revoked): "
                    + "the application must be authorized again by a user of the portal. " + description;
            }

            throw new Bitrix24ApiException(Operation, code, description.Trim(), status);
        }

        string? access = Text(root, "access_token");
        string? refresh = Text(root, "refresh_token");
        if (status is < 200 or > 299 || access is null || refresh is null)
        {
            throw new Bitrix24TransportException(Operation, Bitrix24TransportFailure.InvalidResponse,
                $"{Operation}: {endpoint.Host} answered HTTP {status} without new tokens.", status, Excerpt(body));
        }

        DateTimeOffset? expiresAt = root.TryGetProperty("expires", out JsonElement expires) && TryLong(expires, out long unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : root.TryGetProperty("expires_in", out JsonElement expiresIn) && TryLong(expiresIn, out long seconds)
                ? _options.TimeProvider.GetUtcNow().AddSeconds(seconds)
                : null;
        Uri? serverEndpoint = Uri.TryCreate(Text(root, "server_endpoint"), UriKind.Absolute, out Uri? server) ? server : current.ServerEndpoint;

        // The client keeps calling the endpoint it was created with; the portal's address is not taken from a token answer.
        return new Bitrix24OAuthTokens(access, refresh, current.ClientEndpoint, serverEndpoint, expiresAt);
    }

    private string Excerpt(byte[] body) =>
        _redactor.Redact(System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)));

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()
            : null;

    private static bool TryLong(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
