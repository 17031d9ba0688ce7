using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Wire;

/// <summary>Key handling the portal's handlers do before reading parameters.</summary>
public static class ParameterKeys
{
    /// <summary>
    /// PHP <c>array_change_key_case($params, CASE_UPPER)</c> on the top level: <c>chat_id</c> is read as
    /// <c>CHAT_ID</c>; when two keys collide the later one wins. Most handlers do this; not all
    /// (<c>imopenlines.bot.session.transfer</c> does not).
    /// </summary>
    public static JsonObject UpperCased(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var upper = new JsonObject();
        foreach ((string key, JsonNode? value) in parameters)
        {
            upper[key.ToUpperInvariant()] = value?.DeepClone();
        }

        return upper;
    }
}
