namespace Bitrix24.Tests.Shared;

/// <summary>Waits for what another thread or process does (a poller, a webhook delivery), failing with what did not happen.</summary>
internal static class Eventually
{
    /// <summary>Waits until the condition holds, checking every 50 ms, or fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }
}
