using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Inbound;

/// <summary>
/// Receives one event delivery, whatever the host: bounds its size and shape, decodes it (a form body with
/// PHP brackets, or JSON), verifies its application token in constant time, reads the event's data with the
/// generated reader, and runs the event's handlers. <c>MapBitrix24Events</c> in the
/// <c>Bitrix24.Generated.AspNetCore</c> package answers with <see cref="Bitrix24EventReceipt.StatusCode"/>;
/// other hosts can call <see cref="ReceiveAsync"/> themselves. Nothing about a refused delivery reaches a
/// handler, and no token reaches a log or an exception.
/// </summary>
public sealed class Bitrix24EventReceiver
{
    private readonly Bitrix24EventLimits _limits;
    private readonly DeliveryVerifier _verifier;
    private readonly EventDispatcher _dispatcher;
    private readonly EventClientSource _clients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal Bitrix24EventReceiver(Bitrix24EventLimits limits, DeliveryVerifier verifier, EventDispatcher dispatcher, EventClientSource clients, TimeProvider time, ILogger logger)
    {
        _limits = limits;
        _verifier = verifier;
        _dispatcher = dispatcher;
        _clients = clients;
        _time = time;
        _logger = logger;
    }

    /// <summary>The largest body accepted; a host should stop reading past it and answer 413.</summary>
    public int MaxBodyBytes => _limits.MaxBodyBytes;

    /// <summary>Receives one delivery.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The request's content type: form-encoded or JSON; anything else is refused, a missing one sniffed.</param>
    /// <param name="cancellationToken">Cancels the handlers (the request was aborted, or the host stops).</param>
    public async global::System.Threading.Tasks.Task<Bitrix24EventReceipt> ReceiveAsync(ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        if (body.Length > _limits.MaxBodyBytes)
        {
            return Refused(Bitrix24EventOutcome.TooLarge, null, $"the body has more than {_limits.MaxBodyBytes} bytes");
        }

        // Decoding shrinks escapes and adds a few quotes and braces: the body's length and a little more is nearly always enough.
        var decoded = new ArrayBufferWriter<byte>(body.Length + 256);
        ReadOnlyMemory<byte> json;
        BodyKind kind = KindOf(contentType, body.Span);
        switch (kind)
        {
            case BodyKind.Form:
                if (!PhpFormDecoder.TryDecode(body.Span, _limits, decoded, out string? formError))
                {
                    return Refused(Bitrix24EventOutcome.Malformed, null, formError ?? "the form body could not be read");
                }

                json = decoded.WrittenMemory;
                break;
            case BodyKind.Json:
                json = body;
                break;
            default:
                return Refused(Bitrix24EventOutcome.Malformed, null, "the content type is neither application/x-www-form-urlencoded nor application/json");
        }

        // The decoder already held a form body to every limit and wrote it as valid JSON; only a JSON body needs the check.
        if (!EventEnvelopeReader.TryRead(json, _limits, checkLimits: kind == BodyKind.Json, _time, out EventEnvelope? envelope, out string? envelopeError))
        {
            return Refused(Bitrix24EventOutcome.Malformed, null, envelopeError!);
        }

        string name = envelope!.EventName;
        (string? problem, Bitrix24Installation? installation) = await _verifier.VerifyAsync(envelope, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            EventLog.DeliveryRejected(_logger, Printable(name), Printable(envelope.Auth?.Domain ?? "none"), problem);
            return new Bitrix24EventReceipt(Bitrix24EventOutcome.Rejected, name, problem);
        }

        if (_dispatcher.Find(name) is not { } type)
        {
            EventLog.NoHandler(_logger, Printable(name), envelope.Auth?.Domain);
            return new Bitrix24EventReceipt(Bitrix24EventOutcome.Ignored, name, null);
        }

        object data;
        try
        {
            data = type.ReadData(envelope.Data.IsEmpty ? "{}"u8.ToArray() : envelope.Data);
        }
        // ArgumentException too: a reader can be handed a value its conversion refuses, such as a JSON date of
        // 99999999999999 seconds (ArgumentOutOfRangeException from DateTimeOffset), which is bad data, not a crash.
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return Refused(Bitrix24EventOutcome.Malformed, name, "the data of " + name + " is not as its spec says: " + ex.Message);
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            await _dispatcher.DispatchAsync(type, data, scope => new Bitrix24EventContext(type, Bitrix24EventSource.Webhook, _clients.For(envelope.Auth, installation, scope), scope)
            {
                Auth = envelope.Auth,
                Timestamp = envelope.Timestamp,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            EventLog.HandlerFailed(_logger, ex, name, envelope.Auth?.Domain, envelope.Auth?.UserId, null);
            return new Bitrix24EventReceipt(Bitrix24EventOutcome.HandlerFailed, name, "a handler failed");
        }

        EventLog.Handled(_logger, name, envelope.Auth?.Domain, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Bitrix24EventReceipt(Bitrix24EventOutcome.Handled, name, null);
    }

    private Bitrix24EventReceipt Refused(Bitrix24EventOutcome outcome, string? eventName, string problem)
    {
        var receipt = new Bitrix24EventReceipt(outcome, eventName, problem);
        EventLog.DeliveryRefused(_logger, receipt.StatusCode, problem);
        return receipt;
    }

    /// <summary>An unverified event name goes into a log line only shortened and with control characters dropped.</summary>
    private static string Printable(string name)
    {
        string shortened = name.Length > 64 ? name[..64] + "..." : name;
        return string.Concat(shortened.Where(c => !char.IsControl(c)));
    }

    private enum BodyKind
    {
        Form,
        Json,
        Other,
    }

    private static BodyKind KindOf(string? contentType, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            ReadOnlySpan<byte> start = body.TrimStart(" \t\r\n"u8);
            return !start.IsEmpty && start[0] == (byte)'{' ? BodyKind.Json : BodyKind.Form;
        }

        string mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? BodyKind.Form
            : mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? BodyKind.Json
            : BodyKind.Other;
    }
}
