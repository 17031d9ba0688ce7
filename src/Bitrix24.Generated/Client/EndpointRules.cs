namespace Bitrix24;

/// <summary>HTTPS is required; plain HTTP only to loopback hosts, so tests and the emulator work.</summary>
internal static class EndpointRules
{
    public static void RequireSecure(Uri uri, string parameterName, string what)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The {what} must be an absolute URL.", parameterName);
        }

        // Bitrix24 never uses user:password@ in URLs; refusing them keeps such secrets out of messages.
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"The {what} for {uri.Host} must not contain user:password@ credentials.", parameterName);
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        {
            return;
        }

        throw new ArgumentException(
            uri.Scheme == Uri.UriSchemeHttp
                ? $"The {what} for {uri.Host} uses plain http://; Bitrix24 requires https:// (http:// is accepted only for loopback hosts such as 127.0.0.1 and localhost)."
                : $"The {what} for {uri.Host} must use https://, not {uri.Scheme}://.",
            parameterName);
    }
}
