namespace Bitrix24.Emulator.Events;

/// <summary>What pressing a keyboard button with a <c>COMMAND</c> did.</summary>
/// <param name="BotId">The bot the command is routed to: the keyboard's <c>BOT_ID</c>, else the bot that sent the message.</param>
/// <param name="CommandId">The registered command's id, or 0 when the bot has no such command.</param>
/// <param name="Command">The command as events give it, with its slash (<c>/help</c>).</param>
/// <param name="Params">The command's parameters (the button's <c>COMMAND_PARAMS</c>, or those given).</param>
/// <param name="Delivered">Whether the bot got <c>ONIMBOTV2COMMANDADD</c> (queued for <c>Event.get</c>, or for its webhook).</param>
/// <param name="Reason">Why it did not, or null.</param>
public sealed record EmulatedCommandPress(int BotId, int CommandId, string Command, string Params, bool Delivered, string? Reason);
