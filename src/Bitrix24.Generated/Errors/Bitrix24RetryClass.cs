namespace Bitrix24;

/// <summary>What a client may do after an error, as <c>spec/errors.yaml</c> says for each code.</summary>
public enum Bitrix24RetryClass
{
    /// <summary>Do not repeat: the caller must change something first.</summary>
    Never,

    /// <summary>The method may have run: repeat only methods whose spec says <c>idempotent: true</c>.</summary>
    IfIdempotent,

    /// <summary>The portal refused before running the method (rate limit): back off, then repeat.</summary>
    AfterDelay,

    /// <summary>The method is blocked until <c>time.operating_reset_at</c>: wait, then repeat.</summary>
    AfterReset,

    /// <summary>The OAuth access token expired before the method ran: refresh it, then repeat.</summary>
    AfterRefresh,
}
