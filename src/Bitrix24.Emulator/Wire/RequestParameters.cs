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
internal sealed record RequestParameters(JsonObject Values, string Body, string? Problem)
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
        string? problem = null;
        if (body.Length > 0)
        {
            problem = IsForm(request.ContentType) ? MergeForm(values, body) : MergeJson(values, body);
        }

        return new RequestParameters(values, body, problem);
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

    private static string? MergeJson(JsonObject values, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                return "the JSON body is not an object";
            }

            foreach (string key in parsed.Select(p => p.Key).ToArray())
            {
                JsonNode? value = parsed[key];
                parsed.Remove(key);
                values[key] = value;
            }

            return null;
        }
        catch (JsonException e)
        {
            return "the body is not valid JSON: " + e.Message;
        }
    }
}
