using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>The JSON answers and body reading the <c>/_emulator/*</c> endpoints share; errors are <c>{"error": "..."}</c>.</summary>
internal static class InspectionResults
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(int status, JsonNode body) =>
        Results.Text(body.ToJsonString(Options), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static IResult NotFound(string error) => Error(404, error);

    public static IResult BadRequest(string error) => Error(400, error);

    public static IResult Error(int status, string error) => Json(status, new JsonObject { ["error"] = error });

    /// <summary>The body as a JSON object, or null when it is not one (or repeats a property name).</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            JsonObject? body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
            _ = body?.Count; // a repeated property name throws here, not later
            return body;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static int? Integer(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int number) ? number : null;

    public static string? Text(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>An exception's message without .NET's <c> (Parameter 'x')</c> suffix.</summary>
    public static string Message(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
}
