using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// What the transport reuses between calls (a per-thread JSON writer, pooled answer buffers, reset
/// timeout sources) never leaks from one call into another: not bytes, not a cancellation.
/// </summary>
public sealed class TransportReuseTests
{
    private static Bitrix24Method<int, int> EchoChat => InMemoryClients.EchoChat;

    private static readonly Bitrix24Method<int, string?> LongText = new()
    {
        Name = "test.text.get",
        Result = Bitrix24ValueType.String,
        WriteParameters = static (writer, id) => writer.WriteNumber("ID", id),
        ReadResult = static (ref Utf8JsonReader reader) => Bitrix24Json.ReadString(ref reader),
    };

    [Fact]
    public async Task Two_hundred_concurrent_calls_each_send_their_own_body_and_read_their_own_answer()
    {
        var bodies = new ConcurrentBag<string>();
        using var client = Client(new ScriptedHandler(async (request, _) =>
        {
            string body = await request.Content!.ReadAsStringAsync();
            bodies.Add(body);
            int chatId = JsonDocument.Parse(body).RootElement.GetProperty("CHAT_ID").GetInt32();
            await Task.Yield();
            return Answer($$$"""{"result":{{{chatId}}},"time":{"start":1728633600.25,"date_start":"2024-10-11T10:00:00+02:00"}}""");
        }));

        int[] results = await Task.WhenAll(Enumerable.Range(1, 200).Select(chatId => Task.Run(async () =>
            (await client.CallAsync(EchoChat, chatId)).Result)));

        Assert.Equal(Enumerable.Range(1, 200), results);
        Assert.Equal(Enumerable.Range(1, 200).Select(chatId => $$"""{"CHAT_ID":{{chatId}}}""").Order(), bodies.Order());
    }

    [Fact]
    public async Task A_body_that_failed_half_way_leaves_nothing_for_the_next_call()
    {
        var halfWritten = new Bitrix24Method<int, int>
        {
            Name = "test.chat.echo",
            Result = Bitrix24ValueType.Int32,
            WriteParameters = static (writer, chatId) =>
            {
                writer.WriteNumber("CHAT_ID", chatId);
                writer.WriteStartArray("USERS");
                throw new ArgumentException("USERS: 0 is not a user id.");
            },
            ReadResult = static (ref Utf8JsonReader reader) => Bitrix24Json.ReadInt32(ref reader),
        };
        var bodies = new List<string>();
        using var client = Client(new ScriptedHandler(async (request, _) =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync());
            return Answer("""{"result":7}""");
        }));

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync(halfWritten, 99));
        Bitrix24Response<int> next = await client.CallAsync(EchoChat, 7);

        Assert.Equal(7, next.Result);
        Assert.Equal(["""{"CHAT_ID":7}"""], bodies);
    }

    [Fact]
    public async Task An_answer_far_larger_than_the_first_buffer_arriving_in_small_pieces_without_a_length_is_read_whole()
    {
        // Cyrillic: two bytes a letter, so pieces of 1 000 bytes split letters too.
        string text = string.Concat(Enumerable.Repeat("Здравствуйте, оператор скоро ответит. ", 8_000));
        byte[] body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { result = text }));
        using var client = Client(new ScriptedHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new TrickleStream(body, pieceSize: 1_000)),
        })));

        Bitrix24Response<string?> response = await client.CallAsync(LongText, 1);

        Assert.True(body.Length > 500_000, body.Length.ToString());
        Assert.Equal(text, response.Result);
    }

    [Fact]
    public async Task A_timed_out_call_does_not_cancel_the_calls_after_it()
    {
        int calls = 0;
        using var client = Client(
            new ScriptedHandler(async (_, cancellationToken) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return Answer("""{"result":5}""");
            }),
            options => options.RequestTimeout = TimeSpan.FromMilliseconds(200));

        var timedOut = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.CallAsync(EchoChat, 5));
        Assert.Equal(Bitrix24TransportFailure.Timeout, timedOut.Failure);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(5, (await client.CallAsync(EchoChat, 5)).Result);
        }
    }

    [Fact]
    public async Task Cancelling_a_finished_calls_token_does_not_reach_the_call_in_flight_after_it()
    {
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        using var client = Client(new ScriptedHandler(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                secondArrived.SetResult();
                await releaseSecond.Task.WaitAsync(cancellationToken);
            }

            return Answer("""{"result":3}""");
        }));
        using var firstToken = new CancellationTokenSource();

        Assert.Equal(3, (await client.CallAsync(EchoChat, 3, firstToken.Token)).Result);
        Task<Bitrix24Response<int>> second = client.CallAsync(EchoChat, 3);
        await secondArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await firstToken.CancelAsync();
        releaseSecond.SetResult();

        Assert.Equal(3, (await second.WaitAsync(TimeSpan.FromSeconds(30))).Result);
    }

    [Fact]
    public async Task A_cancelled_call_leaves_later_calls_working()
    {
        int calls = 0;
        using var client = Client(new ScriptedHandler(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Answer("""{"result":4}""");
        }));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync(EchoChat, 4, cts.Token));

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(4, (await client.CallAsync(EchoChat, 4)).Result);
        }
    }

    private static Bitrix24Client Client(HttpMessageHandler handler, Action<Bitrix24ClientOptions>? configure = null) =>
        InMemoryClients.Create(handler, configure);

    private static HttpResponseMessage Answer(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(request, cancellationToken);
    }

    /// <summary>A body that gives at most <paramref name="pieceSize"/> bytes per read and declares no length.</summary>
    private sealed class TrickleStream(byte[] body, int pieceSize) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = Math.Min(Math.Min(buffer.Length, pieceSize), body.Length - _position);
            body.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Read(buffer.Span);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
