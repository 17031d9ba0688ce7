using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>One POST the receiver got: headers, the raw body, and the body decoded by ASP.NET Core's own form parser.</summary>
/// <param name="Path">The request path and query.</param>
/// <param name="ContentType">The <c>Content-Type</c> header as sent.</param>
/// <param name="Body">The raw body.</param>
/// <param name="Form">The decoded pairs (keys such as <c>data[bot][id]</c>), by key.</param>
internal sealed record ReceivedEvent(string Path, string? ContentType, string Body, IReadOnlyDictionary<string, string> Form)
{
    public string this[string key] => Form.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"The body has no key '{key}'. Body: {Body}");

    public string Event => this["event"];

    /// <summary>Every key in body order (decoded), e.g. <c>event</c>, <c>event_handler_id</c>, <c>data[bot][id]</c>, ...</summary>
    public IReadOnlyList<string> Keys =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0].Replace('+', ' '))).ToArray();

    /// <summary>The top-level keys in body order (<c>data[bot][id]</c> counts as <c>data</c>), each once.</summary>
    public IReadOnlyList<string> TopLevelKeys => Keys.Select(k => k.Split('[')[0]).Distinct().ToArray();

    /// <summary>The direct children of a prefix such as <c>auth</c> or <c>data[bot]</c> (<c>auth[domain]</c> → <c>domain</c>), in body order.</summary>
    public IReadOnlyList<string> KeysUnder(string prefix) =>
        Keys.Where(k => k.StartsWith(prefix + "[", StringComparison.Ordinal))
            .Select(k => k[(prefix.Length + 1)..k.IndexOf(']', prefix.Length)])
            .Distinct()
            .ToArray();
}

/// <summary>
/// A tiny event handler on 127.0.0.1 (Kestrel on a free port) that records every POST and answers with a status the
/// test chooses (200 by default), optionally after running a callback, e.g. one that calls the portal back.
/// </summary>
internal sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedEvent> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private EventReceiver(WebApplication app) => _app = app;

    /// <summary>The handler URL, e.g. <c>http://127.0.0.1:41234/handler</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The status to answer; 200 by default.</summary>
    public int Status { get; set; } = 200;

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Runs for each POST before the answer (the event is already recorded).</summary>
    public Func<ReceivedEvent, Task>? OnEvent { get; set; }

    public IReadOnlyList<ReceivedEvent> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<EventReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var receiver = new EventReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = new Uri(address.TrimEnd('/') + "/handler");
        return receiver;
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens: a port that was free a moment ago.</summary>
    public static Uri ClosedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/handler");
    }

    /// <summary>Waits until <paramref name="count"/> POSTs have arrived in all.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (Received.Count < count)
        {
            await _arrived.WaitAsync(deadline.Token);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in QueryHelpers.ParseQuery(body))
        {
            form[key] = values.ToString();
        }

        var received = new ReceivedEvent(context.Request.Path + context.Request.QueryString, context.Request.ContentType, body, form);
        lock (_received)
        {
            _received.Add(received);
        }

        _arrived.Release();
        if (OnEvent is { } callback)
        {
            await callback(received);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        context.Response.StatusCode = Status;
        await context.Response.WriteAsync("""{"status":"ok"}""");
    }
}
