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
    /// <summary>Says which portal the call goes to.</summary>
    public void Target(string description)
    {
        if (!jsonOnly)
        {
            context.Out.WriteLine(mask.Apply(description));
            context.Out.WriteLine();
        }
    }

    /// <summary>The HTTP requests that went out, with their JSON bodies.</summary>
    public void Sent(IReadOnlyList<CapturedRequest> requests)
    {
        if (jsonOnly)
        {
            return;
        }

        foreach (CapturedRequest request in requests)
        {
            context.Out.WriteLine(mask.Apply($"Sent:    {request.Method} {request.Uri}"));
            context.Out.WriteLine(mask.Apply($"Body:    {request.Body}"));
        }
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
