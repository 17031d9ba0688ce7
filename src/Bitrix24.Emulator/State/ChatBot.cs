namespace Bitrix24.Emulator.State;

/// <summary>
/// A registered chat bot. The positional members are what every bot has (and what the <c>imopenlines.bot.session.*</c>
/// methods look at); the others are the profile and settings of Chatbots 2.0 (<c>imbot.v2.*</c>). A bot registered
/// the v1 way is visible to v2 and the other way round, as the docs say (Chatbots 2.0, "Relevance of Methods").
/// </summary>
/// <param name="Id">The <c>BOT_ID</c>, which is also the bot's user id.</param>
/// <param name="Code">The bot's unique <c>CODE</c>.</param>
/// <param name="AppClientId">The OAuth application that registered it; calls made with that app's tokens find this bot.</param>
/// <param name="WebhookClientId">
/// The <c>CLIENT_ID</c> given to <c>imbot.register</c> (or the <c>botToken</c> of <c>imbot.v2.Bot.register</c>);
/// webhook calls of <c>transfer</c> and <c>finish</c> must pass it to find this bot, and webhook calls of
/// <c>imbot.v2.*</c> pass it as <c>botToken</c>. <c>imbot.v2.Bot.update</c> can rotate it.
/// </param>
public sealed record ChatBot(int Id, string Code, string? AppClientId, string? WebhookClientId)
{
    /// <summary>The bot's type: <c>bot</c> (the default), <c>supervisor</c>, <c>personal</c>, <c>openline</c> or <c>network</c>.</summary>
    public string Type { get; init; } = BotTypes.Bot;

    /// <summary>Whether the bot serves Open Channels besides its type (<c>isSupportOpenline</c>).</summary>
    public bool IsSupportOpenline { get; init; }

    /// <summary>Whether the bot is hidden from the contact list (<c>isHidden</c>).</summary>
    public bool IsHidden { get; init; }

    /// <summary>Whether users may react to the bot's messages (<c>isReactionsEnabled</c>, true by default).</summary>
    public bool IsReactionsEnabled { get; init; } = true;

    /// <summary>The chat background (<c>backgroundId</c>), or null for the user's own.</summary>
    public string? BackgroundId { get; init; }

    /// <summary>The bot's language (<c>language</c>); the emulated portal speaks English.</summary>
    public string Language { get; init; } = "en";

    /// <summary>How the bot gets its events: <c>fetch</c> (the default) or <c>webhook</c>.</summary>
    public string EventMode { get; init; } = "fetch";

    /// <summary>Where <c>webhook</c> mode delivers events, or null.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The profile given by <c>fields.properties</c>; null for a bot seeded without one (its user's name is used).</summary>
    public BotProfile? Profile { get; init; }

    /// <summary>
    /// Whether the bot was registered through <c>imbot.v2.Bot.register</c>. A bot gets events only in the format of the
    /// API version it was registered through.
    /// </summary>
    public bool RegisteredWithV2 { get; init; }

    /// <summary>
    /// Whether the bot can serve open lines: type <c>openline</c>, or any type with <see cref="IsSupportOpenline"/>
    /// (the Open Lines tutorial's "hybrid" bot). Only such a bot can be connected to a line (<see cref="PortalState.ConnectBotToLine"/>).
    /// </summary>
    public bool SupportsOpenLines => Type == BotTypes.OpenLine || IsSupportOpenline;
}
