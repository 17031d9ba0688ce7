using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Benchmarks.PerCall;

/// <summary>
/// The call over real HTTP on 127.0.0.1 to the emulator, which runs as its own process (so its
/// allocations stay out of the figures) with the rate and operating limits off.
/// </summary>
public class LoopbackSendBenchmarks : SendBenchmarks
{
    private const string ListeningPrefix = "Emulated Bitrix24 portal listening on ";
    private ServerProcess? _server;

    [GlobalSetup]
    public void Setup()
    {
        int port = FreePort();
        _server = ServerProcess.Start("--port", port.ToString(CultureInfo.InvariantCulture), "--no-rate-limit", "--no-operating-limit");
        string? listening = _server.WaitForLineAsync(line => line.StartsWith(ListeningPrefix, StringComparison.Ordinal), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        if (listening is null)
        {
            throw new InvalidOperationException("The emulator server ended without listening.\n" + _server.Transcript);
        }

        var webhook = new Uri($"http://127.0.0.1:{port}/rest/{DemoPortal.Webhook.UserId}/{DemoPortal.Webhook.Code}/");
        CreateClients(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, webhook);
    }

    public override void Cleanup()
    {
        base.Cleanup();
        if (_server is not null)
        {
            _server.StopAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
