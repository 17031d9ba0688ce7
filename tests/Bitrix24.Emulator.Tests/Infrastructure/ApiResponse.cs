using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>One HTTP answer of the emulator: the status, the raw body, and the body parsed when it is JSON.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The <c>Content-Type</c> media type, or null.</param>
/// <param name="Body">The body as text.</param>
internal sealed record ApiResponse(HttpStatusCode Status, string? ContentType, string Body)
{
    /// <summary>The body parsed as JSON; null when it is empty or not JSON.</summary>
    public JsonNode? Json { get; } = TryParse(Body);

    /// <summary>The <c>result</c> member of a success.</summary>
    public JsonNode? Result => Json?["result"];

    /// <summary>The <c>time</c> block of a success.</summary>
    public JsonObject? Time => Json?["time"] as JsonObject;

    /// <summary>The <c>error</c> code of an error envelope.</summary>
    public string? Error => Json?["error"]?.GetValue<string>();

    /// <summary>The <c>error_description</c> of an error envelope.</summary>
    public string? ErrorDescription => Json?["error_description"]?.GetValue<string>();

    /// <summary>Asserts a 200 with <c>"result": true</c>, the answer of every bot-session method.</summary>
    public ApiResponse AssertTrue()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200 with result true, got {(int)Status}: {Body}");
        Assert.Equal(JsonValueKind.True, Result?.GetValueKind());
        return this;
    }

    /// <summary>Asserts a 200 success and returns its <c>result</c>.</summary>
    public JsonNode? AssertSuccess()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
        Assert.Null(Json?["error"]);
        return Result;
    }

    /// <summary>Asserts an error envelope with this status and code, and nothing else in it.</summary>
    public ApiResponse AssertError(int status, string code)
    {
        Assert.True((int)Status == status && Error == code, $"Expected {status} {code}, got {(int)Status}: {Body}");
        JsonObject envelope = Assert.IsType<JsonObject>(Json);
        Assert.Equal(["error", "error_description"], envelope.Select(p => p.Key).Order(StringComparer.Ordinal));
        return this;
    }

    public override string ToString() => $"{(int)Status} {Body}";

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
