using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// PHP's <c>http_build_query($data)</c> with its defaults (<c>PHP_QUERY_RFC1738</c>, <c>&amp;</c> between pairs), which
/// Bitrix24's event system uses to encode a delivery ("The request arrives as <c>application/x-www-form-urlencoded</c>
/// via <c>http_build_query</c>, so the keys have PHP format: <c>data[bot][id]=...</c>", imbot.v2 events.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Nesting: <c>data[bot][id]</c>; a list's items are <c>[0]</c>, <c>[1]</c>, ...; the brackets are percent-encoded
/// (<c>%5B</c>, <c>%5D</c>), as <c>urlencode</c> encodes every character but letters, digits and <c>-_.</c>.</item>
/// <item>Values: UTF-8, a space as <c>+</c>. Every scalar becomes a string ("all scalar values in webhook mode are
/// transmitted as strings"): <c>true</c> is <c>1</c>, <c>false</c> is <c>0</c>, numbers as written.</item>
/// <item><c>null</c> is an empty value (<c>key=</c>), as the docs' "Data Types in Webhook Mode" table says (<c>null</c> → <c>""</c>).
/// PHP's own function would leave the key out; the docs' wording is followed.</item>
/// <item>An empty array or object is left out altogether, key and all, as PHP does.</item>
/// </list>
/// </remarks>
public static class HttpBuildQuery
{
    /// <summary>Encodes an object's members, in order, as one form body.</summary>
    /// <param name="data">The top-level members; each becomes a key or a bracketed family of keys.</param>
    /// <returns>The body, e.g. <c>event=ONIMBOTV2MESSAGEADD&amp;data%5Bbot%5D%5Bid%5D=456</c>.</returns>
    public static string Encode(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new StringBuilder();
        foreach ((string key, JsonNode? value) in data)
        {
            Append(body, UrlEncode(key), value);
        }

        return body.ToString();
    }

    /// <summary>
    /// The pairs of a body, decoded: keys such as <c>data[bot][id]</c> with their values, in order. The inverse of
    /// <see cref="Encode"/> for reading what a receiver got.
    /// </summary>
    /// <param name="body">A form body.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            pairs.Add(new KeyValuePair<string, string>(UrlDecode(key), UrlDecode(value)));
        }

        return pairs;
    }

    /// <summary>PHP <c>urlencode</c>: letters, digits and <c>-_.</c> stay, a space is <c>+</c>, every other UTF-8 byte is <c>%XX</c>.</summary>
    public static string UrlEncode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                encoded.Append(c);
            }
            else if (c == ' ')
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static string UrlDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static void Append(StringBuilder body, string prefix, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach ((string key, JsonNode? child) in obj)
                {
                    Append(body, prefix + "%5B" + UrlEncode(key) + "%5D", child);
                }

                return;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Append(body, prefix + "%5B" + i.ToString(CultureInfo.InvariantCulture) + "%5D", array[i]);
                }

                return;
        }

        if (body.Length > 0)
        {
            body.Append('&');
        }

        body.Append(prefix).Append('=').Append(UrlEncode(Scalar(value)));
    }

    /// <summary>How PHP turns a scalar into text here: strings as they are, numbers as written, true <c>1</c>, false <c>0</c>, null empty.</summary>
    private static string Scalar(JsonNode? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => string.Empty,
        };
    }
}
