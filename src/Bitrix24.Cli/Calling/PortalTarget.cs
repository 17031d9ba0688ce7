using Bitrix24.Cli.Output;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;

namespace Bitrix24.Cli.Calling;

/// <summary>
/// The portal a call goes to: the given webhook, or an emulator started in-process for this one call
/// (and stopped when this is disposed).
/// </summary>
internal sealed class PortalTarget : IAsyncDisposable
{
    private PortalTarget(Bitrix24ClientOptions clientOptions, SecretMask mask, EmulatedPortal? emulator)
    {
        ClientOptions = clientOptions;
        Mask = mask;
        Emulator = emulator;
    }

    /// <summary>How the SDK client reaches the portal.</summary>
    public Bitrix24ClientOptions ClientOptions { get; }

    /// <summary>Hides the webhook code in output.</summary>
    public SecretMask Mask { get; }

    /// <summary>The embedded emulator, or null when calling a webhook.</summary>
    public EmulatedPortal? Emulator { get; }

    /// <summary>One line for the user: where the call goes (the host only, never the code).</summary>
    public string Description => Emulator is null
        ? $"Calling {ClientOptions.Portal} through its incoming webhook."
        : $"Running against the embedded Bitrix24 emulator at {Emulator.BaseUrl} (demo portal; chat {DemoPortal.ChatId} has an active bot session). "
          + $"Pass --webhook URL or set {CliContext.WebhookVariable} to call a real portal.";

    /// <summary>Uses <paramref name="webhookUrl"/>, or starts the emulator when it is null.</summary>
    /// <exception cref="UsageException">The URL is not an incoming webhook URL.</exception>
    public static async Task<PortalTarget> OpenAsync(string? webhookUrl, CancellationToken cancellationToken)
    {
        if (webhookUrl is null)
        {
            EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions(), cancellationToken).ConfigureAwait(false);
            return new PortalTarget(Bitrix24ClientOptions.Webhook(portal.WebhookUrl), SecretMask.ForWebhook(portal.WebhookUrl), portal);
        }

        Bitrix24ClientOptions options;
        try
        {
            options = Bitrix24ClientOptions.Webhook(webhookUrl);
        }
        catch (ArgumentException e)
        {
            // The SDK's message names the host and the expected shape, never the path with the code.
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new UsageException("Invalid webhook URL: " + reason);
        }

        return new PortalTarget(options, SecretMask.ForWebhook(new Uri(webhookUrl.Trim())), emulator: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
