using System.Globalization;
using Bitrix24.Inbound;
using StackExchange.Redis;

namespace Bitrix24.Redis;

/// <summary>
/// The portals an OAuth application is installed on, in Redis (<see cref="IBitrix24InstallationStore"/>), so every replica
/// verifies deliveries against the installation whichever replica received <c>ONAPPINSTALL</c>. One hash per portal, no
/// expiry (it holds the portal's application token and OAuth pair: run Redis with persistence).
/// </summary>
public sealed class RedisBitrix24InstallationStore : IBitrix24InstallationStore
{
    private static readonly RedisValue[] Fields =
        ["member", "token", "domain", "client", "server", "access", "refresh", "expires", "installed"];

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates the store on an application's Redis connection (not owned).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keyPrefix">Put before every key; <c>b24:</c> by default.</param>
    public RedisBitrix24InstallationStore(IConnectionMultiplexer redis, string keyPrefix = "b24:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24Installation?> FindAsync(string memberId, CancellationToken cancellationToken)
    {
        RedisValue[] v = await _redis.GetDatabase().HashGetAsync(Key(memberId), Fields).ConfigureAwait(false);
        if (v[0].IsNull || v[1].IsNull)
        {
            return null;
        }

        return new Bitrix24Installation((string)v[0]!, (string)v[1]!)
        {
            Domain = Text(v[2]),
            ClientEndpoint = Text(v[3]) is { } client ? new Uri(client) : null,
            ServerEndpoint = Text(v[4]) is { } server ? new Uri(server) : null,
            AccessToken = Text(v[5]),
            RefreshToken = Text(v[6]),
            ExpiresAt = Text(v[7]) is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expires, CultureInfo.InvariantCulture)) : null,
            InstalledAt = Text(v[8]) is { } installed ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(installed, CultureInfo.InvariantCulture)) : default,
        };
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(Bitrix24Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        RedisKey key = Key(installation.MemberId);
        ITransaction replace = _redis.GetDatabase().CreateTransaction();
        // Replaced whole, so a field the new installation lacks does not survive from the old one.
        _ = replace.KeyDeleteAsync(key);
        _ = replace.HashSetAsync(key,
        [
            new("member", installation.MemberId),
            new("token", installation.ApplicationToken),
            new("domain", installation.Domain ?? string.Empty),
            new("client", installation.ClientEndpoint?.AbsoluteUri ?? string.Empty),
            new("server", installation.ServerEndpoint?.AbsoluteUri ?? string.Empty),
            new("access", installation.AccessToken ?? string.Empty),
            new("refresh", installation.RefreshToken ?? string.Empty),
            new("expires", installation.ExpiresAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new("installed", installation.InstalledAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ]);
        await replace.ExecuteAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().KeyDeleteAsync(Key(memberId)).ConfigureAwait(false);

    private RedisKey Key(string memberId) => $"{_prefix}{{{RedisLimitKeys.Clean(memberId)}}}:installation";

    private static string? Text(RedisValue value) => value.IsNullOrEmpty ? null : (string)value!;
}
