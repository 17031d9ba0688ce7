using System.Net;
using System.Net.Http.Headers;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>
/// An in-memory portal: reads the whole request body, as a socket would (so a client that serializes
/// lazily pays for it here too), and answers 200 with the same body every time. Only client cost is left.
/// </summary>
internal sealed class CannedResponseHandler(byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>The last request's body length, so a benchmark can check that a body was sent at all.</summary>
    public long LastRequestLength { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sink = new CountingSink();
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
        }

        LastRequestLength = sink.Length;
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };
    }

    /// <summary>A write-only stream that counts bytes: the body is read in full but kept nowhere.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
