namespace Bitrix24.Emulator.State;

/// <summary>
/// The bot types <c>imbot.v2.Bot.register</c> accepts (the <c>BOT_INVALID_TYPE</c> text lists all five; the "Bot Types"
/// table describes four of them and not <c>network</c>, which the emulator accepts and treats as <c>bot</c>).
/// </summary>
public static class BotTypes
{
    /// <summary>A regular bot: events on an <c>@bot</c> mention or in a 1:1 chat. The default.</summary>
    public const string Bot = "bot";

    /// <summary>Sees every message in the chats it is a member of.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Like <see cref="Supervisor"/>, and hidden from search for users without access.</summary>
    public const string Personal = "personal";

    /// <summary>A bot for Open Channels (open lines); otherwise it behaves like <see cref="Bot"/>.</summary>
    public const string OpenLine = "openline";

    /// <summary>Accepted by registration but not described by the docs.</summary>
    public const string Network = "network";

    /// <summary>All five, in the order of the <c>BOT_INVALID_TYPE</c> text.</summary>
    public static IReadOnlyList<string> All { get; } = [Bot, Network, OpenLine, Supervisor, Personal];
}
