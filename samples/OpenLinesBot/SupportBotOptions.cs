namespace OpenLinesBot;

/// <summary>How the bot gets its events.</summary>
public enum EventDelivery
{
    /// <summary>The bot asks for its events (<c>imbot.v2.Event.get</c>): no public URL needed. The default.</summary>
    Fetch,

    /// <summary>The portal POSTs each event to <c>{PublicUrl}/bitrix24/events</c>.</summary>
    Webhook,
}

/// <summary>The bot's settings: section <c>OpenLinesBot</c> (environment: <c>OpenLinesBot__BotToken</c> and so on).</summary>
public sealed class SupportBotOptions
{
    public const string SectionName = "OpenLinesBot";

    /// <summary>The bot's code: registration is idempotent by it, so every start finds the same bot.</summary>
    public string Code { get; set; } = "openlines_faq_bot";

    /// <summary>The bot's name in chats.</summary>
    public string Name { get; set; } = "FAQ Bot";

    /// <summary>
    /// The bot token (at most 40 characters) that identifies the bot in calls through an incoming webhook, and is the
    /// <c>CLIENT_ID</c> of the session transfer and finish calls. Not needed with an OAuth application.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>Fetch (default) or Webhook.</summary>
    public EventDelivery Mode { get; set; } = EventDelivery.Fetch;

    /// <summary>Webhook mode: the address the portal can reach this app at; by default the address it listens on.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The open line whose queue the "Sales" button transfers to; without it the button is not offered.</summary>
    public int? SalesQueueId { get; set; }

    /// <summary>The FAQ file, relative to the program's folder.</summary>
    public string FaqFile { get; set; } = "faq.yaml";

    /// <summary>Fetch mode: how long to wait before asking again when no event was waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fetch mode: the folder (relative to the program's) where the last handled event's offset is kept, so a restart
    /// neither repeats nor skips an event. Empty: kept in memory only, as for the embedded portal, which starts empty.
    /// </summary>
    public string? StateDirectory { get; set; } = "state";

    /// <summary>The embedded portal's port (0: any free one). Ignored when a real portal is configured.</summary>
    public int EmulatorPort { get; set; }

    /// <summary>What is wrong with the settings, one line each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Code))
        {
            problems.Add("OpenLinesBot:Code is empty.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("OpenLinesBot:Name is empty.");
        }

        if (BotToken is { Length: > 40 })
        {
            problems.Add($"OpenLinesBot:BotToken is {BotToken.Length} characters long; Bitrix24 takes at most 40.");
        }

        if (PublicUrl is { IsAbsoluteUri: false } || PublicUrl is { Scheme: not ("http" or "https") })
        {
            problems.Add("OpenLinesBot:PublicUrl must be an absolute http or https URL.");
        }

        if (SalesQueueId is <= 0)
        {
            problems.Add("OpenLinesBot:SalesQueueId must be a positive open line id.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add("OpenLinesBot:PollInterval must be positive.");
        }

        if (EmulatorPort is < 0 or > 65535)
        {
            problems.Add("OpenLinesBot:EmulatorPort must be 0 to 65535.");
        }

        return problems;
    }
}
