using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Bitrix24.Inbound;

/// <summary>
/// Reads a delivery's JSON (a JSON body, or a form body after <see cref="PhpFormDecoder"/>): for a JSON body first a
/// pass over every token that enforces <see cref="Bitrix24EventLimits"/> (depth, keys, value length, UTF-8), as the
/// decoder does for a form body; then the top level. Never throws for bad input: the result names the problem.
/// </summary>
internal static class EventEnvelopeReader
{
    /// <summary>Reads the top level; <paramref name="checkLimits"/> (a JSON body) holds the JSON to the limits first, which the form decoder already did for what it wrote.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> json, Bitrix24EventLimits limits, bool checkLimits, TimeProvider time, out EventEnvelope? envelope, out string? error)
    {
        envelope = null;
        error = null;
        if (checkLimits && !TryCheckLimits(json.Span, limits, out error))
        {
            return false;
        }

        try
        {
            return TryReadTopLevel(json, limits, time, out envelope, out error);
        }
        catch (JsonException ex)
        {
            // Only a bug of the decoder could get here (a JSON body was checked whole); still a 400, never a 500.
            error = "not valid JSON: " + ex.Message;
            return false;
        }
    }

    private static bool TryReadTopLevel(ReadOnlyMemory<byte> json, Bitrix24EventLimits limits, TimeProvider time, out EventEnvelope? envelope, out string? error)
    {
        envelope = null;
        error = null;
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "the body is not an object of event, data and auth";
            return false;
        }

        string? name = null;
        Bitrix24EventAuth? auth = null;
        DateTimeOffset? timestamp = null;
        ReadOnlyMemory<byte> data = default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string member = reader.GetString()!;
            reader.Read();
            if (member is "event" or "auth" or "data" or "ts" && !seen.Add(member))
            {
                // A form body cannot repeat a key either: which copy counts must never be a question.
                error = "'" + member + "' is given twice";
                return false;
            }

            switch (member)
            {
                case "event":
                    if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } text)
                    {
                        error = "'event' is not the event's name";
                        return false;
                    }

                    name = text;
                    break;
                case "auth":
                    if (!TryReadAuth(ref reader, time, out auth, out error))
                    {
                        return false;
                    }

                    break;
                case "ts":
                    timestamp = ReadUnixTime(ref reader);
                    break;
                case "data":
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                    {
                        error = "'data' is not an object";
                        return false;
                    }

                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    data = json.Slice(start, (int)reader.BytesConsumed - start);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (name is null)
        {
            error = "the delivery has no 'event'";
            return false;
        }

        envelope = new EventEnvelope { EventName = name, Auth = auth, Timestamp = timestamp, Data = data };
        return true;
    }

    /// <summary>One pass over the tokens: a JSON body gets the same bounds as a form body.</summary>
    private static bool TryCheckLimits(ReadOnlySpan<byte> json, Bitrix24EventLimits limits, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        int keys = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    // Every value counts (a member's, or a list item's), so a list of a million items is refused too.
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                        or JsonTokenType.StartObject or JsonTokenType.StartArray when ++keys > limits.MaxKeys:
                        error = $"more than {limits.MaxKeys} keys and items";
                        return false;
                    case JsonTokenType.PropertyName when reader.ValueSpan.Length > limits.MaxKeyBytes:
                        error = $"a key longer than {limits.MaxKeyBytes} bytes";
                        return false;
                    case JsonTokenType.String when reader.ValueSpan.Length > limits.MaxValueBytes:
                        error = $"a value longer than {limits.MaxValueBytes} bytes";
                        return false;
                    case JsonTokenType.String or JsonTokenType.PropertyName when !IsValidText(ref reader):
                        error = "a string that is not valid UTF-8";
                        return false;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and byte, never a value.
            error = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"nested deeper than {limits.MaxDepth} levels"
                : "not valid JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>Valid UTF-8, escapes included (<c>\ud800</c> alone is not text).</summary>
    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadAuth(ref Utf8JsonReader reader, TimeProvider time, out Bitrix24EventAuth? auth, out string? error)
    {
        auth = null;
        error = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "'auth' is not an object";
            return false;
        }

        string? memberId = null, domain = null, accessToken = null, refreshToken = null, scope = null, status = null, applicationToken = null;
        Uri? clientEndpoint = null, serverEndpoint = null;
        DateTimeOffset? expiresAt = null;
        long? expiresIn = null;
        int? userId = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (!keys.Add(key))
            {
                error = "'auth' gives '" + (key.Length > 40 ? key[..40] : key) + "' twice";
                return false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            string? value = Scalar(ref reader);
            switch (key)
            {
                case "member_id": memberId = value; break;
                case "domain": domain = value; break;
                case "access_token": accessToken = value; break;
                case "refresh_token": refreshToken = value; break;
                case "scope": scope = value; break;
                case "status": status = value; break;
                case "application_token": applicationToken = value; break;
                case "client_endpoint": clientEndpoint = AbsoluteUri(value); break;
                case "server_endpoint": serverEndpoint = AbsoluteUri(value); break;
                case "user_id": userId = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int user) ? user : null; break;
                case "expires":
                    expiresAt = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long at) && at is > 0 and < 253402300799
                        ? DateTimeOffset.FromUnixTimeSeconds(at)
                        : null;
                    break;
                case "expires_in":
                    expiresIn = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds < 100L * 365 * 86400 ? seconds : null;
                    break;
            }
        }

        auth = new Bitrix24EventAuth
        {
            MemberId = memberId,
            Domain = domain,
            ClientEndpoint = clientEndpoint,
            ServerEndpoint = serverEndpoint,
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            ExpiresAt = expiresAt ?? (expiresIn is { } inSeconds ? time.GetUtcNow().AddSeconds(inSeconds) : null),
            Scope = scope,
            Status = status,
            UserId = userId,
            ApplicationToken = applicationToken,
        };
        return true;
    }

    /// <summary>Every scalar as text: a form writes them all as strings, a JSON body may not.</summary>
    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() is { Length: > 0 } text ? text : null,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };

    private static Uri? AbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static DateTimeOffset? ReadUnixTime(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> text = reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped ? reader.ValueSpan : default;
        return Utf8Parser.TryParse(text, out long seconds, out int consumed) && consumed == text.Length && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}
