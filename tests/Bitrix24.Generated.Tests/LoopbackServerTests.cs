using System.Text;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>The test server itself: the other tests are only as good as what it records.</summary>
public sealed class LoopbackServerTests
{
    [Fact]
    public async Task It_listens_on_127_0_0_1_and_records_requests_in_order()
    {
        await using var server = await LoopbackServer.StartAsync(request => Reply.Text(201, "echo:" + request.Body, "text/plain"));
        using var http = new HttpClient();

        using HttpResponseMessage first = await http.PostAsync(server + "/a/b?x=1", new StringContent("one", Encoding.UTF8, "text/plain"));
        using HttpResponseMessage second = await http.PutAsync(server + "/c", new StringContent("""{"k":2}""", Encoding.UTF8, "application/json"));

        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(201, (int)first.StatusCode);
        Assert.Equal("echo:one", await first.Content.ReadAsStringAsync());
        Assert.Collection(
            server.Requests,
            r => Assert.Equal(new RecordedRequest("POST", "/a/b", "?x=1", "text/plain; charset=utf-8", "one"), r),
            r => Assert.Equal(new RecordedRequest("PUT", "/c", "", "application/json; charset=utf-8", """{"k":2}"""), r));
    }
}
