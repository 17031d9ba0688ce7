namespace Bitrix24;

/// <summary>What the call path does after a failed attempt.</summary>
internal enum RetryAction
{
    /// <summary>Surface the failure: repeating could do the work twice, or would not help.</summary>
    Fail,

    /// <summary>Wait a jittered back-off, then repeat.</summary>
    Backoff,

    /// <summary>Refresh the OAuth token (once per call), then repeat.</summary>
    RefreshToken,

    /// <summary>Wait until the method's operating-time limit resets, then repeat.</summary>
    WaitForOperatingReset,
}
