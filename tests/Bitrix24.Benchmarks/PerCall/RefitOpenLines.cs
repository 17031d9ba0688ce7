using System.Text.Json.Serialization;
using Refit;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>The same call written as a Refit interface, the way a Refit user would (default settings: System.Text.Json).</summary>
public interface IRefitOpenLines
{
    [Post("/" + SendCall.Method)]
    Task<RefitEnvelope<bool>> SendAsync([Body] RefitSendBody body, CancellationToken cancellationToken = default);
}

/// <summary>The body, with the portal's wire names.</summary>
public sealed class RefitSendBody
{
    [JsonPropertyName("CHAT_ID")]
    public int ChatId { get; set; }

    [JsonPropertyName("NAME")]
    public string? Name { get; set; }

    [JsonPropertyName("MESSAGE")]
    public string? Message { get; set; }
}

/// <summary>The answer's <c>result</c>; everything else in it is skipped by the serializer.</summary>
public sealed class RefitEnvelope<T>
{
    [JsonPropertyName("result")]
    public T Result { get; set; } = default!;
}
