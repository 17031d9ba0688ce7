using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 with a free port, for one test. It records every request in the
/// order received and answers each with the <see cref="Reply"/> its responder picks.
/// <c>$"{server}"</c> is its base address, e.g. <c>http://127.0.0.1:54321</c>.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<RecordedRequest, Reply> _responder;
    private readonly List<RecordedRequest> _requests = [];
    private readonly TaskCompletionSource<RecordedRequest> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackServer(WebApplication app, Func<RecordedRequest, Reply> responder)
    {
        _app = app;
        _responder = responder;
        _app.Run(HandleAsync);
    }

    /// <summary>The base address, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Completes when the first request has been received (and recorded).</summary>
    public Task<RecordedRequest> FirstRequest => _firstRequest.Task;

    /// <summary>Starts a server that answers every request with <paramref name="reply"/>.</summary>
    public static Task<LoopbackServer> StartAsync(Reply reply) => StartAsync(_ => reply);

    /// <summary>Starts a server that asks <paramref name="responder"/> how to answer each request.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, Reply> responder)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new LoopbackServer(builder.Build(), responder);
        await server._app.StartAsync();

        // Port 0 lets the OS choose; the real address is known only once Kestrel has bound.
        string address = server._app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <inheritdoc/>
    public override string ToString() => BaseUrl;

    /// <summary>Stops the server; replies still waiting are released first.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.PathBase + context.Request.Path,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType,
            body);
        lock (_requests)
        {
            _requests.Add(request);
        }

        _firstRequest.TrySetResult(request);

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await _responder(request).ExecuteAsync(context, stopping.Token);
    }
}
