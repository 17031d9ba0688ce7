namespace Bitrix24;

/// <summary>
/// The tokens an OAuth client calls with, and their refresh. However many calls find the access token
/// expired at once, one refresh runs and all of them wait for it: the refresh token rotates, so two
/// refreshes racing would leave one caller with a dead token (and could get the app blocked). A call
/// that comes back with a token older than the current one just uses the current one.
/// </summary>
internal sealed class OAuthSession
{
    private readonly object _gate = new();
    private readonly TokenEndpointClient _endpoint;
    private readonly IBitrix24TokenStore? _store;
    private readonly SecretRedactor _redactor;
    private Bitrix24OAuthTokens _tokens;
    private Task<Bitrix24OAuthTokens>? _refreshing;
    private int _refreshCount;

    public OAuthSession(Bitrix24OAuthTokens tokens, TokenEndpointClient endpoint, IBitrix24TokenStore? store, SecretRedactor redactor)
        : this(tokens, endpoint, store, redactor, shared: null, key: null, onLost: null, clock: TimeProvider.System)
    {
    }

    public OAuthSession(
        Bitrix24OAuthTokens tokens,
        TokenEndpointClient endpoint,
        IBitrix24TokenStore? store,
        SecretRedactor redactor,
        IBitrix24SharedTokenStore? shared,
        string? key,
        Action<Bitrix24AuthorizationLostException>? onLost,
        TimeProvider clock)
    {
        _tokens = tokens;
        _endpoint = endpoint;
        _store = store;
        _redactor = redactor;
        _shared = shared is null ? null : new SharedRefresh(shared, key!, onLost, clock);
    }

    private readonly SharedRefresh? _shared;

    /// <summary>The tokens calls use now.</summary>
    public Bitrix24OAuthTokens Current => Volatile.Read(ref _tokens);

    /// <summary>How many refreshes this client made.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>
    /// Gets tokens newer than <paramref name="expiredAccessToken"/>: at once if another call already
    /// refreshed, else by joining (or starting) the one refresh in flight. Cancelling stops this caller's
    /// wait, not the refresh others depend on.
    /// </summary>
    public Task<Bitrix24OAuthTokens> RefreshAsync(string expiredAccessToken, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!string.Equals(_tokens.AccessToken, expiredAccessToken, StringComparison.Ordinal))
            {
                // Task in full: task.* is a Bitrix24 method family, and its namespace Bitrix24.Task would be found before System.Threading.Tasks.Task.
                return global::System.Threading.Tasks.Task.FromResult(_tokens);
            }

            _refreshing ??= RunRefreshAsync(_tokens);
            return _refreshing.WaitAsync(cancellationToken);
        }
    }

    private async Task<Bitrix24OAuthTokens> RunRefreshAsync(Bitrix24OAuthTokens expired)
    {
        try
        {
            // Off the caller's stack: RefreshAsync is still inside its lock, and must have stored this task
            // in _refreshing before the finally below can clear it.
            await global::System.Threading.Tasks.Task.Yield();
            Bitrix24OAuthTokens fresh;
            if (_shared is not null)
            {
                fresh = await _shared.RefreshAsync(expired, _endpoint, _redactor).ConfigureAwait(false); // counts its own outcomes
            }
            else
            {
                try
                {
                    fresh = await _endpoint.RefreshAsync(expired, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Bitrix24Exception)
                {
                    Bitrix24Metrics.Refresh("failed");
                    throw;
                }

                Bitrix24Metrics.Refresh("refreshed");
            }
            _redactor.Add([fresh.AccessToken, fresh.RefreshToken]);
            lock (_gate)
            {
                _tokens = fresh;
                _refreshCount++;
            }

            // Saved after the switch: the old refresh token is already dead, so the new pair is used even if saving fails.
            if (_store is not null)
            {
                await _store.SaveAsync(fresh, CancellationToken.None).ConfigureAwait(false);
            }

            return fresh;
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }
}
