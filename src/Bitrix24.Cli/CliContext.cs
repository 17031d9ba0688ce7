namespace Bitrix24.Cli;

/// <summary>What a run may touch of the outside world; tests pass string writers and a made-up environment.</summary>
/// <param name="Out">Where results go (standard output).</param>
/// <param name="Error">Where errors go (standard error).</param>
/// <param name="Environment">The environment variables.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The variable naming the webhook to call when <c>--webhook</c> is not given.</summary>
    public const string WebhookVariable = "BITRIX24_WEBHOOK_URL";

    /// <summary>The webhook from the environment, or null when it is unset or blank.</summary>
    public string? WebhookFromEnvironment =>
        Environment.TryGetValue(WebhookVariable, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Where <c>@file</c> paths of JSON parameters are found: the current directory unless a test says otherwise.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}
