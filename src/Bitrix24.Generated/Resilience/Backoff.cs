namespace Bitrix24;

/// <summary>
/// Exponential back-off with jitter: the n-th wait is between half and all of
/// <c>min(MaxDelay, BaseDelay * 2^(n-1))</c>, so clients that failed together do not return together,
/// yet every wait is long enough for the portal's bucket to drain a little.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Delay(int retry, Bitrix24RetryOptions options)
    {
        double cap = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds((cap / 2) + (Random.Shared.NextDouble() * cap / 2));
    }
}
