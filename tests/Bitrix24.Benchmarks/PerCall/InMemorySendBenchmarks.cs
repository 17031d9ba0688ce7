using BenchmarkDotNet.Attributes;
using Bitrix24.Emulator.State;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>The call against an in-memory handler returning the docs' success body: client cost only.</summary>
public class InMemorySendBenchmarks : SendBenchmarks
{
    [GlobalSetup]
    public void Setup() =>
        CreateClients(() => new CannedResponseHandler(SendCall.SuccessBody), new Uri($"https://portal.example.com/rest/{DemoPortal.Webhook.UserId}/{DemoPortal.Webhook.Code}/"));
}
