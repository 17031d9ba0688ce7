namespace Bitrix24.Cli.Output;

/// <summary>
/// Hides the webhook code in everything the command line prints, so
/// <c>https://host/rest/1/{code}/method</c> reads <c>https://host/rest/1/***/method</c>. The SDK's own
/// messages are already redacted; this covers what the command line prints itself (the request URL,
/// the result, portal texts).
/// </summary>
internal sealed class SecretMask
{
    private const string Hidden = "***";

    private readonly string? _secret;

    private SecretMask(string? secret) => _secret = string.IsNullOrEmpty(secret) ? null : secret;

    /// <summary>Hides nothing.</summary>
    public static SecretMask None { get; } = new(null);

    /// <summary>Hides the code of a webhook URL already accepted by <see cref="Bitrix24ClientOptions.Webhook(Uri)"/>: its last path segment.</summary>
    public static SecretMask ForWebhook(Uri webhookUrl) =>
        new(webhookUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault());

    /// <summary>The text with every occurrence of the secret replaced by <c>***</c>.</summary>
    public string Apply(string text) => _secret is null ? text : text.Replace(_secret, Hidden, StringComparison.Ordinal);
}
