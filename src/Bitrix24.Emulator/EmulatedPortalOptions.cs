using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator;

/// <summary>How an <see cref="EmulatedPortal"/> behaves. The defaults are a cloud portal on a standard plan with the demo data.</summary>
public sealed class EmulatedPortalOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) lets the system pick a free one.</summary>
    public int Port { get; set; }

    /// <summary>The request-rate limit; <see cref="EmulatedRateLimit.Standard"/> by default, null to switch it off.</summary>
    public EmulatedRateLimit? RateLimit { get; set; } = EmulatedRateLimit.Standard;

    /// <summary>
    /// The per-method operating limit within ten minutes; 480 s by default (the docs' example; the cloud
    /// value is not published), null to switch it off (then <c>time</c> has no <c>operating</c> fields).
    /// </summary>
    public TimeSpan? OperatingLimit { get; set; } = TimeSpan.FromSeconds(480);

    /// <summary>The execution time every call reports and is charged against the operating limit.</summary>
    public TimeSpan CallDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long an access token works; one hour, as on Bitrix24.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The portal's clock: token expiry, limits, <c>time</c> blocks, transcript times and delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The portal's time-zone offset for <c>date_start</c> and <c>date_finish</c>.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Whether to seed <see cref="DemoPortal"/>'s users, open line, bot and chat 112 (true by default).</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The incoming webhooks; by default <see cref="DemoPortal.Webhook"/> and <see cref="DemoPortal.WebhookWithoutBotScopes"/>.</summary>
    public IList<EmulatedWebhook> Webhooks { get; } = [DemoPortal.Webhook, DemoPortal.WebhookWithoutBotScopes];

    /// <summary>The installed OAuth application; <see cref="DemoPortal.Application"/> by default.</summary>
    public EmulatedApplication Application { get; set; } = DemoPortal.Application;

    /// <summary>Methods to add to the built-in ones (or to replace one of the same name), e.g. to emulate a method of your own spec.</summary>
    public IList<EmulatedMethod> Methods { get; } = [];

    /// <summary>
    /// How long an event POST may take before it counts as failed (not retried): 10 s by default. The docs publish no
    /// value; the real queue server's is unknown.
    /// </summary>
    public TimeSpan EventDeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>More seeding, run after the demo data: add chats, users, lines or bots. Seeding raises no events.</summary>
    public Action<PortalState>? Seed { get; set; }
}
