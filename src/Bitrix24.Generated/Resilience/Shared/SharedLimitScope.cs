namespace Bitrix24;

/// <summary>The scope a client's calls are paced in when it shares its limits (<see cref="Bitrix24ClientOptions.SharedLimits"/>).</summary>
internal static class SharedLimitScope
{
    /// <exception cref="ArgumentException">The options pace with a limiter of their own, or not at all: neither can be shared.</exception>
    public static Bitrix24LimitScope For(Bitrix24ClientOptions options)
    {
        Bitrix24RateLimit rate = options.RateLimit;
        if (rate.Limiter is not null)
        {
            throw new ArgumentException(
                "SharedLimits paces at RateLimit's plan or custom pace; a RateLimiter of your own cannot be shared. Use Bitrix24RateLimit.For(plan) or Bitrix24RateLimit.Custom(...).", nameof(options));
        }

        if (!rate.IsEnabled)
        {
            throw new ArgumentException("SharedLimits needs a pace to share, and RateLimit is Off.", nameof(options));
        }

        // Keyed by the portal's address, which every client of it knows; the portal counts its callers together.
        string portal = options.Portal.Authority.ToLowerInvariant();
        return new Bitrix24LimitScope(portal, options.ClientId ?? WebhookDigest(options.RestEndpoint), rate.RequestsPerSecond, rate.Burst);
    }

    /// <summary>A webhook's name in shared keys: a digest of its URL, which holds the secret and must not be stored.</summary>
    private static string WebhookDigest(Uri endpoint)
    {
        byte[] hash = global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.UTF8.GetBytes(endpoint.AbsoluteUri));
        return "webhook-" + global::System.Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }
}
