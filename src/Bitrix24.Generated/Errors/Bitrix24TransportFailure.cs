namespace Bitrix24;

/// <summary>Why no valid Bitrix24 answer came back.</summary>
public enum Bitrix24TransportFailure
{
    /// <summary>No connection could be made (name resolution, refused, TLS): the request never reached the portal.</summary>
    ConnectionFailed,

    /// <summary>The connection broke after the request was sent: the portal may have run the method.</summary>
    ConnectionLost,

    /// <summary>No answer within <see cref="Bitrix24ClientOptions.RequestTimeout"/>: the portal may have run the method.</summary>
    Timeout,

    /// <summary>An answer came but is not a Bitrix24 envelope: an HTML error page, an empty or truncated body, or an unreadable result.</summary>
    InvalidResponse,

    /// <summary>The client's own rate limiter gave no permit within the call's time: the request was never sent.</summary>
    RateLimited,
}
