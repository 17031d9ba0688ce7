using System.Collections.Concurrent;

namespace Bitrix24;

/// <summary>
/// One <see cref="Bitrix24Client"/> per portal for an OAuth application installed on many: made on first use from the
/// portal's installation (its endpoints and tokens, as <c>ONAPPINSTALL</c> stored them) and kept, so each portal has its
/// own request budget, operating-limit gate and refresh. Refreshed tokens go back into the installation. With
/// <see cref="IBitrix24SharedLimits"/> and <see cref="IBitrix24SharedTokenStore"/> (the Redis package) every replica
/// shares each portal's budget and refreshes once. <c>services.AddBitrix24PortalClients(...)</c> registers it.
/// </summary>
public sealed class Bitrix24PortalClients : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Bitrix24Client>>> _clients = new(StringComparer.Ordinal);
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly global::Bitrix24.Inbound.IBitrix24InstallationStore _installations;
    private readonly Func<HttpClient> _httpClient;
    private readonly Action<Bitrix24ClientOptions>? _configure;

    /// <summary>Creates the factory.</summary>
    /// <param name="clientId">The application's <c>client_id</c>.</param>
    /// <param name="clientSecret">The application's <c>client_secret</c>.</param>
    /// <param name="installations">Where the portals' installations are (the receiver fills it from <c>ONAPPINSTALL</c>).</param>
    /// <param name="httpClient">Makes the <see cref="HttpClient"/> a portal's client sends with (not disposed by it).</param>
    /// <param name="configure">Adjusts each client's options (pace, retries, shared limits and tokens, logging), or null.</param>
    public Bitrix24PortalClients(string clientId, string clientSecret, global::Bitrix24.Inbound.IBitrix24InstallationStore installations, Func<HttpClient> httpClient, Action<Bitrix24ClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentNullException.ThrowIfNull(installations);
        ArgumentNullException.ThrowIfNull(httpClient);
        _clientId = clientId;
        _clientSecret = clientSecret;
        _installations = installations;
        _httpClient = httpClient;
        _configure = configure;
    }

    /// <summary>The client of the portal <paramref name="memberId"/>, made from its installation the first time.</summary>
    /// <exception cref="InvalidOperationException">The application is not installed there, or the installation has no OAuth pair.</exception>
    public Task<Bitrix24Client> GetAsync(string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        Lazy<Task<Bitrix24Client>> made = _clients.GetOrAdd(memberId, id => new Lazy<Task<Bitrix24Client>>(() => CreateAsync(id)));
        Task<Bitrix24Client> client = made.Value;
        if (client.IsFaulted || client.IsCanceled)
        {
            // Not kept: the installation may arrive later (ONAPPINSTALL on another replica).
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<Bitrix24Client>>>(memberId, made));
        }

        return client.WaitAsync(cancellationToken);
    }

    /// <summary>Drops (and disposes) a portal's client, e.g. on <c>ONAPPUNINSTALL</c>; false when there was none.</summary>
    public bool Forget(string memberId)
    {
        if (!_clients.TryRemove(memberId, out Lazy<Task<Bitrix24Client>>? made))
        {
            return false;
        }

        if (made.IsValueCreated && made.Value.IsCompletedSuccessfully)
        {
            made.Value.Result.Dispose();
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (string memberId in _clients.Keys)
        {
            Forget(memberId);
        }
    }

    private async Task<Bitrix24Client> CreateAsync(string memberId)
    {
        global::Bitrix24.Inbound.Bitrix24Installation installation = await _installations.FindAsync(memberId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The application is not installed on portal {memberId}: no installation is stored for it.");
        if (installation.AccessToken is not { } access || installation.RefreshToken is not { } refresh || installation.ClientEndpoint is not { } endpoint)
        {
            throw new InvalidOperationException($"The installation of portal {memberId} has no OAuth pair and endpoint to call it with.");
        }

        var options = Bitrix24ClientOptions.OAuth(new Bitrix24OAuthTokens(access, refresh, endpoint, installation.ServerEndpoint, installation.ExpiresAt), _clientId, _clientSecret);
        options.TokenStore = new InstallationTokenStore(_installations, memberId);
        _configure?.Invoke(options);
        return new Bitrix24Client(options, _httpClient());
    }
}
