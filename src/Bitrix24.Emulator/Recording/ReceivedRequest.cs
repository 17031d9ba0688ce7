using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Faults;

namespace Bitrix24.Emulator.Recording;

/// <summary>
/// One HTTP request the portal received, with what became of it. Tests read these to prove what a
/// client sent and that nothing was sent twice.
/// </summary>
public sealed class ReceivedRequest
{
    internal ReceivedRequest(int sequence, DateTimeOffset time, string httpMethod, string target, string method, JsonObject parameters, string body, string? contentType, string? bodyProblem)
    {
        Sequence = sequence;
        Time = time;
        HttpMethod = httpMethod;
        Target = target;
        Method = method;
        Parameters = parameters;
        Body = body;
        ContentType = contentType;
        BodyProblem = bodyProblem;
    }

    /// <summary>1 for the first request the portal received, then 2, 3, ...</summary>
    public int Sequence { get; }

    /// <summary>When it arrived, by the portal's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string HttpMethod { get; }

    /// <summary>The path and query string as received, e.g. <c>/rest/1/{code}/profile.json?x=1</c> (this is the test's own portal, so the code is shown).</summary>
    public string Target { get; }

    /// <summary>The REST method from the URL, without <c>.json</c> (<c>batch</c> for a batch).</summary>
    public string Method { get; }

    /// <summary>The parameters as the portal read them (query and body merged, form keys nested).</summary>
    public JsonObject Parameters { get; }

    /// <summary>The body as received.</summary>
    public string Body { get; }

    /// <summary>The <c>Content-Type</c> header, if any.</summary>
    public string? ContentType { get; }

    /// <summary>Why the body could not be read, or null.</summary>
    public string? BodyProblem { get; }

    /// <summary>How the call was authorized; <see cref="EmulatedAuthKind.None"/> if it was refused before or at that step.</summary>
    public EmulatedAuthKind AuthKind { get; internal set; }

    /// <summary>The fault played for this request, or null.</summary>
    public EmulatedFault? Fault { get; internal set; }

    /// <summary>Whether the method ran (so its state change, if any, happened).</summary>
    public bool Processed { get; internal set; }

    /// <summary>The HTTP status answered, or null when the connection was dropped.</summary>
    public int? Status { get; internal set; }

    /// <summary>The error code answered, or null on success.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>An unexpected exception from a method handler (answered as 500 <c>INTERNAL_SERVER_ERROR</c>), or null.</summary>
    public Exception? Crash { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Sequence} {HttpMethod} {Method} -> {(Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "dropped")}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}{(Fault is null ? string.Empty : " [" + Fault + "]")}";
}
