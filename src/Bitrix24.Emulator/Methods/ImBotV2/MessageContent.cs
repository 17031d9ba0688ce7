using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// The content members of <c>fields</c> shared by <c>Chat.Message.send</c>, <c>Chat.Message.update</c> and
/// <c>Command.answer</c>: <c>message</c> (20,000 characters), <c>attach</c> (60,000 serialized) and <c>keyboard</c>.
/// ATTACH and KEYBOARD keep the v1 UPPER_CASE structures; the emulator stores them exactly as sent, in the full or
/// the short form, so a test sees what its client put on the wire.
/// </summary>
internal static class MessageContent
{
    /// <summary>"Maximum length — 20,000 characters. If exceeded, the text is truncated with ` (...)` added."</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>"Maximum size of serialized ATTACH: 60,000 characters."</summary>
    public const int MaxAttachLength = 60_000;

    private const string Ellipsis = " (...)";

    private static readonly string[] BlockTypes = ["MESSAGE", "LINK", "USER", "GRID", "IMAGE", "FILE", "DELIMITER"];

    /// <summary>
    /// The text as posted: trimmed (the v1 page says so of <c>MESSAGE</c>; v2 is silent and uses the same messenger),
    /// and cut to 20,000 characters with <c> (...)</c> appended. Characters are Unicode code points, as PHP's
    /// <c>mb_*</c> functions count them, so a surrogate pair is never split.
    /// </summary>
    public static string Text(JsonObject? fields)
    {
        string text = V2Parameters.Text(fields, "message")?.Trim() ?? string.Empty;
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        var cut = new StringBuilder(MaxTextLength + Ellipsis.Length);
        int count = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (count++ == MaxTextLength)
            {
                return cut.Append(Ellipsis).ToString();
            }

            cut.Append(rune.ToString());
        }

        return text;
    }

    /// <summary>
    /// <c>fields.attach</c>: absent (not given), empty or <c>"N"</c> (no attachment), or an attachment in the full
    /// form (<c>{ID, COLOR_TOKEN, COLOR, BLOCKS}</c>) or the short one (an array of blocks), possibly as a JSON string.
    /// Over 60,000 serialized characters is <c>ATTACH_OVERSIZE</c>; a structure that is not one of the two forms, or a
    /// block that is not an object with a single key naming a block type, is <c>ATTACH_ERROR</c>.
    /// </summary>
    public static (bool Given, JsonNode? Value) Attach(JsonObject? fields)
    {
        if (fields is null || !fields.TryGetPropertyValue("attach", out JsonNode? value) || value is null)
        {
            return (false, null);
        }

        JsonNode? attach = FromJsonString(value, out bool empty);
        if (empty)
        {
            return (true, null);
        }

        if (attach is null || attach.ToJsonString().Length > MaxAttachLength)
        {
            throw attach is null ? ImBotV2Errors.AttachError() : ImBotV2Errors.AttachOversize();
        }

        IReadOnlyList<JsonNode?>? blocks = attach is JsonObject full && !IsList(full)
            ? List(full["BLOCKS"])
            : List(attach);
        if (blocks is null || blocks.Count == 0 || !blocks.All(IsBlock))
        {
            throw ImBotV2Errors.AttachError();
        }

        return (true, attach);
    }

    /// <summary>
    /// <c>fields.keyboard</c>: absent (not given), <c>"N"</c> or an empty value (no keyboard: "To disable button
    /// display, pass KEYBOARD: 'N' or an empty value"), or the keyboard as sent: the full form
    /// <c>{BOT_ID, BUTTONS}</c>, the short form (a bare array of buttons), or either as a JSON string, kept parsed.
    /// The docs name no keyboard error, so a string that is not JSON is kept as it is.
    /// </summary>
    public static (bool Given, JsonNode? Value) Keyboard(JsonObject? fields)
    {
        if (fields is null || !fields.TryGetPropertyValue("keyboard", out JsonNode? value) || value is null)
        {
            return (false, null);
        }

        JsonNode? keyboard = FromJsonString(value, out bool empty);
        return empty ? (true, null) : (true, keyboard ?? value.DeepClone());
    }

    /// <summary>
    /// The buttons of a keyboard as the user sees them: the <c>BUTTONS</c> of the full form or the items of the short
    /// one, without the <c>TYPE: NEWLINE</c> line breaks; empty when it is neither form.
    /// </summary>
    public static IReadOnlyList<JsonObject> Buttons(JsonNode? keyboard)
    {
        IReadOnlyList<JsonNode?>? buttons = keyboard is JsonObject full && !IsList(full) ? List(full["BUTTONS"]) : List(keyboard);
        return buttons?.OfType<JsonObject>().Where(b => PhpValue.ToText(b["TYPE"]) != "NEWLINE").ToArray() ?? [];
    }

    /// <summary>The keyboard's <c>BOT_ID</c> (the bot its command buttons are routed to), or 0 when it names none.</summary>
    public static long KeyboardBotId(JsonNode? keyboard) =>
        keyboard is JsonObject full && !IsList(full) ? PhpValue.ToInt(full["BOT_ID"]) : 0;

    /// <summary>Whether a keyboard has a button with this <c>COMMAND</c> (with or without its slash).</summary>
    public static bool HasCommandButton(JsonNode? keyboard, string command)
    {
        IReadOnlyList<JsonNode?>? buttons = keyboard is JsonObject full && !IsList(full) ? List(full["BUTTONS"]) : List(keyboard);
        return buttons is not null && buttons.OfType<JsonObject>().Any(button =>
            PhpValue.ToText(button["COMMAND"]).TrimStart('/') == command);
    }

    /// <summary>
    /// The value as a structure: an object or array as it is (copied); a string holding JSON, parsed. <paramref name="empty"/>
    /// is true for the "nothing" values: null, <c>""</c>, <c>"N"</c>, <c>false</c>, <c>[]</c> and <c>{}</c>. Null for any other string or scalar.
    /// </summary>
    private static JsonNode? FromJsonString(JsonNode value, out bool empty)
    {
        empty = false;
        switch (value)
        {
            case JsonObject obj:
                empty = obj.Count == 0;
                return obj.DeepClone();
            case JsonArray array:
                empty = array.Count == 0;
                return array.DeepClone();
        }

        if (value.GetValueKind() == JsonValueKind.False)
        {
            empty = true;
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        string text = value.GetValue<string>().Trim();
        if (text.Length == 0 || text == "N")
        {
            empty = true;
            return null;
        }

        try
        {
            JsonNode? parsed = JsonNode.Parse(text);
            return parsed is JsonObject or JsonArray ? FromJsonString(parsed, out empty) : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not JSON (or JSON that repeats a property name, which JsonObject cannot hold).
            return null;
        }
    }

    /// <summary>An array, or an object whose keys are 0, 1, 2, ... (a PHP list from a form body's <c>attach[0][MESSAGE]</c>).</summary>
    private static IReadOnlyList<JsonNode?>? List(JsonNode? node) => node switch
    {
        JsonArray array => array.ToArray(),
        JsonObject obj when IsList(obj) => obj.Select(p => p.Value).ToArray(),
        _ => null,
    };

    private static bool IsList(JsonObject obj) =>
        obj.Count > 0 && obj.Select((p, i) => p.Key == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(match => match);

    /// <summary>"Each element is an object with a single top-level key, and this key sets the block type."</summary>
    private static bool IsBlock(JsonNode? block) =>
        block is JsonObject { Count: 1 } obj && BlockTypes.Contains(obj.First().Key, StringComparer.Ordinal);
}
