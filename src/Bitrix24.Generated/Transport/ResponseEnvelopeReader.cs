using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Reads the answer envelope: <c>{"result": ..., "time": {...}}</c> on success,
/// <c>{"error": "...", "error_description": "..."}</c> on failure. Anything else (HTML, empty,
/// truncated, a result of the wrong shape) becomes a <see cref="Bitrix24TransportException"/>.
/// </summary>
internal static class ResponseEnvelopeReader
{
    private const int ExcerptLength = 200;

    // Secrets are removed from this much of the body before it is cut, so a cut never leaves part of one.
    private const int RedactedWindowBytes = 64 * 1024;

    /// <param name="method">The method, for messages.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The whole answer.</param>
    /// <param name="readResult">The method's result reader.</param>
    /// <param name="redactor">Removes secrets from anything quoted from the body.</param>
    /// <param name="readTime">
    /// False when only the result is wanted: the <c>time</c> block is then skipped but for
    /// <c>operating_reset_at</c>. An error envelope is always read whole (its time goes into the exception).
    /// </param>
    public static Answer<TResult> Read<TResult>(
        string method,
        int statusCode,
        ReadOnlySpan<byte> body,
        Bitrix24ResultReader<TResult> readResult,
        SecretRedactor redactor,
        bool readTime = true)
    {
        if (body.IsEmpty)
        {
            throw Invalid(method, statusCode, body, redactor, $"the portal answered HTTP {statusCode} with an empty body", null);
        }

        var reader = new Utf8JsonReader(body);
        Envelope envelope;
        Utf8JsonReader resultReader;
        try
        {
            envelope = ReadEnvelope(ref reader, out resultReader, readTime);
            if (envelope.Error is not null && !readTime)
            {
                reader = new Utf8JsonReader(body);
                envelope = ReadEnvelope(ref reader, out resultReader, readTime: true);
            }
        }
        catch (JsonException ex)
        {
            throw Invalid(method, statusCode, body, redactor, $"the portal answered HTTP {statusCode} with a body that is not a Bitrix24 JSON envelope", ex);
        }

        if (envelope.Error is { } error)
        {
            throw new Bitrix24ApiException(method, error, redactor.Redact(envelope.Description ?? string.Empty), statusCode, envelope.Time);
        }

        if (statusCode is < 200 or > 299)
        {
            throw Invalid(method, statusCode, body, redactor, $"the portal answered HTTP {statusCode} without an error code", null);
        }

        if (!envelope.HasResult)
        {
            throw Invalid(method, statusCode, body, redactor, "the answer has neither 'result' nor 'error'", null);
        }

        TResult result;
        try
        {
            result = readResult(ref resultReader);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            // Object readers put the member path in the exception (bot.id); the caller sees where in the answer: result.bot.id.
            string where = ex is JsonException { Path: { Length: > 0 } path } ? "result" + (path[0] == '[' ? path : "." + path) : "the 'result'";
            string message = ex is JsonException json ? JsonMessage(json) : ex.Message;
            throw Invalid(method, statusCode, body, redactor, where + " of the answer could not be read: " + redactor.Redact(message), ex);
        }

        return new Answer<TResult>(result, envelope.Time, envelope.Time?.OperatingResetAt ?? envelope.OperatingResetAt, statusCode, envelope.Total, envelope.Next);
    }

    /// <summary>
    /// One pass over the top-level object. The reader is copied at <c>result</c> (a struct copy keeps
    /// its position) and the value skipped, so the result is read only once we know there is no error.
    /// </summary>
    private static Envelope ReadEnvelope(scoped ref Utf8JsonReader reader, out Utf8JsonReader resultReader, bool readTime)
    {
        resultReader = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The answer is not a JSON object.");
        }

        var envelope = new Envelope();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                resultReader = reader;
                envelope.HasResult = true;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                ReadError(ref reader, ref envelope);
            }
            else if (reader.ValueTextEquals("error_description"u8))
            {
                reader.Read();
                envelope.Description ??= reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                if (readTime)
                {
                    envelope.Time = EnvelopeFieldReader.ReadTime(ref reader);
                }
                else
                {
                    envelope.OperatingResetAt = EnvelopeFieldReader.ReadOperatingResetAt(ref reader);
                }
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                reader.Read();
                envelope.Total = EnvelopeFieldReader.TryReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("next"u8))
            {
                reader.Read();
                envelope.Next = EnvelopeFieldReader.TryReadInt(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The answer's JSON object is not closed.");
        }

        return envelope;
    }

    /// <summary>The classic envelope has a string; REST 3.0 nests <c>{"code", "message"}</c>. Both are accepted.</summary>
    private static void ReadError(ref Utf8JsonReader reader, ref Envelope envelope)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            string? code = reader.GetString();
            envelope.Error = string.IsNullOrEmpty(code) ? null : code;
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = reader.ValueTextEquals("code"u8);
            bool isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isCode && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                envelope.Error = Bitrix24Json.ReadString(ref reader);
            }
            else if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                envelope.Description = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static Bitrix24TransportException Invalid(
        string method, int statusCode, ReadOnlySpan<byte> body, SecretRedactor redactor, string problem, Exception? inner)
    {
        string excerpt = Excerpt(redactor.Redact(Encoding.UTF8.GetString(body[..Math.Min(body.Length, RedactedWindowBytes)])));

        // A result reader's message quotes the value it rejected, which came from outside: keep it only without secrets.
        if (inner is not null)
        {
            string safeMessage = redactor.Redact(inner.Message);
            if (!string.Equals(safeMessage, inner.Message, StringComparison.Ordinal))
            {
                inner = new JsonException(safeMessage);
            }
        }

        string message = excerpt.Length == 0
            ? $"{method}: {problem}."
            : $"{method}: {problem}. Body starts: {excerpt}";
        return new Bitrix24TransportException(method, Bitrix24TransportFailure.InvalidResponse, message, statusCode, excerpt, inner);
    }

    /// <summary>A reader's message without the " Path: ..." a <see cref="JsonException"/> with a path may append.</summary>
    private static string JsonMessage(JsonException exception)
    {
        int at = exception.Path is null ? -1 : exception.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? exception.Message : exception.Message[..at];
    }

    /// <summary>The first characters of the body on one line, for messages and logs.</summary>
    private static string Excerpt(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, ExcerptLength + 3));
        bool space = false;
        foreach (char c in text)
        {
            if (line.Length >= ExcerptLength)
            {
                line.Append("...");
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }

    private struct Envelope
    {
        public bool HasResult;
        public string? Error;
        public string? Description;
        public Bitrix24ResponseTime? Time;
        public DateTimeOffset? OperatingResetAt;
        public int? Total;
        public int? Next;
    }
}
