using System.Globalization;
using System.Text.Json;
using Bitrix24.Cli.Transport;

namespace Bitrix24.Cli.Output;

/// <summary>
/// What a call prints: where it goes, what was sent, and the result or the error. With <c>--json</c>
/// standard output carries the result only, so scripts can read it; errors always go to standard error.
/// Everything passes through the <see cref="SecretMask"/>.
/// </summary>
internal sealed class CallReport(CliContext context, SecretMask mask, bool jsonOnly)
{
    private CapturedRequest? _first;

    /// <summary>Says which portal the call goes to.</summary>
    public void Target(string description)
    {
        if (!jsonOnly)
        {
            context.Out.WriteLine(mask.Apply(description));
            context.Out.WriteLine();
        }
    }

    /// <summary>
    /// A request as it goes out. The first is printed in full; a repeat of it (the SDK repeats after
    /// 503 <c>QUERY_LIMIT_EXCEEDED</c> and the like) is one line, "Repeated: attempt 2 of 5 after 0.6 s",
    /// followed by the request only if it differs from the first.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="maxAttempts">The most attempts the SDK makes (its retry options).</param>
    public void Sending(CapturedRequest request, int maxAttempts)
    {
        if (jsonOnly)
        {
            return;
        }

        if (request.Attempt > 1 && _first is not null)
        {
            string waited = (request.Waited ?? TimeSpan.Zero).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            context.Out.WriteLine($"Repeated: attempt {request.Attempt} of {Math.Max(maxAttempts, request.Attempt)} after {waited} s");
            if (request.Method == _first.Method && request.Uri == _first.Uri && request.Body == _first.Body)
            {
                return;
            }
        }

        _first ??= request;
        context.Out.WriteLine(mask.Apply($"Sent:    {request.Method} {request.Uri}"));
        context.Out.WriteLine(mask.Apply($"Body:    {BodySecrets.Mask(request.Body)}"));
    }

    /// <summary>The method's result.</summary>
    public void Result(JsonElement result)
    {
        if (jsonOnly)
        {
            context.Out.WriteLine(mask.Apply(result.GetRawText()));
            return;
        }

        string json = mask.Apply(JsonText.Format(result));
        context.Out.WriteLine(json.Contains('\n', StringComparison.Ordinal) ? "Result:" + Environment.NewLine + json : "Result:  " + json);
    }

    /// <summary>The portal's error as <c>CODE: description</c>.</summary>
    public void ApiError(Bitrix24ApiException error) =>
        context.Error.WriteLine(mask.Apply(string.IsNullOrEmpty(error.Description) ? error.Code : $"{error.Code}: {OneLine(error.Description)}"));

    /// <summary>No valid answer: one line, no stack trace.</summary>
    public void TransportError(Bitrix24TransportException error) =>
        context.Error.WriteLine(mask.Apply($"transport error ({error.Failure}): {OneLine(error.Message)}"));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
