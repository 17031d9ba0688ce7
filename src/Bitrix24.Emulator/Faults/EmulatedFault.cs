using System.Text;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Faults;

/// <summary>
/// A failure the emulator plays instead of (or on top of) a normal answer, to test how a client copes:
/// an error envelope, an HTML page from a proxy, an empty or truncated body, a slow answer, a dropped
/// connection before or after the portal did the work. Queue them with <see cref="FaultScript"/>.
/// </summary>
public sealed class EmulatedFault
{
    private EmulatedFault(EmulatedFaultKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>What the fault does.</summary>
    public EmulatedFaultKind Kind { get; }

    /// <summary>The HTTP status of a <see cref="EmulatedFaultKind.Reply"/>.</summary>
    public int Status { get; private init; }

    /// <summary>The body of a <see cref="EmulatedFaultKind.Reply"/>.</summary>
    public ReadOnlyMemory<byte> Body { get; private init; }

    /// <summary>The content type of a <see cref="EmulatedFaultKind.Reply"/>, or null for none.</summary>
    public string? ContentType { get; private init; }

    /// <summary>How long a <see cref="EmulatedFaultKind.Delay"/> waits.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>Whether the portal does the work (and changes its state) despite the fault.</summary>
    public bool RunsMethod => Kind is not (EmulatedFaultKind.Reply or EmulatedFaultKind.DropConnection);

    /// <summary>For <see cref="EmulatedFaultKind.ResetMidBody"/>: whether the headers promise the whole body's length (otherwise it is chunked).</summary>
    public bool DeclaresLength { get; private init; }

    /// <summary>A short description for request logs and test output.</summary>
    public string Description { get; }

    /// <summary>An error envelope, e.g. <c>Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests")</c>.</summary>
    public static EmulatedFault Error(int status, string code, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(description);
        return Reply(status, Envelope.Error(code, description), "application/json; charset=utf-8", $"{status} {code}");
    }

    /// <summary>Any status and body, e.g. a hand-written envelope.</summary>
    public static EmulatedFault Reply(int status, string body, string? contentType = "application/json; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(body);
        return Reply(status, Encoding.UTF8.GetBytes(body), contentType, $"{status} custom body");
    }

    /// <summary>An HTML error page, as a proxy or load balancer sends when the portal is unreachable.</summary>
    public static EmulatedFault HtmlPage(int status = 502)
    {
        string title = $"{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
        string page = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Reply(status, Encoding.UTF8.GetBytes(page), "text/html", $"{status} HTML page");
    }

    /// <summary>A response with no body at all.</summary>
    public static EmulatedFault EmptyBody(int status = 200) =>
        Reply(status, ReadOnlyMemory<byte>.Empty, "application/json; charset=utf-8", $"{status} empty body");

    /// <summary>Runs the call, then answers with the first half of its real body (the JSON is cut off).</summary>
    public static EmulatedFault TruncatedBody() => new(EmulatedFaultKind.TruncatedBody, "truncated body");

    /// <summary>
    /// Runs the call, sends the status, headers and half the body, then drops the connection: a reset in
    /// the middle of the response. With <paramref name="declareLength"/> the headers announce the full
    /// length; without it the body is chunked and its last chunk never comes.
    /// </summary>
    public static EmulatedFault ResetMidBody(bool declareLength = true) =>
        new(EmulatedFaultKind.ResetMidBody, declareLength ? "reset mid-body" : "reset mid-body (chunked)") { DeclaresLength = declareLength };

    /// <summary>Runs the call, sends the headers and half a chunked body, then stalls until the client gives up (a timeout mid-body).</summary>
    public static EmulatedFault StallMidBody() => new(EmulatedFaultKind.StallMidBody, "stall mid-body");

    /// <summary>Waits <paramref name="duration"/> (on the portal's clock), then answers normally.</summary>
    public static EmulatedFault Delay(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new EmulatedFault(EmulatedFaultKind.Delay, $"delay {duration.TotalMilliseconds:0} ms") { Duration = duration };
    }

    /// <summary>Drops the connection before the portal does anything: the call never happened.</summary>
    public static EmulatedFault DropConnection() => new(EmulatedFaultKind.DropConnection, "connection dropped");

    /// <summary>Does the work, then drops the connection: the client cannot know that the call happened.</summary>
    public static EmulatedFault DropAfterProcessing() => new(EmulatedFaultKind.DropAfterProcessing, "connection dropped after processing");

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static EmulatedFault Reply(int status, ReadOnlyMemory<byte> body, string? contentType, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new EmulatedFault(EmulatedFaultKind.Reply, description) { Status = status, Body = body, ContentType = contentType };
    }
}
