using System.Text.Json;

namespace Bitrix24;

/// <summary>
/// The helpers generated object types use: objects read member by member (PHP's empty array
/// <c>[]</c> standing for an empty object), string-keyed maps, raw JSON, PHP's <c>false</c> standing
/// for "none", and the member path of a failure (<c>bot.properties.name</c>), built only when one
/// happens: each reader and writer rethrows with its member in front.
/// </summary>
public static partial class Bitrix24Json
{
    /// <summary>
    /// On an object's <c>{</c>: true. On <c>[]</c>, which PHP writes for an empty associative array: false,
    /// with the reader on the <c>]</c> (the object has no members). Anything else is not an object.
    /// </summary>
    public static bool ReadObjectStart(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            Utf8JsonReader next = reader;
            if (next.Read() && next.TokenType == JsonTokenType.EndArray)
            {
                reader = next;
                return false;
            }
        }

        throw Unexpected(ref reader, "an object");
    }

    /// <summary>
    /// True on <c>null</c>, and on <c>false</c>, which PHP sends for "none" where a value of another type
    /// is expected (a user's <c>absent</c>, <c>phones</c>, a file's <c>image</c>). Only for members that
    /// are not booleans themselves.
    /// </summary>
    public static bool IsNullOrFalse(ref Utf8JsonReader reader) => reader.TokenType is JsonTokenType.Null or JsonTokenType.False;

    /// <summary>
    /// <see cref="IsNullOrFalse"/>, or an empty string: how a form-encoded event delivery (PHP's
    /// <c>http_build_query</c>) writes null. For numbers, enums, lists and maps.
    /// </summary>
    public static bool IsNone(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Null or JsonTokenType.False
        || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty && !reader.HasValueSequence);

    /// <summary>
    /// <see cref="IsNone"/>, or the string <c>"0"</c>: how a form-encoded delivery writes PHP's <c>false</c>.
    /// For objects, lists, maps and dates, which "0" cannot be.
    /// </summary>
    public static bool IsNoneOrZero(ref Utf8JsonReader reader) =>
        IsNone(ref reader) || (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && reader.ValueSpan.SequenceEqual("0"u8));

    /// <summary>Reads any JSON value as it is (the <c>json</c> type), detached from the reader's buffer.</summary>
    public static JsonElement ReadJson(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Reads a string-keyed map (<c>map&lt;T&gt;</c>). <c>null</c> and PHP's empty array <c>[]</c> read as
    /// an empty map. A repeated key keeps its last value, as PHP does.
    /// </summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, Bitrix24ResultReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.Null || !ReadObjectStart(ref reader))
        {
            return map;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = readItem(ref reader);
            }
            catch (JsonException ex)
            {
                throw InMember(ex, key);
            }
        }

        return map;
    }

    /// <summary>
    /// Reads the member <paramref name="member"/> of an object with <paramref name="readValue"/>, skipping the
    /// others: a method whose <c>result</c> is <c>{"result": true}</c> returns that <c>true</c>. A value that
    /// is not an object is read as it is, for portals that answer without the wrapper.
    /// </summary>
    public static T ReadMember<T>(ref Utf8JsonReader reader, string member, Bitrix24ResultReader<T> readValue)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(readValue);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return readValue(ref reader);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(member))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            T value;
            try
            {
                value = readValue(ref reader);
            }
            catch (JsonException ex)
            {
                throw InMember(ex, member);
            }

            // The rest of the object is of no interest; the envelope reader never looks at it again.
            return value;
        }

        throw MissingMember(member);
    }

    /// <summary>The failure of a required member that is missing from an object, or null where it may not be.</summary>
    public static JsonException MissingMember(string member) => new("The member is missing or null.", member, null, null);

    /// <summary>Reads a string that may not be null (an item of a <c>string[]</c> or <c>map&lt;string&gt;</c>).</summary>
    public static string ReadRequiredString(ref Utf8JsonReader reader) =>
        ReadString(ref reader) ?? throw new JsonException("Expected a string but found null.");

    /// <summary>
    /// <paramref name="inner"/> again, with <paramref name="member"/> in front of its path:
    /// <c>id</c> within <c>bot</c> becomes <c>bot.id</c>, <c>[2]</c> within <c>users</c> becomes <c>users[2]</c>.
    /// </summary>
    public static JsonException InMember(JsonException inner, string member)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new JsonException(BaseMessage(inner), Join(member, inner.Path), null, null, inner.InnerException ?? inner);
    }

    /// <summary>The failure of writing a required member that is null; the writer it is thrown in puts the member's name in front.</summary>
    public static ArgumentException RequiredMember() => new("A required member is null.", string.Empty);

    /// <summary><paramref name="inner"/> again, with <paramref name="member"/> in front of the member path in its <see cref="ArgumentException.ParamName"/>.</summary>
    public static ArgumentException InMember(ArgumentException inner, string member)
    {
        ArgumentNullException.ThrowIfNull(inner);
        string path = Join(member, inner.ParamName);
        return new ArgumentException(path + " is required.", path);
    }

    /// <summary>
    /// The writing failure of a method's parameter, as the caller sees it: which member is missing, in
    /// which method, and that nothing was sent.
    /// </summary>
    public static ArgumentException RequiredMemberOf(ArgumentException inner, string parameter, string method)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new ArgumentException(Join(parameter, inner.ParamName) + " is required by " + method + "; nothing was sent.", "request", inner);
    }

    private static string Join(string member, string? path) =>
        string.IsNullOrEmpty(path) ? member
        : member.Length == 0 || path![0] == '[' ? member + path
        : member + "." + path;

    /// <summary>The message without the " Path: ..." that <see cref="JsonException"/> adds when it has a path.</summary>
    private static string BaseMessage(JsonException exception)
    {
        string message = exception.Message;
        int at = exception.Path is null ? -1 : message.LastIndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
