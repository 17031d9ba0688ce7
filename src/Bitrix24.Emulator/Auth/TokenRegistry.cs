using System.Security.Cryptography;

namespace Bitrix24.Emulator.Auth;

/// <summary>
/// The emulated OAuth server's memory: access tokens (1 hour by default), refresh tokens (180 days,
/// single use: a refresh returns a new one and retires the old), and authorization codes (30 s).
/// </summary>
internal sealed class TokenRegistry
{
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(180);
    private static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _accessTokenLifetime;
    private readonly Dictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private int _refreshCount;

    public TokenRegistry(TimeProvider clock, TimeSpan accessTokenLifetime)
    {
        _clock = clock;
        _accessTokenLifetime = accessTokenLifetime;
    }

    public TimeSpan AccessTokenLifetime => _accessTokenLifetime;

    /// <summary>How many refresh-token exchanges succeeded.</summary>
    public int RefreshCount
    {
        get
        {
            lock (_gate)
            {
                return _refreshCount;
            }
        }
    }

    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt) Issue(EmulatedApplication app, int userId)
    {
        lock (_gate)
        {
            return IssueLocked(app, userId);
        }
    }

    public string IssueAuthorizationCode(EmulatedApplication app, int userId)
    {
        lock (_gate)
        {
            string code = NewToken();
            _codes[code] = new Grant(app, userId, _clock.GetUtcNow() + AuthorizationCodeLifetime);
            return code;
        }
    }

    /// <summary>Finds the grant behind an access token; <paramref name="expired"/> tells an old token from an unknown one.</summary>
    public Grant? FindAccessToken(string token, out bool expired)
    {
        lock (_gate)
        {
            expired = false;
            if (!_accessTokens.TryGetValue(token, out Grant? grant))
            {
                return null;
            }

            expired = grant.ExpiresAt <= _clock.GetUtcNow();
            return expired ? null : grant;
        }
    }

    /// <summary>Makes every access token issued so far expired, as an hour passing would.</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            DateTimeOffset now = _clock.GetUtcNow();
            foreach (string token in _accessTokens.Keys.ToArray())
            {
                _accessTokens[token] = _accessTokens[token] with { ExpiresAt = now };
            }
        }
    }

    /// <summary>Forgets every token and code issued to an application, as uninstalling it revokes its access.</summary>
    public void Revoke(string clientId)
    {
        lock (_gate)
        {
            foreach (Dictionary<string, Grant> tokens in (Dictionary<string, Grant>[])[_accessTokens, _refreshTokens, _codes])
            {
                foreach (string token in tokens.Where(t => t.Value.Application.ClientId == clientId).Select(t => t.Key).ToArray())
                {
                    tokens.Remove(token);
                }
            }
        }
    }

    /// <summary>Exchanges a refresh token (once) for a new pair; null when it is unknown, used or expired.</summary>
    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, Grant Grant)? Refresh(EmulatedApplication app, string refreshToken)
    {
        lock (_gate)
        {
            if (!_refreshTokens.Remove(refreshToken, out Grant? grant)
                || grant.Application.ClientId != app.ClientId
                || grant.ExpiresAt <= _clock.GetUtcNow())
            {
                return null;
            }

            _refreshCount++;
            var issued = IssueLocked(app, grant.UserId);
            return (issued.AccessToken, issued.RefreshToken, issued.ExpiresAt, grant);
        }
    }

    /// <summary>Exchanges an authorization code (once, within 30 s) for a first pair.</summary>
    public (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, Grant Grant)? Redeem(EmulatedApplication app, string code)
    {
        lock (_gate)
        {
            if (!_codes.Remove(code, out Grant? grant)
                || grant.Application.ClientId != app.ClientId
                || grant.ExpiresAt <= _clock.GetUtcNow())
            {
                return null;
            }

            var issued = IssueLocked(app, grant.UserId);
            return (issued.AccessToken, issued.RefreshToken, issued.ExpiresAt, grant);
        }
    }

    private (string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt) IssueLocked(EmulatedApplication app, int userId)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        string access = NewToken();
        string refresh = NewToken();
        DateTimeOffset expiresAt = now + _accessTokenLifetime;
        _accessTokens[access] = new Grant(app, userId, expiresAt);
        _refreshTokens[refresh] = new Grant(app, userId, now + RefreshTokenLifetime);
        return (access, refresh, expiresAt);
    }

    // Bitrix24 tokens are long lowercase hex strings; the length does not matter to clients.
    // 64 hex digits (32 random bytes); GetHexString exists from .NET 8, Convert.ToHexStringLower only from .NET 9.
    private static string NewToken() => RandomNumberGenerator.GetHexString(64, lowercase: true);

    /// <summary>What a token stands for: the app, the user, and when it stops working.</summary>
    internal sealed record Grant(EmulatedApplication Application, int UserId, DateTimeOffset ExpiresAt);
}
