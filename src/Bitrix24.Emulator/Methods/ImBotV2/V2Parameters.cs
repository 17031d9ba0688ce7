using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// How <c>imbot.v2</c> handlers read parameters. Unlike the v1 handlers, which upper-case every key, v2 names are
/// camelCase and read exactly as written: <c>botid</c> or <c>BOT_ID</c> is not <c>botId</c>. Values are read as
/// loosely as PHP does (a form body makes every value a string), through <see cref="PhpValue"/>.
/// </summary>
internal static class V2Parameters
{
    /// <summary>A nested object (<c>fields</c>, <c>properties</c>, <c>filter</c>, ...): JSON, or PHP brackets in a form body.</summary>
    public static JsonObject? Object(JsonObject? parameters, string key) => parameters?[key] as JsonObject;

    /// <summary>The value as text, or null when the key is absent or null.</summary>
    public static string? Text(JsonObject? parameters, string key) =>
        parameters is not null && PhpValue.IsSet(parameters, key) ? PhpValue.ToText(parameters[key]) : null;

    /// <summary>The value as text, or null when it is absent, null, empty or only spaces.</summary>
    public static string? NonBlank(JsonNode? value)
    {
        string text = value is null ? string.Empty : PhpValue.ToText(value);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>PHP <c>intval()</c> of the value; 0 when absent.</summary>
    public static long Int(JsonObject? parameters, string key) => PhpValue.ToInt(parameters?[key]);

    /// <summary>Whether the key is present at all (even with null), which tells "reset" from "leave unchanged".</summary>
    public static bool Has(JsonObject? parameters, string key) => parameters is not null && parameters.ContainsKey(key);

    /// <summary>
    /// A boolean: "accept <c>true</c> / <c>false</c>. If your client does not support sending JSON boolean, you can
    /// pass strings <c>"Y"</c> / <c>"N"</c>" (Chatbots 2.0, "Boolean Parameters"). A form body can only send strings,
    /// so <c>"true"</c>/<c>"false"</c> and <c>1</c>/<c>0</c> are read too; anything else keeps the default, as the
    /// docs name no error for it.
    /// </summary>
    public static bool Flag(JsonObject? parameters, string key, bool fallback)
    {
        JsonNode? value = parameters?[key];
        if (value is null or JsonObject or JsonArray)
        {
            return fallback;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => PhpValue.ToInt(value) switch { 1 => true, 0 => false, _ => fallback },
            JsonValueKind.String => value.GetValue<string>().Trim().ToUpperInvariant() switch
            {
                "Y" or "TRUE" or "1" => true,
                "N" or "FALSE" or "0" => false,
                _ => fallback,
            },
            _ => fallback,
        };
    }

    /// <summary>
    /// A positive id as the state's <c>int</c> key. PHP ids are 64-bit: one beyond <c>int</c> is valid but names
    /// nothing, so it maps to 0, which nothing in the state has.
    /// </summary>
    public static int StateId(long id) => id is > 0 and <= int.MaxValue ? (int)id : 0;
}
