namespace OpenLinesBot.Conversation;

/// <summary>
/// The commands behind the bot's keyboard buttons. A button press reaches the bot as ONIMBOTV2COMMANDADD only for a
/// command the bot registered (imbot.v2.Command.register), so <see cref="All"/> is registered at every start.
/// </summary>
public static class BotCommands
{
    /// <summary>Answer the FAQ entry whose id is the button's COMMAND_PARAMS.</summary>
    public const string Faq = "faq";

    /// <summary>"Talk to a person": imopenlines.bot.session.operator.</summary>
    public const string Person = "person";

    /// <summary>"Sales": imopenlines.bot.session.transfer to the sales queue.</summary>
    public const string Sales = "sales";

    /// <summary>"That's all": imopenlines.bot.session.finish.</summary>
    public const string Done = "done";

    /// <summary>Each command with the title Bitrix24 shows for it.</summary>
    public static IReadOnlyList<(string Command, string Title)> All { get; } =
    [
        (Faq, "Answer a frequent question"),
        (Person, "Talk to a person"),
        (Sales, "Talk to sales"),
        (Done, "End the conversation"),
    ];
}
