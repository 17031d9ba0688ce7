namespace Bitrix24;

/// <summary>
/// No valid Bitrix24 answer came back: a connection failure, a timeout, an HTML page from a proxy,
/// an empty or truncated body. Carries the HTTP status (if any) and a short excerpt of the body.
/// <see cref="System.Text.Json.JsonException"/> and <see cref="HttpRequestException"/> never reach
/// callers unwrapped; they are the <see cref="Exception.InnerException"/> here.
/// </summary>
public sealed class Bitrix24TransportException : Bitrix24Exception
{
    /// <summary>Creates the exception (public so tests of user code can build one).</summary>
    public Bitrix24TransportException(
        string method,
        Bitrix24TransportFailure failure,
        string message,
        int? statusCode = null,
        string? responseExcerpt = null,
        Exception? innerException = null)
        : base(method, message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>What went wrong.</summary>
    public Bitrix24TransportFailure Failure { get; }

    /// <summary>The HTTP status, when an answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>The start of the body that could not be read, with secrets removed.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>
    /// False only when the request surely never reached the portal. When true, a method that is not
    /// idempotent may have run, and repeating it could do it twice.
    /// </summary>
    public bool MayHaveReachedPortal => Failure is not (Bitrix24TransportFailure.ConnectionFailed or Bitrix24TransportFailure.RateLimited);
}
