using System.Globalization;
using StackExchange.Redis;

namespace Bitrix24.Redis;

/// <summary>
/// An <see cref="IBitrix24SharedTokenStore"/> in Redis: one hash per portal and application, with a version and a refresh
/// lease on Redis's clock (scripts in <see cref="RedisTokenScripts"/>), so exactly one replica refreshes and the others
/// take its pair. Redis errors are thrown as they come: a refresh fails closed rather than rotate a pair it could not
/// store. The hash has no expiry; run Redis with <c>maxmemory-policy noeviction</c> and persistence, since it may hold the
/// only copy of a 180-day refresh token.
/// </summary>
public sealed class RedisBitrix24SharedTokens : IBitrix24SharedTokenStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates the store on an application's Redis connection (not owned).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keyPrefix">Put before every key; <c>b24:</c> by default.</param>
    public RedisBitrix24SharedTokens(IConnectionMultiplexer redis, string keyPrefix = "b24:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24StoredTokens?> GetAsync(string key, CancellationToken cancellationToken)
    {
        RedisValue[] pair = await _redis.GetDatabase().HashGetAsync(Key(key), ["ver", "access", "refresh", "expires", "client", "server"]).ConfigureAwait(false);
        return pair[0].IsNull ? null : Read(pair, 0, key);
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24StoredTokens> SeedAsync(string key, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        RedisResult result = await Evaluate(RedisTokenScripts.Seed, key, Pair(tokens)).ConfigureAwait(false);
        return Read((RedisValue[])result!, 0, key);
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24RefreshTurn> BeginRefreshAsync(string key, long seenVersion, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        RedisValue[] reply = (RedisValue[])(await Evaluate(RedisTokenScripts.Begin, key, [seenVersion, owner, (long)lease.TotalMilliseconds]).ConfigureAwait(false))!;
        return (string?)reply[0] switch
        {
            "fresh" => new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Fresh, Read(reply, 1, key), TimeSpan.Zero),
            "go" => new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Go, Read(reply, 1, key), TimeSpan.Zero),
            "wait" => new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Wait, null, TimeSpan.FromMilliseconds(long.Parse((string)reply[1]!, CultureInfo.InvariantCulture))),
            _ => throw new InvalidOperationException($"No tokens are stored for {key}: seed them first."),
        };
    }

    /// <inheritdoc/>
    public async ValueTask<bool> CommitAsync(string key, long expectedVersion, string owner, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        RedisValue[] pair = Pair(tokens);
        RedisResult result = await Evaluate(RedisTokenScripts.Commit, key, [expectedVersion, owner, .. pair]).ConfigureAwait(false);
        return (long)result == 1;
    }

    private Task<RedisResult> Evaluate(string script, string key, RedisValue[] values) =>
        _redis.GetDatabase().ScriptEvaluateAsync(script, [Key(key)], values);

    /// <summary><c>{prefix}{{key}}:auth</c>: the portal and application as the hash tag.</summary>
    private RedisKey Key(string key) => $"{_prefix}{{{RedisLimitKeys.Clean(key)}}}:auth";

    private static RedisValue[] Pair(Bitrix24OAuthTokens tokens) =>
    [
        tokens.AccessToken,
        tokens.RefreshToken,
        tokens.ExpiresAt is { } expires ? expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : string.Empty,
        tokens.ClientEndpoint.AbsoluteUri,
        tokens.ServerEndpoint?.AbsoluteUri ?? string.Empty,
    ];

    private static Bitrix24StoredTokens Read(RedisValue[] reply, int at, string key)
    {
        string Field(int i) => (string?)reply[at + i] ?? throw new InvalidOperationException($"The tokens stored for {key} lack a field; the hash was changed by something else.");
        string expires = Field(3), server = Field(5);
        var tokens = new Bitrix24OAuthTokens(
            Field(1),
            Field(2),
            new Uri(Field(4)),
            server.Length == 0 ? null : new Uri(server),
            expires.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expires, CultureInfo.InvariantCulture)));
        return new Bitrix24StoredTokens(tokens, long.Parse(Field(0), CultureInfo.InvariantCulture));
    }
}
