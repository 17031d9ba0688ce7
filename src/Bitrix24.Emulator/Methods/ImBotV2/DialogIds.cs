using System.Globalization;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>dialogId</c>: <c>chat{chatId}</c> for a group chat, <c>{userId}</c> for a private (P2P) dialog (Chatbots 2.0,
/// "Format of dialogId"). The emulated portal has open-line chats only, so a P2P dialog, an unknown chat, a missing or
/// malformed <c>dialogId</c> are all a chat the bot is not a member of: 403 <c>ACCESS_DENIED</c>, the one code the
/// pages give for a chat the bot cannot use (none of them lists a <c>DIALOG_ID</c> error).
/// </summary>
internal static class DialogIds
{
    /// <summary>The chat named by <c>dialogId</c>, if it exists (membership not checked).</summary>
    public static OpenLineChat? Find(EmulatedCall call)
    {
        string? dialogId = V2Parameters.Text(call.Parameters, "dialogId");
        return dialogId is not null
            && dialogId.StartsWith("chat", StringComparison.Ordinal)
            && dialogId.Length > "chat".Length
            && dialogId["chat".Length..].All(char.IsAsciiDigit)
            && int.TryParse(dialogId.AsSpan("chat".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int chatId)
                ? call.State.FindChatLocked(chatId)
                : null;
    }

    /// <summary>The chat named by <c>dialogId</c>, which the bot must be a member of ("Bot is not a participant in the chat").</summary>
    /// <exception cref="EmulatedRestException">403 <c>ACCESS_DENIED</c>.</exception>
    public static OpenLineChat RequireMembership(EmulatedCall call, ChatBot bot) =>
        Find(call) is { } chat && chat.IsMember(bot.Id) ? chat : throw ImBotV2Errors.AccessDenied();
}
