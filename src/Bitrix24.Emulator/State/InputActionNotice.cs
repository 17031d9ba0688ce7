namespace Bitrix24.Emulator.State;

/// <summary>A "bot is typing" (or thinking, searching, ...) indicator a bot showed in a chat (<c>imbot.v2.Chat.InputAction.notify</c>).</summary>
/// <param name="ChatId">The chat it was shown in.</param>
/// <param name="BotId">The bot that showed it.</param>
/// <param name="StatusMessageCode">The status code (<c>IMBOT_AGENT_ACTION_THINKING</c>, ...), or null for the standard "typing".</param>
/// <param name="Duration">How many seconds it shows (1 to 600), or null for the server's default.</param>
/// <param name="Time">When it was sent, by the portal's clock.</param>
public sealed record InputActionNotice(int ChatId, int BotId, string? StatusMessageCode, int? Duration, DateTimeOffset Time);
