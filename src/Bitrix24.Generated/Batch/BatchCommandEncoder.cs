using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// Turns a command into the string a <c>batch</c> carries in <c>cmd</c> (REST docs, batch: in a JSON body
/// each command is a plain query string, <c>method?PARAM=value&amp;...</c>). It works for any method:
/// the method's own parameter writer writes a JSON object, which is then spelled as PHP's
/// <c>http_build_query</c> would: strings and numbers as they are, percent-encoded
/// (<see cref="Uri.EscapeDataString(string)"/>); <c>true</c>/<c>false</c> as <c>1</c>/<c>0</c>; lists as
/// <c>KEY[0]=a&amp;KEY[1]=b</c>; objects as <c>KEY[SUB]=v</c>; <c>null</c> and empty lists or objects
/// left out (a query string cannot say "empty list"). Brackets stay readable; the portal decodes
/// names and values before it reads them, as it does for any query string.
/// </summary>
internal static class BatchCommandEncoder
{
    public static string Encode<TRequest, TResult>(Bitrix24Method<TRequest, TResult> method, TRequest request)
    {
        using CachedJsonWriter parameters = CachedJsonWriter.Rent();
        Utf8JsonWriter writer = parameters.Json;
        writer.WriteStartObject();
        method.WriteParameters(writer, request);
        writer.WriteEndObject();
        string query = ToQuery(parameters.WrittenSpan);
        return query.Length == 0 ? method.Name : method.Name + "?" + query;
    }

    /// <summary>The query string of a JSON object: <c>{"CHAT_ID":112,"MESSAGE":"Hi!"}</c> → <c>CHAT_ID=112&amp;MESSAGE=Hi%21</c>.</summary>
    internal static string ToQuery(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var query = new StringBuilder();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The parameters are not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = Uri.EscapeDataString(reader.GetString()!);
            reader.Read();
            AppendValue(ref reader, query, key);
        }

        return query.ToString();
    }

    private static void AppendValue(ref Utf8JsonReader reader, StringBuilder query, string key)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string child = key + "[" + Uri.EscapeDataString(reader.GetString()!) + "]";
                    reader.Read();
                    AppendValue(ref reader, query, child);
                }

                break;
            case JsonTokenType.StartArray:
                // Indexes count every item, so a null item leaves a gap as in PHP (KEY[0]=a&KEY[2]=c).
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    AppendValue(ref reader, query, key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                    index++;
                }

                break;
            case JsonTokenType.String:
                Append(query, key, Uri.EscapeDataString(reader.GetString()!));
                break;
            case JsonTokenType.Number:
                // The writer's own spelling of the number (112, 1.5, 1E+20), encoded like any text.
                Append(query, key, Uri.EscapeDataString(Encoding.UTF8.GetString(reader.ValueSpan)));
                break;
            case JsonTokenType.True:
                Append(query, key, "1");
                break;
            case JsonTokenType.False:
                Append(query, key, "0");
                break;
            default:
                // null: not sent, as an unset optional parameter is not sent in a direct call.
                break;
        }
    }

    private static void Append(StringBuilder query, string key, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(key).Append('=').Append(value);
    }
}
