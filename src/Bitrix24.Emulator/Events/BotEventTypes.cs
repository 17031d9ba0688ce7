namespace Bitrix24.Emulator.Events;

/// <summary>The event codes the emulator produces (imbot.v2 events.md; common/events/on-app-install.md, on-app-uninstall.md).</summary>
public static class BotEventTypes
{
    /// <summary>A message for the bot in one of its chats.</summary>
    public const string MessageAdd = "ONIMBOTV2MESSAGEADD";

    /// <summary>The bot was added to a chat.</summary>
    public const string JoinChat = "ONIMBOTV2JOINCHAT";

    /// <summary>A command of the bot was called (here: a keyboard button was pressed).</summary>
    public const string CommandAdd = "ONIMBOTV2COMMANDADD";

    /// <summary>An application was installed; carries its tokens and <c>application_token</c>.</summary>
    public const string AppInstall = "ONAPPINSTALL";

    /// <summary>An application was uninstalled.</summary>
    public const string AppUninstall = "ONAPPUNINSTALL";
}
