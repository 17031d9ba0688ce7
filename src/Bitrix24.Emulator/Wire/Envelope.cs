using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Wire;

/// <summary>Response bodies as the portal writes them: <c>{"result":…,"time":{…}}</c> or <c>{"error":…,"error_description":…}</c>.</summary>
internal static class Envelope
{
    /// <summary>Readable output: non-ASCII text and <c>+</c> unescaped. Portals may escape them; a client must read both forms.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Success(JsonNode? result, TimeBlock time) => Write(writer =>
    {
        writer.WritePropertyName("result");
        WriteValue(writer, result);
        writer.WritePropertyName("time");
        time.WriteTo(writer);
    });

    public static byte[] Error(string code, string description) => Write(writer =>
    {
        writer.WriteString("error", code);
        writer.WriteString("error_description", description);
    });

    /// <summary>An object body with any members, e.g. the OAuth server's token response.</summary>
    public static byte[] Object(JsonObject members) => Write(writer =>
    {
        foreach ((string key, JsonNode? value) in members)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
    });

    public static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
