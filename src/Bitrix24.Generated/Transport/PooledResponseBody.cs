using System.Buffers;

namespace Bitrix24;

/// <summary>
/// A response body read into a buffer from <see cref="ArrayPool{T}.Shared"/>. The envelope reader copies
/// out everything it keeps (strings, numbers), so the bytes are needed only while it runs; reading into
/// a pooled buffer saves the body-sized array, and the stream copy, that <c>ReadAsByteArrayAsync</c> makes
/// for every call. <see cref="Dispose"/> zeroes the bytes (results may hold personal data) and returns them.
/// </summary>
internal readonly struct PooledResponseBody : IDisposable
{
    // Most answers fit; larger ones grow by doubling. Content-Length is not asked for: reading it parses
    // (and on some contents computes and boxes) a header, costing more than a pooled buffer that is too big.
    private const int InitialSize = 4096;

    private readonly byte[] _buffer;
    private readonly int _length;

    private PooledResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Reads the whole body.</summary>
    public static async ValueTask<PooledResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        int length = 0;
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledResponseBody(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer, length);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            Return(_buffer, _length);
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        if (length >= Array.MaxLength)
        {
            throw new HttpRequestException("The response body is larger than the largest array .NET can hold.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)length * 2, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(larger);
        Return(buffer, length);
        return larger;
    }

    private static void Return(byte[] buffer, int length)
    {
        buffer.AsSpan(0, length).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
