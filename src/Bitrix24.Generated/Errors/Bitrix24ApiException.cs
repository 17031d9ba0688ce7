namespace Bitrix24;

/// <summary>
/// The portal answered with an error envelope (<c>{"error": "...", "error_description": "..."}</c>).
/// Branch on <see cref="ErrorCode"/>; <see cref="Code"/> always keeps the raw code, also for codes
/// no spec declares (<see cref="Bitrix24ErrorCode.Unknown"/>).
/// </summary>
public sealed class Bitrix24ApiException : Bitrix24Exception
{
    /// <summary>Creates the exception (public so tests of user code can build one).</summary>
    /// <param name="method">The REST method called.</param>
    /// <param name="code">The raw <c>error</c> code.</param>
    /// <param name="description">The <c>error_description</c> text.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="time">The <c>time</c> block, when the answer had one.</param>
    public Bitrix24ApiException(string method, string code, string description, int statusCode, Bitrix24ResponseTime? time = null)
        : base(method, BuildMessage(method, code, description, statusCode), null)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        ErrorCode = Bitrix24ErrorCodes.FromCode(code);
        Description = description ?? string.Empty;
        StatusCode = statusCode;
        Time = time;
    }

    /// <summary>
    /// The same error with a note added to the message, e.g. which commands of a batch did not run;
    /// <paramref name="error"/> becomes the inner exception.
    /// </summary>
    internal Bitrix24ApiException(Bitrix24ApiException error, string note)
        : base(error.Method, error.Message + " " + note, error)
    {
        Code = error.Code;
        ErrorCode = error.ErrorCode;
        Description = error.Description;
        StatusCode = error.StatusCode;
        Time = error.Time;
    }

    /// <summary>The raw error code as the portal sent it (<c>CHAT_ID_EMPTY</c>, <c>expired_token</c>).</summary>
    public string Code { get; }

    /// <summary>The code as an enum member, or <see cref="Bitrix24ErrorCode.Unknown"/>. Mapped by code, never by status or text.</summary>
    public Bitrix24ErrorCode ErrorCode { get; }

    /// <summary>The portal's <c>error_description</c>; meant for logs, not for end users.</summary>
    public string Description { get; }

    /// <summary>The HTTP status (400, 401, 403, 429, 503, ...; some errors come with 200).</summary>
    public int StatusCode { get; }

    /// <summary>The <c>time</c> block of the answer, if any (for <c>OPERATION_TIME_LIMIT</c> it tells when the method unblocks).</summary>
    public Bitrix24ResponseTime? Time { get; }

    /// <summary>What may be done about this error, as the spec says.</summary>
    public Bitrix24RetryClass RetryClass => Bitrix24ErrorCodes.GetRetryClass(ErrorCode);

    private static string BuildMessage(string method, string code, string? description, int statusCode) =>
        string.IsNullOrEmpty(description)
            ? $"{code} (HTTP {statusCode} from {method})"
            : $"{code}: {description} (HTTP {statusCode} from {method})";
}
