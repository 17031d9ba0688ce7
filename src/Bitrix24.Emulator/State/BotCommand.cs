namespace Bitrix24.Emulator.State;

/// <summary>A bot's slash command (<c>imbot.v2.Command.register</c>).</summary>
/// <param name="Id">The command id, increasing across the portal.</param>
/// <param name="BotId">The bot that owns it.</param>
/// <param name="Command">The command without its slash (<c>help</c>); responses show it as <c>/help</c>.</param>
/// <param name="Title">The title by two-letter language code (<c>{"en": "Show help"}</c>); may be empty for a hidden command.</param>
/// <param name="Params">The parameter hint by language code; may be empty.</param>
/// <param name="Common">Available in every chat, not only where the bot is a member.</param>
/// <param name="Hidden">Hidden from the list of commands.</param>
/// <param name="ExtranetSupport">Available to extranet users.</param>
public sealed record BotCommand(
    int Id,
    int BotId,
    string Command,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Params,
    bool Common,
    bool Hidden,
    bool ExtranetSupport);
