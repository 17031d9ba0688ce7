using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bitrix24.Emulator.Events;
using Bitrix24.Events.Tests.Infrastructure;
using Bitrix24.ImBot;
using Bitrix24.Inbound;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Bitrix24.Benchmarks.Events;

/// <summary>
/// One ONIMBOTV2MESSAGEADD webhook delivery as the emulator sends it (the docs' full example: bot with its auth,
/// message, chat, user with every field, language, ts and a full auth block; form-encoded by PHP's
/// <c>http_build_query</c>, about 2 KB), read three ways: ASP.NET Core's own form reader (the floor: flat keys, no
/// nesting, no checks), the SDK's decoding step alone, and the SDK's whole receipt (bounds, decoding, the token check,
/// the typed event read, a no-op handler run in its DI scope).
/// </summary>
public class EventReceiveBenchmarks
{
    private const string Token = "4f1c9e7a2b6d8053e1a7c4b9f2d6e8a0";
    private const string FormType = "application/x-www-form-urlencoded";

    private readonly Bitrix24EventLimits _limits = new();
    private readonly ArrayBufferWriter<byte> _decoded = new(4096);
    private byte[] _body = [];
    private ServiceProvider _services = null!;
    private Bitrix24EventReceiver _receiver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.ASCII.GetBytes(HttpBuildQuery.Encode(SampleDeliveries.MessageAdd(Token)));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBitrix24Events();
        services.Configure<Bitrix24ServiceOptions>(o => o.ApplicationToken = Token);
        services.AddBitrix24EventHandler<MessageAddEvent>((e, context, cancellationToken) => Task.CompletedTask);
        _services = services.BuildServiceProvider();
        _receiver = _services.GetRequiredService<Bitrix24EventReceiver>();

        // Each row must do its whole job once, or it would measure a refusal.
        if (AspNetCoreFormReader().GetAwaiter().GetResult() < 60 || SdkDecode() == 0
            || SdkReceive().GetAwaiter().GetResult() is not { Outcome: Bitrix24EventOutcome.Handled })
        {
            throw new InvalidOperationException("A row did not read the delivery; the benchmark would measure nothing.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The floor: the pairs percent-decoded into flat keys (<c>data[bot][id]</c>), as <c>Request.ReadFormAsync</c> does.</summary>
    [Benchmark(Baseline = true, Description = "ASP.NET Core FormReader")]
    public async Task<int> AspNetCoreFormReader()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var reader = new FormReader(stream);
        Dictionary<string, StringValues> form = await reader.ReadFormAsync().ConfigureAwait(false);
        return form.Count;
    }

    /// <summary>The SDK's decoding step: strict percent-decoding, PHP brackets nested into JSON, with every limit checked.</summary>
    [Benchmark(Description = "SDK PhpFormDecoder.TryDecode")]
    public int SdkDecode()
    {
        _decoded.ResetWrittenCount();
        return PhpFormDecoder.TryDecode(_body, _limits, _decoded, out _) ? _decoded.WrittenCount : 0;
    }

    /// <summary>The whole delivery: decoded, verified, read into <see cref="MessageAddEvent"/>, handed to a no-op handler.</summary>
    [Benchmark(Description = "SDK Bitrix24EventReceiver.ReceiveAsync")]
    public Task<Bitrix24EventReceipt> SdkReceive() => _receiver.ReceiveAsync(_body, FormType, CancellationToken.None);
}
