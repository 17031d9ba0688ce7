namespace Bitrix24;

/// <summary>
/// A refresh coordinated through an <see cref="IBitrix24SharedTokenStore"/> (one per client; the client's own single
/// flight is in front of it, so a process asks once however many of its calls found the token expired). The store's
/// version decides who refreshes: the holder of the lease presents the refresh token it read under the lease, the
/// others wait and take its result, and a stale commit can never replace a newer pair.
/// </summary>
internal sealed class SharedRefresh(IBitrix24SharedTokenStore store, string key, Action<Bitrix24AuthorizationLostException>? onLost, TimeProvider clock)
{
    private const string Operation = "oauth/token";

    // The lease outlives any refresh the token endpoint client lets run; waiting polls often enough to follow it closely.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    private readonly string _owner = Guid.NewGuid().ToString("N");
    private long _version = -1; // of the pair the client holds; unknown until the store is first asked

    /// <summary>A pair newer than <paramref name="expired"/>: another process's, or one this process got and stored.</summary>
    /// <exception cref="Bitrix24AuthorizationLostException">The refresh token was refused and the store holds nothing newer.</exception>
    public async Task<Bitrix24OAuthTokens> RefreshAsync(Bitrix24OAuthTokens expired, TokenEndpointClient endpoint, SecretRedactor redactor)
    {
        Bitrix24StoredTokens held = _version < 0
            ? await store.SeedAsync(key, expired, CancellationToken.None).ConfigureAwait(false)
            : new Bitrix24StoredTokens(expired, _version);
        if (!string.Equals(held.Tokens.AccessToken, expired.AccessToken, StringComparison.Ordinal))
        {
            return Adopt(held, redactor); // the store already had a newer pair than the one this process started with
        }

        long started = clock.GetTimestamp();
        while (true)
        {
            Bitrix24RefreshTurn turn = await store.BeginRefreshAsync(key, held.Version, _owner, Lease, CancellationToken.None).ConfigureAwait(false);
            switch (turn.Kind)
            {
                case Bitrix24RefreshTurnKind.Fresh:
                    return Adopt(turn.Stored!, redactor);

                case Bitrix24RefreshTurnKind.Wait:
                    if (clock.GetElapsedTime(started) > GiveUpAfter)
                    {
                        throw new Bitrix24TransportException(Operation, Bitrix24TransportFailure.Timeout,
                            $"{Operation}: another process has held the refresh of {key} for more than {GiveUpAfter.TotalSeconds:0} s.");
                    }

                    await global::System.Threading.Tasks.Task.Delay(turn.Wait < LongestPoll ? turn.Wait : LongestPoll, clock).ConfigureAwait(false);
                    continue;

                default:
                    return await RefreshAndCommitAsync(turn.Stored!, endpoint, redactor).ConfigureAwait(false);
            }
        }
    }

    private async Task<Bitrix24OAuthTokens> RefreshAndCommitAsync(Bitrix24StoredTokens turn, TokenEndpointClient endpoint, SecretRedactor redactor)
    {
        redactor.Add([turn.Tokens.AccessToken, turn.Tokens.RefreshToken]);
        Bitrix24OAuthTokens fresh;
        try
        {
            fresh = await endpoint.RefreshAsync(turn.Tokens, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Bitrix24ApiException refused) when (refused.Code == "invalid_grant")
        {
            // Lost a race the lease did not cover (a pause longer than the lease), or the chain is dead: the store tells which.
            Bitrix24StoredTokens? now = await store.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
            if (now is not null && (now.Version != turn.Version || !string.Equals(now.Tokens.RefreshToken, turn.Tokens.RefreshToken, StringComparison.Ordinal)))
            {
                return Adopt(now, redactor);
            }

            Bitrix24Metrics.Refresh("failed");
            var lost = new Bitrix24AuthorizationLostException(Operation, turn.Tokens.ClientEndpoint.Authority, refused);
            onLost?.Invoke(lost);
            throw lost;
        }

        // Never cancelled: the old refresh token is spent, so this pair must reach the store.
        redactor.Add([fresh.AccessToken, fresh.RefreshToken]);
        if (await store.CommitAsync(key, turn.Version, _owner, fresh, CancellationToken.None).ConfigureAwait(false))
        {
            Volatile.Write(ref _version, turn.Version + 1);
            Bitrix24Metrics.Refresh("refreshed");
            return fresh;
        }

        // Someone stored another pair over the version this one replaced: theirs is what every process now uses.
        Bitrix24StoredTokens? newer = await store.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        return newer is null ? fresh : Adopt(newer, redactor);
    }

    private Bitrix24OAuthTokens Adopt(Bitrix24StoredTokens stored, SecretRedactor redactor)
    {
        redactor.Add([stored.Tokens.AccessToken, stored.Tokens.RefreshToken]);
        Volatile.Write(ref _version, stored.Version);
        Bitrix24Metrics.Refresh("shared");
        return stored.Tokens;
    }
}
