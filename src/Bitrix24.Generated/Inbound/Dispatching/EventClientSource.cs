using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Inbound;

/// <summary>
/// The client a webhook delivery's handler gets (a polled event's gets the poller's): the configured one for a webhook bot; for an OAuth
/// application's delivery, one for the delivery's portal made from the delivery's tokens (or, when it has
/// none, those of the installation the verification found), disposed with the handler's scope.
/// </summary>
internal sealed class EventClientSource(IOptions<Bitrix24ServiceOptions> options, IServiceProvider root)
{
    public Func<Bitrix24Client> For(Bitrix24EventAuth? auth, Bitrix24Installation? installation, IServiceProvider scope)
    {
        Bitrix24ServiceOptions settings = options.Value;
        if (settings.WebhookUrl is not null || settings.ClientId is null || auth?.MemberId is null)
        {
            return () => root.GetRequiredService<Bitrix24Client>();
        }

        return () => ForPortal(settings, auth, installation, scope);
    }

    private Bitrix24Client ForPortal(Bitrix24ServiceOptions settings, Bitrix24EventAuth auth, Bitrix24Installation? installation, IServiceProvider scope)
    {
        string? accessToken = auth.AccessToken ?? installation?.AccessToken;
        string? refreshToken = auth.RefreshToken ?? installation?.RefreshToken;
        Uri? endpoint = auth.ClientEndpoint ?? installation?.ClientEndpoint;
        if (accessToken is null || refreshToken is null || endpoint is null || settings.ClientSecret is null)
        {
            throw new InvalidOperationException($"No OAuth pair for portal {auth.Domain ?? auth.MemberId}: neither the delivery nor the installation store has an access and a refresh token (or ClientSecret is not configured).");
        }

        var tokens = new Bitrix24OAuthTokens(accessToken, refreshToken, endpoint, auth.ServerEndpoint ?? installation?.ServerEndpoint,
            auth.AccessToken is not null ? auth.ExpiresAt : installation?.ExpiresAt);
        Bitrix24ClientOptions client = Bitrix24ClientOptions.OAuth(tokens, settings.ClientId!, settings.ClientSecret);
        if (root.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            client.LoggerFactory = loggerFactory;
        }

        client.TimeProvider = root.GetService<TimeProvider>() ?? TimeProvider.System;
        settings.ConfigureClient?.Invoke(client);
        var made = new Bitrix24Client(client, root.GetRequiredService<IHttpClientFactory>().CreateClient(Bitrix24ServiceOptions.HttpClientName));
        scope.GetRequiredService<ScopedClients>().Add(made);
        return made;
    }

    /// <summary>Disposes the clients made for one handler scope with it.</summary>
    internal sealed class ScopedClients : IDisposable
    {
        private readonly List<Bitrix24Client> _clients = new();

        public void Add(Bitrix24Client client) => _clients.Add(client);

        public void Dispose() => _clients.ForEach(c => c.Dispose());
    }
}
