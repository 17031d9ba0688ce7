using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24;

/// <summary>
/// Turns <see cref="Bitrix24ServiceOptions"/> into <see cref="Bitrix24ClientOptions"/>. One code path for
/// both uses: <see cref="Check"/> (the options validator: no container, tokens from
/// <see cref="Bitrix24ServiceOptions.LoadTokens"/> not loaded yet) and <see cref="Create"/> (the client's
/// registration). Every error names the setting by its configuration key (<c>Bitrix24:WebhookUrl</c>)
/// when the options came from configuration, else by its property (<c>Bitrix24ServiceOptions.WebhookUrl</c>),
/// and never shows a webhook URL, token or secret.
/// </summary>
internal static class Bitrix24ClientOptionsFactory
{
    /// <summary>Everything wrong with <paramref name="options"/>, configuration values that could not be read first.</summary>
    public static List<string> Check(Bitrix24ServiceOptions options)
    {
        var errors = new List<string>(options.ConfigurationErrors);
        TryCreate(options, loadedTokens: null, tokensMayLoadLater: options.LoadTokens is not null, errors);
        return errors;
    }

    /// <summary>The client's options, with the container's logger factory, clock and token store, and the user's last word.</summary>
    /// <exception cref="OptionsValidationException">The settings are missing or wrong; the message names each key.</exception>
    public static Bitrix24ClientOptions Create(Bitrix24ServiceOptions options, IServiceProvider services)
    {
        Bitrix24OAuthTokens? loaded = options.WebhookUrl is null ? options.LoadTokens?.Invoke(services) : null;
        var errors = new List<string>(options.ConfigurationErrors);
        Bitrix24ClientOptions? client = TryCreate(options, loaded, tokensMayLoadLater: false, errors);
        if (client is null || errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(Bitrix24ServiceOptions), errors);
        }

        if (services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            client.LoggerFactory = loggerFactory;
        }

        client.TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (client.AuthMode == Bitrix24AuthMode.OAuth)
        {
            client.TokenStore = services.GetService<IBitrix24TokenStore>();
            client.SharedTokens = services.GetService<IBitrix24SharedTokenStore>();
        }

