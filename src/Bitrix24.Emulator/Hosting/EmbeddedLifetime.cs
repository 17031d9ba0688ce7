using Microsoft.Extensions.Hosting;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Keeps the embedded web host from taking over Ctrl+C and SIGTERM: the emulator lives inside a test
/// run or the command line, which own the process; whoever starts the portal stops it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
