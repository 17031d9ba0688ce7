using System.Text;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Events.Tests;

/// <summary>A JSON delivery is held to the same rules as a form body: no repeated top-level or auth keys, and every list item counts toward the key limit.</summary>
public sealed class JsonDeliveryTests
{
    private const string Token = "json-token";

    [Theory]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","auth":{"application_token":"forged"},"auth":{"application_token":"json-token"},"data":{"bot":{"id":1},"message":{"id":2}}}""", "'auth' is given twice")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","event":"ONIMBOTV2JOINCHAT","auth":{"application_token":"json-token"},"data":{"bot":{"id":1},"message":{"id":2}}}""", "'event' is given twice")]
    [InlineData("""{"event":"ONIMBOTV2MESSAGEADD","auth":{"application_token":"forged","application_token":"json-token"},"data":{"bot":{"id":1},"message":{"id":2}}}""", "twice")]
    public async Task A_repeated_key_is_refused_as_a_form_body_would_be(string body, string problem)
    {
        var (receiver, handled) = Build();

        Bitrix24EventReceipt receipt = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body), "application/json", default);

        Assert.Equal(400, receipt.StatusCode);
        Assert.Contains(problem, receipt.Problem, StringComparison.Ordinal);
        Assert.Equal(0, handled());
    }

    [Fact]
    public async Task List_items_count_toward_the_key_limit()
    {
        var (receiver, handled) = Build();
        string items = string.Join(",", Enumerable.Repeat("1", 5000));
        string body = """{"event":"ONIMBOTV2MESSAGEADD","auth":{"application_token":"json-token"},"data":{"bot":{"id":1},"message":{"id":2,"params":[""" + items + "]}}}";

        Bitrix24EventReceipt receipt = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body), "application/json", default);

        Assert.Equal(400, receipt.StatusCode);
        Assert.Contains("keys and items", receipt.Problem, StringComparison.Ordinal);
        Assert.Equal(0, handled());
    }

    [Fact]
    public async Task A_date_out_of_range_is_malformed_not_a_failure()
    {
        var (receiver, handled) = Build();
        string body = """{"event":"ONIMBOTV2MESSAGEADD","auth":{"application_token":"json-token"},"data":{"bot":{"id":1},"message":{"id":2,"date":99999999999999}}}""";

        Bitrix24EventReceipt receipt = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body), "application/json", default);

        Assert.Equal(400, receipt.StatusCode);
        Assert.Equal(0, handled());
    }

    private static (Bitrix24EventReceiver Receiver, Func<int> Handled) Build()
    {
        int handled = 0;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBitrix24Events();
        services.Configure<Bitrix24ServiceOptions>(options => options.ApplicationToken = Token);
        services.AddBitrix24EventHandler<MessageAddEvent>((e, context, ct) => { Interlocked.Increment(ref handled); return Task.CompletedTask; });
        return (services.BuildServiceProvider().GetRequiredService<Bitrix24EventReceiver>(), () => handled);
    }
}
