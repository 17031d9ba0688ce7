using System.Buffers;
using System.Text.Json;
using Bitrix24.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>app.MapBitrix24Events("/bitrix24/events")</c>: the URL Bitrix24 posts event deliveries to. Each delivery
/// is read up to <see cref="Bitrix24EventLimits.MaxBodyBytes"/>, verified and handed to the handlers registered
/// with <c>services.AddBitrix24EventHandler&lt;TEvent, THandler&gt;()</c>; the answer is 200 once they finished,
/// 401 for a wrong or missing application token, 400 for a malformed body (naming the problem), 413 over the
/// size limit, 500 when a handler threw.
/// </summary>
public static class Bitrix24EventEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the event receiver.</summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The path, such as <c>/bitrix24/events</c>.</param>
    /// <returns>The endpoint's builder, to add filters or metadata.</returns>
    public static IEndpointConventionBuilder MapBitrix24Events(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        // Resolved now, so a missing AddBitrix24(...) fails at start-up rather than at the first delivery.
        if (endpoints.ServiceProvider.GetService<Bitrix24EventReceiver>() is null)
        {
            throw new InvalidOperationException("MapBitrix24Events needs the event receiver: call builder.Services.AddBitrix24(...) or AddBitrix24Events() first.");
        }

        return endpoints.MapPost(pattern, ReceiveAsync);
    }

    private static async Task ReceiveAsync(HttpContext http)
    {
        Bitrix24EventReceiver receiver = http.RequestServices.GetRequiredService<Bitrix24EventReceiver>();
        int limit = receiver.MaxBodyBytes;

        // Our own limit replaces the server's (30 MB by default), and a declared length over it is refused unread.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (http.Request.ContentLength > limit)
        {
            await AnswerAsync(http, 413, "the body has more than " + limit + " bytes").ConfigureAwait(false);
            return;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        try
        {
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        await AnswerAsync(http, 413, "the body has more than " + limit + " bytes").ConfigureAwait(false);
                        return;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    await AnswerAsync(http, 413, "the body has more than " + limit + " bytes").ConfigureAwait(false);
                    return;
                }
            }

            Bitrix24EventReceipt receipt = await receiver.ReceiveAsync(buffer.AsMemory(0, length), http.Request.ContentType, http.RequestAborted).ConfigureAwait(false);
            await AnswerAsync(http, receipt.StatusCode, receipt.Problem).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The portal ignores the body; people reading a log of answers get the status and the problem.</summary>
    private static async Task AnswerAsync(HttpContext http, int status, string? problem)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("status", status == 200 ? "ok" : "refused");
            if (status != 200 && problem is not null)
            {
                writer.WriteString("error", problem);
            }

            writer.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(body.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }
}
