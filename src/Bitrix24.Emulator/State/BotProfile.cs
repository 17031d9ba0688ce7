namespace Bitrix24.Emulator.State;

/// <summary>How a bot shows as a user: <c>fields.properties</c> of <c>imbot.v2.Bot.register</c> and <c>Bot.update</c>.</summary>
/// <param name="Name">The first name (<c>properties.name</c>, required at registration).</param>
/// <param name="LastName">The last name, or empty.</param>
/// <param name="WorkPosition">The position shown in the profile, or empty.</param>
/// <param name="Color">The avatar colour as HEX (<c>#df532d</c>), from one of the chat colour codes; null when none was chosen.</param>
/// <param name="Gender"><c>M</c>, <c>F</c>, or null.</param>
public sealed record BotProfile(string Name, string LastName = "", string WorkPosition = "", string? Color = null, string? Gender = null)
{
    /// <summary>The name and last name, as the bot's user is called in chats.</summary>
    public string FullName => LastName.Length == 0 ? Name : Name + " " + LastName;
}
