using System.Collections.Concurrent;

namespace Bitrix24.Inbound;

/// <summary>Keeps offsets in this process only: after a restart the unacknowledged events come again (use <see cref="FileBitrix24EventOffsetStore"/> to keep them).</summary>
public sealed class InMemoryBitrix24EventOffsetStore : IBitrix24EventOffsetStore
{
    private readonly ConcurrentDictionary<string, long> _offsets = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<long?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_offsets.TryGetValue(key, out long offset) ? offset : (long?)null);

    /// <inheritdoc/>
    public ValueTask SaveAsync(string key, long offset, CancellationToken cancellationToken)
    {
        _offsets[key] = offset;
        return ValueTask.CompletedTask;
    }
}
