using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> and its buffer, kept per thread and reused for every request body and
/// batch command. <see cref="Utf8JsonWriter"/> asks its buffer for 4 KB whenever it runs short, so a fresh
/// buffer per call turns a 150-byte body into 4 KB of garbage. Writing never awaits, so a thread's
/// writer is never used by two calls at once; what leaves this class is a copy (<see cref="ToArray"/>),
/// so no pooled memory is ever held by a request that HTTP may still be reading.
/// </summary>
internal sealed class CachedJsonWriter : IDisposable
{
    /// <summary>Buffers that grew past this (a huge batch) are dropped rather than kept for the thread's lifetime.</summary>
    private const int KeptCapacity = 64 * 1024;

    // The default encoder escapes every non-ASCII character, which makes Cyrillic messages six times
    // larger. Bodies are never embedded in HTML, so the relaxed encoder (raw UTF-8) is safe here.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static CachedJsonWriter? t_free;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    private CachedJsonWriter() => Json = new Utf8JsonWriter(_buffer, Options);

    /// <summary>The writer, empty and at the start of a document.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>What was written so far (valid until <see cref="Dispose"/>).</summary>
    public ReadOnlySpan<byte> WrittenSpan
    {
        get
        {
            Json.Flush();
            return _buffer.WrittenSpan;
        }
    }

    /// <summary>Takes this thread's writer, or a new one when it is already in use further up the stack.</summary>
    public static CachedJsonWriter Rent()
    {
        CachedJsonWriter? writer = t_free;
        t_free = null;
        return writer ?? new CachedJsonWriter();
    }

    /// <summary>An exact-size copy of what was written, for the request to keep (and resend on a retry).</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>
    /// Clears the writer (also after a half-written body: a bad argument throws mid-way) and gives it back
    /// to the thread. The written bytes are zeroed: an OAuth body holds the access token.
    /// </summary>
    public void Dispose()
    {
        Json.Reset();
        _buffer.Clear();
        if (_buffer.Capacity <= KeptCapacity)
        {
            t_free = this;
        }
    }
}
