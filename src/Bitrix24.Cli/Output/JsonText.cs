using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bitrix24.Cli.Output;

/// <summary>JSON as people read it: indented, with non-ASCII text (Cyrillic messages) left readable.</summary>
internal static class JsonText
{
    // Printed to a terminal, never embedded in HTML, so the relaxed encoder is safe.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
