using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// What the loopback server does with one request: answer, wait, or break the connection.
/// The request is already recorded when a reply runs, so even a broken exchange is visible.
/// </summary>
public abstract class Reply
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Answers with a JSON body, as a portal does.</summary>
    public static Reply Json(string body, int status = 200) => new Answer(status, body, JsonContentType);

    /// <summary>Answers with any body and content type (an HTML page from a proxy, an empty body).</summary>
    public static Reply Text(int status, string body, string contentType) => new Answer(status, body, contentType);

    /// <summary>Waits, then runs <paramref name="then"/>; the wait ends early if the client goes away or the server stops.</summary>
    public static Reply Delay(TimeSpan delay, Reply then) => new Delayed(delay, then);

    /// <summary>Drops the connection without answering: the request arrived, no response comes.</summary>
    public static Reply Abort() => new Aborted();

    /// <summary>
    /// Sends the status, headers and the start of a body, then drops the connection. With
    /// <paramref name="declaredLength"/> the headers promise more bytes than are sent; without it the
    /// body is chunked and the final chunk never comes.
    /// </summary>
    public static Reply PartialThenAbort(string bodyStart, int? declaredLength = null) => new Partial(bodyStart, declaredLength, abort: true);

    /// <summary>Sends the status, headers and the start of a chunked body, then waits until the client goes away.</summary>
    public static Reply PartialThenWait(string bodyStart) => new Partial(bodyStart, declaredLength: null, abort: false);

    /// <summary>Runs the reply. <paramref name="stopping"/> fires when the client aborts or the server stops.</summary>
    public abstract Task ExecuteAsync(HttpContext context, CancellationToken stopping);

    private sealed class Answer(int status, string body, string contentType) : Reply
    {
        public override async Task ExecuteAsync(HttpContext context, CancellationToken stopping)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, stopping);
        }
    }

    private sealed class Delayed(TimeSpan delay, Reply then) : Reply
    {
        public override async Task ExecuteAsync(HttpContext context, CancellationToken stopping)
        {
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (cancellation or timeout) or the server is stopping: nothing to answer.
                return;
            }

            await then.ExecuteAsync(context, stopping);
        }
    }

    private sealed class Aborted : Reply
    {
        public override Task ExecuteAsync(HttpContext context, CancellationToken stopping)
        {
            context.Abort();
            return Task.CompletedTask;
        }
    }

    private sealed class Partial(string bodyStart, int? declaredLength, bool abort) : Reply
    {
        public override async Task ExecuteAsync(HttpContext context, CancellationToken stopping)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(bodyStart);
            context.Response.StatusCode = 200;
            context.Response.ContentType = JsonContentType;
            context.Response.ContentLength = declaredLength;
            await context.Response.Body.WriteAsync(bytes, stopping);

            // Flushed first so the client has the headers and the partial body before anything else happens.
            await context.Response.Body.FlushAsync(stopping);
            if (abort)
            {
                context.Abort();
                return;
            }

            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the server is stopping; the body stays unfinished on purpose.
            }
        }
    }
}
