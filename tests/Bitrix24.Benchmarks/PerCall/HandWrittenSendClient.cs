using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>
/// The floor: the least a correct client must do for this call, written the cheapest way. Write the
/// JSON body with <see cref="Utf8JsonWriter"/> into a pooled buffer, POST it with <see cref="HttpClient"/>,
/// read the answer into a pooled buffer and find the top-level <c>result</c> with <see cref="Utf8JsonReader"/>,
/// failing on an error envelope or a body without it. No pacing, retries, timeout of its own, logging,
/// tracing or <c>time</c> block.
/// </summary>
internal sealed class HandWrittenSendClient(HttpClient http, Uri webhook)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Uri _uri = new(webhook, SendCall.Method);

    public async Task<bool> SendAsync(int chatId, string name, string message, CancellationToken cancellationToken = default)
    {
        // Pooled buffers for both bodies: the floor pays for no array of its own. The request's goes back
        // once the whole answer has been read, when HTTP is done with it.
        using var body = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteNumber("CHAT_ID"u8, chatId);
            writer.WriteString("NAME"u8, name);
            writer.WriteString("MESSAGE"u8, message);
            writer.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Content = new ReadOnlyMemoryContent(body.WrittenMemory) { Headers = { ContentType = Json } },
        };
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] answer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            int length = 0, read;
            while ((read = await stream.ReadAsync(answer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == answer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(answer.Length * 2);
                    answer.AsSpan().CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(answer);
                    answer = larger;
                }
            }

            return ReadResult(answer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(answer);
        }
    }

    private static bool ReadResult(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The answer is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                return reader.GetBoolean();
            }

            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                throw new InvalidOperationException("The portal answered with error " + reader.GetString());
            }

            reader.Read();
            reader.Skip();
        }

        throw new JsonException("The answer has no 'result'.");
    }
}
