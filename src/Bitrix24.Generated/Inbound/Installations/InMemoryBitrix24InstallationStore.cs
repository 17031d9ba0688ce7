using System.Collections.Concurrent;

namespace Bitrix24.Inbound;

/// <summary>Keeps installations in this process only: they are gone after a restart (use <see cref="FileBitrix24InstallationStore"/> to keep them).</summary>
public sealed class InMemoryBitrix24InstallationStore : IBitrix24InstallationStore
{
    private readonly ConcurrentDictionary<string, Bitrix24Installation> _installations = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<Bitrix24Installation?> FindAsync(string memberId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_installations.TryGetValue(memberId, out Bitrix24Installation? found) ? found : null);

    /// <inheritdoc/>
    public ValueTask SaveAsync(Bitrix24Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        _installations[installation.MemberId] = installation;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_installations.TryRemove(memberId, out _));
}
