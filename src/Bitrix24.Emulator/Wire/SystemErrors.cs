using Bitrix24.Emulator.Methods;

namespace Bitrix24.Emulator.Wire;

/// <summary>The portal's system errors (the system error table), with the status and text the docs give.</summary>
internal static class SystemErrors
{
    public static EmulatedRestException QueryLimitExceeded() => new(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");

    public static EmulatedRestException OperationTimeLimit() => new(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");

    public static EmulatedRestException NoAuthFound() => new(401, "NO_AUTH_FOUND", "Wrong authorization data");

    public static EmulatedRestException ExpiredToken() => new(401, "expired_token", "The access token provided has expired.");

    public static EmulatedRestException InsufficientScope() => new(403, "insufficient_scope", "The request requires higher privileges than provided by the webhook token");

    public static EmulatedRestException MethodNotFound() => new(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");

    public static EmulatedRestException InternalServerError() => new(500, "INTERNAL_SERVER_ERROR", "Internal server error");

    public static EmulatedRestException BatchMethodNotAllowed() => new(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");

    /// <summary>
    /// A request the emulator refuses to read: a JSON body that repeats a property name. PHP's decoder would keep
    /// the last value without a word; the emulator answers with the system table's 400 code instead, so the
    /// client's mistake is seen in tests rather than half-applied.
    /// </summary>
    public static EmulatedRestException InvalidRequest(string description) => new(400, "INVALID_REQUEST", description);

    public static EmulatedRestException BatchLengthExceeded() => new(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
}
