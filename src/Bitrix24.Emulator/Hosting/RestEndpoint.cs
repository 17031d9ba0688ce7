using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Serves <c>/rest/...</c>: reads the parameters, records the request, plays a queued fault, applies the
/// leaky-bucket limit, authorizes, dispatches, and writes the envelope.
/// </summary>
internal sealed class RestEndpoint
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly RestDispatcher _dispatcher;
    private readonly Authenticator _authenticator;
    private readonly LeakyBucket? _bucket;
    private readonly FaultScript _faults;
    private readonly RequestLog _log;
    private readonly TimeProvider _clock;

    public RestEndpoint(RestDispatcher dispatcher, Authenticator authenticator, LeakyBucket? bucket, FaultScript faults, RequestLog log, TimeProvider clock)
    {
        _dispatcher = dispatcher;
        _authenticator = authenticator;
        _bucket = bucket;
        _faults = faults;
        _log = log;
        _clock = clock;
    }

    public async Task HandleAsync(HttpContext context, string path)
    {
        CancellationToken aborted = context.RequestAborted;
        RestRoute route = RestRoute.Parse(path);
        RequestParameters parameters = await RequestParameters.ReadAsync(context.Request, aborted).ConfigureAwait(false);
        var record = new ReceivedRequest(
            _log.NextSequence(), _clock.GetUtcNow(), context.Request.Method, context.Request.Path + context.Request.QueryString, route.Method,
            (JsonObject)parameters.Values.DeepClone(), parameters.Body, context.Request.ContentType, parameters.Problem);
        _log.Add(record);

        EmulatedFault? fault = _faults.TakeFor(route.Method);
        record.Fault = fault;
        switch (fault?.Kind)
        {
            case EmulatedFaultKind.Reply:
                record.Status = fault.Status;
                await WriteAsync(context, fault.Status, fault.ContentType, fault.Body).ConfigureAwait(false);
                return;
            case EmulatedFaultKind.DropConnection:
                context.Abort();
                return;
            case EmulatedFaultKind.Delay:
                await Task.Delay(fault.Duration, _clock, aborted).ConfigureAwait(false);
                break;
        }

        CallOutcome outcome = Call(route, parameters, record);
        record.Processed = outcome.Ran;
        int status = outcome.Error?.Status ?? 200;
        byte[] body = outcome.Error is { } error ? Envelope.Error(error.Code, error.Description) : Envelope.Success(outcome.Result, outcome.Time!);
        record.ErrorCode = outcome.Error?.Code;
        record.Crash = outcome.Crash;

        if (fault?.Kind == EmulatedFaultKind.DropAfterProcessing)
        {
            context.Abort();
            return;
        }

        if (fault?.Kind == EmulatedFaultKind.TruncatedBody)
        {
            body = body[..(body.Length / 2)];
        }

        record.Status = status;
        if (fault?.Kind is EmulatedFaultKind.ResetMidBody or EmulatedFaultKind.StallMidBody)
        {
            await WriteHalfAsync(context, status, body, fault).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, status, JsonContentType, body).ConfigureAwait(false);
    }

    /// <summary>Sends the headers and half the body, flushed so the client has them, then breaks off or stalls.</summary>
    private static async Task WriteHalfAsync(HttpContext context, int status, byte[] body, EmulatedFault fault)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        if (fault.DeclaresLength)
        {
            context.Response.ContentLength = body.Length;
        }

        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (fault.Kind == EmulatedFaultKind.ResetMidBody)
        {
            context.Abort();
            return;
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the fault intends; the body stays unfinished.
        }
    }

    private CallOutcome Call(RestRoute route, RequestParameters request, ReceivedRequest record)
    {
        try
        {
            // The portal refuses over-limit requests before it looks at who is asking.
            if (_bucket is not null && !_bucket.TryAdd(_clock.GetUtcNow()))
            {
                throw SystemErrors.QueryLimitExceeded();
            }

            // A body the emulator will not guess at is refused before authorization, as an unreadable request.
            if (request.Refused)
            {
                throw SystemErrors.InvalidRequest("Invalid request body: " + request.Problem);
            }

            JsonObject parameters = request.Values;
            EmulatedCaller caller = route.IsWebhook
                ? _authenticator.Webhook(route.UserId!, route.Code!)
                : _authenticator.TokenOrSession(parameters);
            record.AuthKind = caller.AuthKind;
            return route.Method.Length == 0
                ? CallOutcome.Failure(SystemErrors.MethodNotFound())
                : _dispatcher.Invoke(caller, route.Method, parameters, insideBatch: false);
        }
        catch (EmulatedRestException e)
        {
            return CallOutcome.Failure(e);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string? contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
