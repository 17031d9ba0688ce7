using BenchmarkDotNet.Attributes;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>
/// The call against an in-memory handler returning the docs' success body: client cost only. Two more
/// shapes of the SDK call show where its time goes beyond the floor: with the whole response (the time
/// block read and a response object made), and without the per-call timeout.
/// </summary>
public class InMemorySendBenchmarks : SendBenchmarks
{
    private Bitrix24Client _sdkWithoutTimeout = null!;

    [GlobalSetup]
    public void Setup()
    {
        var webhook = new Uri($"https://portal.example.com/rest/{DemoPortal.Webhook.UserId}/{DemoPortal.Webhook.Code}/");
        CreateClients(() => new CannedResponseHandler(SendCall.SuccessBody), webhook);
        _sdkWithoutTimeout = CreateSdk(new CannedResponseHandler(SendCall.SuccessBody), webhook, options => options.RequestTimeout = Timeout.InfiniteTimeSpan);
        if (!SdkWholeResponse().GetAwaiter().GetResult() || !SdkWithoutTimeout().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("An SDK variant did not read result=true; the benchmark would measure nothing.");
        }
    }

    [Benchmark(Description = "Bitrix24.Generated, whole response")]
    public async Task<bool> SdkWholeResponse()
    {
        Bitrix24Response<bool> response = await SdkClient.ImOpenLines.Bot.Session.Message.SendWithResponseAsync(
            new ImOpenLinesBotSessionMessageSendRequest { ChatId = SendCall.ChatId, Name = AutoMessageType.Default, Message = SendCall.Message }).ConfigureAwait(false);
        return response.Result;
    }

    [Benchmark(Description = "Bitrix24.Generated, RequestTimeout off")]
    public Task<bool> SdkWithoutTimeout() =>
        _sdkWithoutTimeout.ImOpenLines.Bot.Session.Message.SendAsync(SendCall.ChatId, AutoMessageType.Default, SendCall.Message);
}