        // Registered by the app (AddBitrix24RedisLimits, say): every replica then paces against the same budget.
        client.SharedLimits = services.GetService<IBitrix24SharedLimits>();
        options.ConfigureClient?.Invoke(client);
        return client;
    }

    private static Bitrix24ClientOptions? TryCreate(Bitrix24ServiceOptions options, Bitrix24OAuthTokens? loadedTokens, bool tokensMayLoadLater, List<string> errors)
    {
        // LoadTokens is code, never configuration.
        string Key(string name) => (name == nameof(Bitrix24ServiceOptions.LoadTokens) ? null : options.ConfigurationPath) switch
        {
            null => "Bitrix24ServiceOptions." + name.Replace(':', '.'),
            "" => name,
            string path => path + ":" + name,
        };

        Bitrix24ClientOptions? client = CreateAuth(options, loadedTokens, tokensMayLoadLater, errors, Key);

        Bitrix24RateLimit? rateLimit = null;
        if (!global::System.Enum.IsDefined(options.Plan))
        {
            errors.Add($"{Key("Plan")}: {(int)options.Plan} is not a plan; expected Standard or Enterprise.");
        }
        else
        {
            rateLimit = Bitrix24RateLimit.For(options.Plan);
            if (options.RequestsPerSecond is not null || options.Burst is not null)
            {
                double rate = options.RequestsPerSecond ?? rateLimit.RequestsPerSecond;
                int burst = options.Burst ?? rateLimit.Burst;
                if (!(rate > 0) || !double.IsFinite(rate))
                {
                    errors.Add($"{Key("RequestsPerSecond")}: {rate} must be a positive number of requests per second.");
                    rateLimit = null;
                }

                if (burst <= 0)
                {
                    errors.Add($"{Key("Burst")}: {burst} must be at least 1.");
                    rateLimit = null;
                }

                rateLimit = rateLimit is null ? null : Bitrix24RateLimit.Custom(rate, burst);
            }
        }

        if (options.RequestTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{Key("RequestTimeout")}: {timeout} must be positive (or Timeout.InfiniteTimeSpan for no limit).");
        }

        if (client is null || rateLimit is null || errors.Count > 0)
        {
            return null;
        }

        client.RateLimit = rateLimit;
        if (options.RequestTimeout is { } requestTimeout)
        {
            client.RequestTimeout = requestTimeout;
        }

        // Each value was checked by Bitrix24RetryOptions' own setters when it was set.
        Bitrix24RetryOptions from = options.Retry, to = client.Retry;
        to.Enabled = from.Enabled;
        to.MaxAttempts = from.MaxAttempts;
        to.BaseDelay = from.BaseDelay;
        to.MaxDelay = from.MaxDelay;
        to.TotalTimeout = from.TotalTimeout;
        to.WaitForOperatingLimit = from.WaitForOperatingLimit;
        return client;
    }

    private static Bitrix24ClientOptions? CreateAuth(
        Bitrix24ServiceOptions options, Bitrix24OAuthTokens? loadedTokens, bool tokensMayLoadLater, List<string> errors, Func<string, string> key)
    {
        var oauthKeys = new List<string>();
        AddIfSet(oauthKeys, "ClientId", options.ClientId);
        AddIfSet(oauthKeys, "ClientSecret", options.ClientSecret);
        AddIfSet(oauthKeys, "AccessToken", options.AccessToken);
        AddIfSet(oauthKeys, "RefreshToken", options.RefreshToken);
        AddIfSet(oauthKeys, "ClientEndpoint", options.ClientEndpoint?.OriginalString);
        AddIfSet(oauthKeys, "ServerEndpoint", options.ServerEndpoint?.OriginalString);
        if (options.LoadTokens is not null)
        {
            oauthKeys.Add("LoadTokens");
        }

        if (options.WebhookUrl is not null && oauthKeys.Count > 0)
        {
            errors.Add($"{key("WebhookUrl")} and {string.Join(", ", oauthKeys.Select(key))} are both set: use an incoming webhook or an OAuth application, not both.");
            return null;
        }

        if (options.WebhookUrl is not null)
        {
            try
            {
                return Bitrix24ClientOptions.Webhook(options.WebhookUrl);
            }
            catch (ArgumentException e)
            {
                // The runtime's messages name the host, never the path holding the code.
                errors.Add($"{key("WebhookUrl")}: {Describe(e)}");
                return null;
            }
        }

        if (oauthKeys.Count == 0)
        {
            string hint = options.ConfigurationHint is null ? string.Empty : $" ({options.ConfigurationHint})";
            errors.Add($"No Bitrix24 credentials{hint}: set {key("WebhookUrl")} for an incoming webhook, or {key("ClientId")}, {key("ClientSecret")}, "
                + $"{key("AccessToken")}, {key("RefreshToken")} and {key("ClientEndpoint")} for an OAuth application.");
            return null;
        }

        return CreateOAuth(options, loadedTokens, tokensMayLoadLater, errors, key);
    }

    private static Bitrix24ClientOptions? CreateOAuth(
        Bitrix24ServiceOptions options, Bitrix24OAuthTokens? loadedTokens, bool tokensMayLoadLater, List<string> errors, Func<string, string> key)
    {
        int before = errors.Count;
        RequireText(options.ClientId, "ClientId", "for an OAuth application");
        RequireText(options.ClientSecret, "ClientSecret", "for an OAuth application");
        if (options.ServerEndpoint is { } server)
        {
            CheckEndpoint(server, "ServerEndpoint", "OAuth server_endpoint");
        }

        Bitrix24OAuthTokens tokens;
        if (loadedTokens is not null)
        {
            // The refresh must go somewhere: the configured server_endpoint fills in for loaded tokens without one.
            tokens = loadedTokens.ServerEndpoint is null && options.ServerEndpoint is not null
                ? new Bitrix24OAuthTokens(loadedTokens.AccessToken, loadedTokens.RefreshToken, loadedTokens.ClientEndpoint, options.ServerEndpoint, loadedTokens.ExpiresAt)
                : loadedTokens;
            if (loadedTokens.ServerEndpoint is { } loadedServer)
            {
                CheckEndpoint(loadedServer, "LoadTokens", "OAuth server_endpoint of the loaded tokens");
            }
        }
        else
        {
            if (options.ClientEndpoint is { } endpoint)
            {
                CheckEndpoint(endpoint, "ClientEndpoint", "OAuth client_endpoint");
            }

            if (tokensMayLoadLater)
            {
                // The validator runs without the container: LoadTokens may still give the tokens.
                return null;
            }

            string why = options.LoadTokens is null ? "for an OAuth application" : "for an OAuth application when LoadTokens gives no tokens";
            RequireText(options.AccessToken, "AccessToken", why);
            RequireText(options.RefreshToken, "RefreshToken", why);
            if (options.ClientEndpoint is null)
            {
                errors.Add($"{key("ClientEndpoint")}: required {why} (the portal's REST address, e.g. https://example.bitrix24.com/rest/).");
            }

            if (errors.Count > before)
            {
                return null;
            }

            tokens = new Bitrix24OAuthTokens(options.AccessToken!.Trim(), options.RefreshToken!.Trim(), options.ClientEndpoint!, options.ServerEndpoint);
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return Bitrix24ClientOptions.OAuth(tokens, options.ClientId!.Trim(), options.ClientSecret!.Trim());
        }
        catch (ArgumentException e)
        {
            errors.Add($"{key(loadedTokens is null ? "ClientEndpoint" : "LoadTokens")}: {Describe(e)}");
            return null;
        }

        void RequireText(string? value, string name, string reason)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{key(name)}: required {reason}.");
            }
        }

        void CheckEndpoint(Uri uri, string name, string what)
        {
            try
            {
                EndpointRules.RequireSecure(uri, name, what);
            }
            catch (ArgumentException e)
            {
                errors.Add($"{key(name)}: {Describe(e)}");
            }
        }
    }

    private static void AddIfSet(List<string> keys, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            keys.Add(name);
        }
    }

    /// <summary>The message without the " (Parameter 'x')" the runtime appends.</summary>
    private static string Describe(ArgumentException e)
    {
        string message = e.Message;
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
