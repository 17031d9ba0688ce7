namespace Bitrix24;

/// <summary>
/// Keeps an OAuth application's tokens for a portal where every process of the app reads them, with a version per pair
/// and a refresh lease, so that one process refreshes and the others use its result (package
/// <c>Bitrix24.Generated.Redis</c> keeps them in Redis). The refresh token rotates: two processes refreshing the same
/// one leave one of them with <c>invalid_grant</c>, and a stale write would lose the newer pair for everyone. Set it as
/// <see cref="Bitrix24ClientOptions.SharedTokens"/>. Failures of the store itself are thrown as they come (a refresh
/// fails closed: a rotated pair that cannot be stored would strand every other process).
/// </summary>
public interface IBitrix24SharedTokenStore
{
    /// <summary>The portal's current pair and its version, or null when the store holds none.</summary>
    /// <param name="key">The portal and application (see <see cref="Bitrix24SharedTokenKey"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<Bitrix24StoredTokens?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="tokens"/> as version 1 when the store holds no pair yet, and returns what it holds afterwards.</summary>
    /// <param name="key">The portal and application.</param>
    /// <param name="tokens">The pair this process started with.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask<Bitrix24StoredTokens> SeedAsync(string key, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for the turn to refresh the pair of version <paramref name="seenVersion"/>: <c>Fresh</c> with the newer pair when
    /// another process already replaced it; <c>Wait</c> while another owner's lease runs; otherwise <c>Go</c> with the
    /// stored pair (its refresh token read in the same step) and a lease of <paramref name="lease"/> for <paramref name="owner"/>.
    /// </summary>
    ValueTask<Bitrix24RefreshTurn> BeginRefreshAsync(string key, long seenVersion, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the pair that replaced version <paramref name="expectedVersion"/> as the next version and ends the lease;
    /// returns false (and writes nothing) when the stored version is no longer <paramref name="expectedVersion"/>, unless
    /// the stored pair already is this one (an earlier attempt of the same commit landed).
    /// </summary>
    ValueTask<bool> CommitAsync(string key, long expectedVersion, string owner, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken);
}
