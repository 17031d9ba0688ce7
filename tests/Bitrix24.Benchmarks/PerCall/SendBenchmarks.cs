using BenchmarkDotNet.Attributes;
using Bitrix24.ImOpenLines;
using Refit;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>
/// One <c>imopenlines.bot.session.message.send</c> call made three ways over the same transport: the
/// hand-written floor (the baseline), this SDK, and Refit. Subclasses choose the transport.
/// </summary>
/// <remarks>
/// Each client gets the <see cref="HttpClient"/> its users are told to give it: the floor and Refit keep
/// HttpClient's own 100 s timeout; the SDK's has none, because the SDK applies
/// <see cref="Bitrix24ClientOptions.RequestTimeout"/> itself (as <c>AddBitrix24</c> and <c>new Bitrix24Client(options)</c> set it up).
/// The SDK runs with its defaults except pacing, which is off: at 2 requests a second it would measure the plan, not the client.
/// </remarks>
public abstract class SendBenchmarks
{
    private HandWrittenSendClient _floor = null!;
    private Bitrix24Client _sdk = null!;
    private IRefitOpenLines _refit = null!;
    private readonly List<IDisposable> _owned = [];

    /// <summary>The SDK client the "Bitrix24.Generated" row calls.</summary>
    protected Bitrix24Client SdkClient => _sdk;

    [Benchmark(Baseline = true, Description = "Hand-written floor")]
    public Task<bool> HandWritten() => _floor.SendAsync(SendCall.ChatId, "DEFAULT", SendCall.Message);

    [Benchmark(Description = "Bitrix24.Generated")]
    public Task<bool> Sdk() => _sdk.ImOpenLines.Bot.Session.Message.SendAsync(SendCall.ChatId, AutoMessageType.Default, SendCall.Message);

    [Benchmark(Description = "Refit 16 (System.Text.Json)")]
    public async Task<bool> Refit()
    {
        RefitEnvelope<bool> answer = await _refit.SendAsync(new RefitSendBody { ChatId = SendCall.ChatId, Name = "DEFAULT", Message = SendCall.Message }).ConfigureAwait(false);
        return answer.Result;
    }

    /// <summary>Builds the three clients on handlers from <paramref name="newHandler"/> (one each) and checks each answers true once.</summary>
    protected void CreateClients(Func<HttpMessageHandler> newHandler, Uri webhook)
    {
        HttpClient floorHttp = Own(new HttpClient(newHandler()));
        _floor = new HandWrittenSendClient(floorHttp, webhook);

        _sdk = CreateSdk(newHandler(), webhook);

        HttpClient refitHttp = Own(new HttpClient(newHandler()) { BaseAddress = new Uri(webhook.AbsoluteUri.TrimEnd('/')) });
        _refit = RestService.For<IRefitOpenLines>(refitHttp);

        foreach ((string name, Func<Task<bool>> call) in new (string, Func<Task<bool>>)[] { ("floor", HandWritten), ("SDK", Sdk), ("Refit", Refit) })
        {
            if (!call().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException($"The {name} client did not read result=true; the benchmark would measure nothing.");
            }
        }
    }

    /// <summary>An SDK client as the benchmarks use it: defaults but pacing, on its own HttpClient without a timeout of its own.</summary>
    protected Bitrix24Client CreateSdk(HttpMessageHandler handler, Uri webhook, Action<Bitrix24ClientOptions>? configure = null)
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(webhook);
        options.RateLimit = Bitrix24RateLimit.Off;
        configure?.Invoke(options);
        return Own(new Bitrix24Client(options, Own(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan })));
    }

    [GlobalCleanup]
    public virtual void Cleanup()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
