using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Recording;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>Assertions on what went over the wire.</summary>
public static class JsonAssert
{
    /// <summary>
    /// Same JSON value: property order is ignored, but names, types (<c>112</c> is not <c>"112"</c>)
    /// and the set of properties must match, so an extra or missing parameter fails.
    /// </summary>
    public static void Equivalent(string expected, string actual)
    {
        JsonNode? want = JsonNode.Parse(expected);
        JsonNode? got = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(want, got), $"JSON differs.\nExpected: {expected}\nActual:   {actual}");
    }

    /// <summary>The portal received a JSON POST (charset, if given, must be UTF-8).</summary>
    public static void IsJsonPost(ReceivedRequest request)
    {
        Assert.Equal("POST", request.HttpMethod);
        Assert.NotNull(request.ContentType);
        var contentType = MediaTypeHeaderValue.Parse(request.ContentType);
        Assert.Equal("application/json", contentType.MediaType);
        Assert.True(contentType.CharSet is null || string.Equals(contentType.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase), "charset " + contentType.CharSet);
    }
}
