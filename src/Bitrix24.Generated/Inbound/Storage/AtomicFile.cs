using System.Security.Cryptography;
using System.Text;

namespace Bitrix24.Inbound;

/// <summary>
/// The file stores' one way to write: to a temporary file beside the target, flushed, then moved over it,
/// so a crash leaves the old content or the new, never half of one. Keys become file names by their
/// SHA-256, so any key (a member id, a bot's key) is a safe name and none can point outside the folder.
/// </summary>
internal static class AtomicFile
{
    public static string PathFor(string directory, string key, string extension) =>
        System.IO.Path.Combine(directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + extension);

    public static async global::System.Threading.Tasks.Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static async global::System.Threading.Tasks.Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
