namespace Bitrix24;

/// <summary>
/// Decides whether a failed attempt may be repeated. Portal errors carry a retry class from
/// <c>spec/errors.yaml</c>; transport failures are repeated when the request never left, or when the
/// method is idempotent. Everything else surfaces, so nothing is done twice.
/// </summary>
internal static class RetryPolicy
{
    public static RetryAction Classify(Bitrix24Exception failure, bool idempotent) => failure switch
    {
        Bitrix24ApiException api => api.RetryClass switch
        {
            // The portal refused before running the method: always safe to repeat.
            Bitrix24RetryClass.AfterDelay => RetryAction.Backoff,
            Bitrix24RetryClass.AfterReset => RetryAction.WaitForOperatingReset,
            Bitrix24RetryClass.AfterRefresh => RetryAction.RefreshToken,

            // The method may have run (e.g. 500): repeating is safe only when doing it twice is harmless.
            Bitrix24RetryClass.IfIdempotent when idempotent => RetryAction.Backoff,
            _ => RetryAction.Fail,
        },
        Bitrix24TransportException transport when !transport.MayHaveReachedPortal || idempotent => RetryAction.Backoff,
        _ => RetryAction.Fail,
    };
}
