using System.Globalization;
using Bitrix24.ImBot;

namespace OpenLinesBot.Conversation;

/// <summary>
/// An Open Lines chat as the bot addresses it: <see cref="ChatId"/> for imopenlines.bot.session.* (<c>CHAT_ID</c>),
/// <see cref="DialogId"/> for imbot.v2.* (<c>chat{id}</c>).
/// </summary>
public sealed record OpenLineDialog(int ChatId, string DialogId)
{
    /// <summary>The dialog of an event's chat, or null when the chat is not an Open Lines one (entityType LINES).</summary>
    public static OpenLineDialog? From(Chat? chat) =>
        chat is { EntityType: "LINES", Id: > 0 }
            ? new OpenLineDialog(chat.Id, chat.DialogId ?? "chat" + chat.Id.ToString(CultureInfo.InvariantCulture))
            : null;
}
