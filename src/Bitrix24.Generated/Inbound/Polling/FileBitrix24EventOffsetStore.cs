using System.Buffers.Text;

namespace Bitrix24.Inbound;

/// <summary>Keeps each bot's offset in a file of its own in a folder, written atomically, so a restarted process goes on where it stopped.</summary>
public sealed class FileBitrix24EventOffsetStore : IBitrix24EventOffsetStore
{
    private readonly string _directory;

    /// <summary>Creates the store; the folder is created when missing.</summary>
    /// <param name="directory">The folder of the offset files.</param>
    public FileBitrix24EventOffsetStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <inheritdoc/>
    public async ValueTask<long?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        byte[]? content = await AtomicFile.ReadAsync(PathFor(key), cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }

        return Utf8Parser.TryParse(content, out long offset, out int consumed) && consumed == content.Length && offset >= 0
            ? offset
            : throw new InvalidOperationException($"The offset file of '{key}' is damaged; delete it to fetch every unacknowledged event again.");
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(string key, long offset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        byte[] content = new byte[20];
        Utf8Formatter.TryFormat(offset, content, out int written);
        await AtomicFile.WriteAsync(PathFor(key), content.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
    }

    private string PathFor(string key) => AtomicFile.PathFor(_directory, "offset:" + key, ".offset");
}
