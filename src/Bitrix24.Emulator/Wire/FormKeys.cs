using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Wire;

/// <summary>
/// Builds nested parameters from form keys as PHP does: <c>PARAMS[KEY]=v</c> becomes
/// <c>{"PARAMS":{"KEY":"v"}}</c> and <c>ID[]=1&amp;ID[]=2</c> becomes <c>{"ID":["1","2"]}</c>.
/// </summary>
internal static class FormKeys
{
    public static void Add(JsonObject target, string key, string value)
    {
        int open = key.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || !key.EndsWith(']'))
        {
            target[key] = value;
            return;
        }

        var path = new List<string> { key[..open] };
        string rest = key[open..];
        while (rest.Length > 0 && rest[0] == '[')
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            path.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        JsonNode container = target;
        for (int i = 0; i < path.Count; i++)
        {
            bool last = i == path.Count - 1;
            string segment = path[i];
            bool nextIsAppend = !last && path[i + 1].Length == 0;
            JsonNode? child = last ? JsonValue.Create(value) : nextIsAppend ? new JsonArray() : new JsonObject();
            container = container switch
            {
                JsonArray array => Append(array, child),
                JsonObject obj => Child(obj, segment, child, last),
                _ => container,
            };
        }
    }

    private static JsonNode Append(JsonArray array, JsonNode? child)
    {
        array.Add(child);
        return child ?? array;
    }

    private static JsonNode Child(JsonObject obj, string segment, JsonNode? child, bool last)
    {
        if (last || !obj.TryGetPropertyValue(segment, out JsonNode? existing) || existing is not (JsonObject or JsonArray))
        {
            obj[segment] = child;
            return child!;
        }

        return existing;
    }
}
