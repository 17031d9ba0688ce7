using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitrix24.Emulator.Wire;

/// <summary>The parameters of one HTTP request: query string and body merged, body winning, as the portal reads them.</summary>
/// <param name="Values">The merged parameters; form keys like <c>PARAMS[KEY]</c> are nested.</param>
/// <param name="Body">The body as received (UTF-8).</param>
/// <param name="Problem">Why the body could not be read (it then counts as empty, as PHP's decoder leaves it), or null.</param>
/// <param name="Refused">
/// Whether the portal answers the request with 400 instead of running it: a JSON body that repeats a property name.
/// PHP's decoder would keep the last value silently; the emulator refuses, so a client's bug shows up in tests.
/// </param>
internal sealed record RequestParameters(JsonObject Values, string Body, string? Problem, bool Refused = false)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<RequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new JsonObject();
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues items) in request.Query)
        {
            foreach (string? item in items)
            {
                FormKeys.Add(values, key, item ?? string.Empty);
            }
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            return new RequestParameters(values, string.Empty, $"the body is larger than {MaxBodyBytes} bytes");
        }

        string body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (body.Length == 0)
        {
            return new RequestParameters(values, body, null);
        }

        if (IsForm(request.ContentType))
        {
            return new RequestParameters(values, body, MergeForm(values, body));
        }

        (string? problem, bool refused) = MergeJson(values, body);
        return new RequestParameters(values, body, problem, refused);
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string? MergeForm(JsonObject values, string body)
    {
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues items) in QueryHelpers.ParseQuery(body))
        {
            foreach (string? item in items)
            {
                FormKeys.Add(values, key, item ?? string.Empty);
            }
        }

        return null;
    }

    private static (string? Problem, bool Refused) MergeJson(JsonObject values, string body)
    {
        try
        {
            // JsonObject cannot hold a repeated name (it throws ArgumentException), so repeats are found first, with their path.
            using (JsonDocument document = JsonDocument.Parse(body))
            {
                if (FindRepeatedProperty(document.RootElement, "$") is { } repeated)
                {
                    return ("the JSON body repeats the property " + repeated, true);
                }
            }

            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                return ("the JSON body is not an object", false);
            }

            foreach (string key in parsed.Select(p => p.Key).ToArray())
            {
                JsonNode? value = parsed[key];
                parsed.Remove(key);
                values[key] = value;
            }

            return (null, false);
        }
        catch (JsonException e)
        {
            return ("the body is not valid JSON: " + e.Message, false);
        }
    }

    /// <summary>The path of the first property name repeated within one object (<c>$.fields.message</c>), or null.</summary>
    private static string? FindRepeatedProperty(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string propertyPath = path + "." + property.Name;
                    if (!names.Add(property.Name))
                    {
                        return propertyPath;
                    }

                    if (FindRepeatedProperty(property.Value, propertyPath) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FindRepeatedProperty(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
