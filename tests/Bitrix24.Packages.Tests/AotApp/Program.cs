// A bot as a NativeAOT app, calling what a bot calls so that ILC compiles and analyzes those paths (the
// project file also roots the whole SDK). The webhook client talks to a small portal stand-in on
// 127.0.0.1, not to the emulator package (which brings ASP.NET Core); the client from configuration
// points at a closed loopback port and gets the expected transport exception. Nothing leaves the machine.
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bitrix24;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information));

// The catalog the command line is built on.
Console.WriteLine($"catalog: {Bitrix24MethodCatalog.Methods.Count} methods");
foreach (Bitrix24MethodInfo method in Bitrix24MethodCatalog.Methods)
{
    Console.WriteLine($"  {method.Name}({string.Join(", ", method.Parameters.Select(p => p.Name))})");
}

int exitCode = 0;

// 1. A client from a webhook URL: a call and a batch, answered by the stand-in.
using (var portal = new LoopbackPortal())
{
    Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook($"http://127.0.0.1:{portal.Port}/rest/1/aotappcode/");
    options.LoggerFactory = loggerFactory;
    using var client = new Bitrix24Client(options);

    bool sent = await client.ImOpenLines.Bot.Session.Message.SendAsync(
        chatId: 112, name: AutoMessageType.Default, message: "Hello from a NativeAOT app");
    Console.WriteLine($"webhook send: {sent}");

    Bitrix24Batch batch = client.CreateBatch(halt: false);
    Bitrix24BatchItem<bool> goodbye = batch.ImOpenLines.Bot.Session.Message.Send(112, AutoMessageType.Default, "Goodbye");
    Bitrix24BatchItem<bool> finish = batch.ImOpenLines.Bot.Session.Finish(112);
    await batch.ExecuteAsync();
    Console.WriteLine($"batch: {goodbye.Status} {goodbye.Result}, {finish.Status} {finish.Result}");
    exitCode |= sent && goodbye.Result && finish.Result ? 0 : 1;
}

// 2. A client from configuration through dependency injection, sent to a closed port.
IConfiguration configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Bitrix24:WebhookUrl"] = $"http://127.0.0.1:{LoopbackPortal.ClosedPort()}/rest/1/aotappcode/",
        ["Bitrix24:Plan"] = "Enterprise",
        ["Bitrix24:RequestTimeout"] = "00:00:10",
        ["Bitrix24:Retry:MaxAttempts"] = "1",
    })
    .Build();
var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
services.AddBitrix24(configuration.GetSection("Bitrix24"));
await using (ServiceProvider provider = services.BuildServiceProvider(validateScopes: true))
{
    Bitrix24Client client = provider.GetRequiredService<Bitrix24Client>();
    try
    {
        await client.ImOpenLines.Bot.Session.Message.SendAsync(112, AutoMessageType.Default, "Hello");
        Console.WriteLine("configured send: answered, though nothing listens");
        exitCode |= 2;
    }
    catch (Bitrix24TransportException e)
    {
        Console.WriteLine($"configured send: {e.Failure}, may have reached the portal: {e.MayHaveReachedPortal}");
        exitCode |= e.Failure == Bitrix24TransportFailure.ConnectionFailed ? 0 : 2;
    }
}

return exitCode;

/// <summary>
/// A portal stand-in on 127.0.0.1: HTTP/1.1, one request per connection, <c>{"result":true}</c> for a
/// method and the same for each command of a <c>batch</c>.
/// </summary>
internal sealed class LoopbackPortal : IDisposable
{
    private const string MethodAnswer = """{"result":true}""";
    private const string BatchAnswer = """{"result":{"result":{"c0":true,"c1":true},"result_error":[],"result_total":[],"result_next":[],"result_time":[]}}""";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public LoopbackPortal()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A loopback port nothing listens on (taken and given back at once).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _serving.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            try
            {
                NetworkStream stream = connection.GetStream();
                string path = await ReadRequestAsync(stream);
                byte[] body = Encoding.UTF8.GetBytes(path.EndsWith("/batch", StringComparison.Ordinal) ? BatchAnswer : MethodAnswer);
                byte[] head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (IOException)
            {
                // The client went away; the next connection is served as usual.
            }
        }
    }

    /// <summary>Reads the request head and its Content-Length body; returns the request path.</summary>
    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The connection closed before the request head ended.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        string[] head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray()).Split("\r\n");
        int length = head.Skip(1)
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count - (headEnd + 4) < length)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The connection closed before the request body ended.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return head[0].Split(' ')[1];
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (int i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
