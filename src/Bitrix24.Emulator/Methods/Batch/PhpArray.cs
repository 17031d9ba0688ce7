using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Methods.Batch;

/// <summary>
/// A PHP array being built, encoded as <c>json_encode</c> does: a list (keys 0..n-1 in order) becomes a
/// JSON array, anything else an object, and an empty one <c>[]</c> (REST docs, batch: empty members are <c>[]</c>).
/// </summary>
internal sealed class PhpArray
{
    private readonly List<KeyValuePair<string, JsonNode?>> _items = [];

    public void Add(string key, JsonNode? value) => _items.Add(new(key, value));

    public JsonNode ToJson()
    {
        bool isList = true;
        for (int i = 0; i < _items.Count && isList; i++)
        {
            isList = _items[i].Key == i.ToString(CultureInfo.InvariantCulture);
        }

        if (isList)
        {
            return new JsonArray(_items.Select(i => i.Value).ToArray());
        }

        var obj = new JsonObject();
        foreach ((string key, JsonNode? value) in _items)
        {
            obj[key] = value;
        }

        return obj;
    }
}
