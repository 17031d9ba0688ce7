using System.Text;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>
/// A raw <see cref="HttpClient"/> on the emulator's base URL: JSON and form posts and GETs that return an
/// <see cref="ApiResponse"/> whatever the status. No SDK is involved, so the emulator is checked on its own.
/// </summary>
internal sealed class EmulatorHttp : IDisposable
{
    private readonly HttpClient _client;

    public EmulatorHttp(Uri baseUrl)
    {
        _client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>POSTs <paramref name="body"/> as <c>application/json</c> (an empty object when null).</summary>
    public Task<ApiResponse> PostJsonAsync(string path, JsonNode? body = null) =>
        PostRawAsync(path, (body ?? new JsonObject()).ToJsonString(), "application/json");

    /// <summary>POSTs the fields as <c>application/x-www-form-urlencoded</c>, keys such as <c>PARAMS[KEY]</c> as they are.</summary>
    public Task<ApiResponse> PostFormAsync(string path, params (string Key, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });
    }

    /// <summary>POSTs a body exactly as given.</summary>
    public Task<ApiResponse> PostRawAsync(string path, string body, string contentType) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    /// <summary>GETs a path with its query string.</summary>
    public Task<ApiResponse> GetAsync(string pathAndQuery) => SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using HttpResponseMessage response = await _client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
    }

    public void Dispose() => _client.Dispose();
}
