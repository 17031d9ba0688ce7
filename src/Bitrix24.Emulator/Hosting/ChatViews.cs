using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using static Bitrix24.Emulator.Hosting.InspectionResults;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Read-only views of the open lines and their chats, with names resolved so a page can show them as they are:
/// <c>GET /_emulator/chats</c>, <c>GET /_emulator/chats/{id}</c> and <c>GET /_emulator/lines</c>. Each view is built
/// under the state's lock, so it is one consistent moment.
/// </summary>
internal static class ChatViews
{
    public static void Map(WebApplication app, PortalState state)
    {
        app.MapGet("/_emulator/chats", () =>
        {
            lock (state.Gate)
            {
                return Json(200, new JsonArray(state.ChatsLocked.Select(c => (JsonNode)Summary(state, c)).ToArray()));
            }
        });
        app.MapGet("/_emulator/chats/{chatId:int}", (int chatId) =>
        {
            lock (state.Gate)
            {
                return state.FindChatLocked(chatId) is { } chat ? Json(200, Detail(state, chat)) : NotFound($"no chat {chatId}");
            }
        });
        app.MapGet("/_emulator/lines", () =>
        {
            lock (state.Gate)
            {
                return Json(200, new JsonArray(state.OpenLinesLocked.Select(l => (JsonNode)Line(state, l)).ToArray()));
            }
        });
    }

    private static JsonObject Summary(PortalState state, OpenLineChat chat)
    {
        TranscriptMessage? last = chat.Transcript.Count > 0 ? chat.Transcript[^1] : null;
        return new JsonObject
        {
            ["chatId"] = chat.ChatId,
            ["dialogId"] = DialogId(chat),
            ["lineId"] = chat.LineId,
            ["lineName"] = state.FindLineLocked(chat.LineId)?.Name,
            ["customer"] = state.UserNameLocked(chat.CustomerId),
            ["customerId"] = chat.CustomerId,
            ["sessionId"] = chat.SessionId,
            ["status"] = chat.Status.ToString(),
            ["ownerKind"] = OwnerKind(chat.Owner),
            ["ownerId"] = chat.Owner.Id,
            ["ownerName"] = OwnerName(state, chat.Owner),
            ["botIsMember"] = chat.BotIsMember,
            ["messageCount"] = chat.Transcript.Count,
            ["lastMessage"] = last?.Text,
            ["lastMessageTime"] = last is null ? null : Time(last.Time),
        };
    }

    /// <summary>The fields the endpoint always had (<c>owner</c>, <c>members</c>, ...), then the names a page shows.</summary>
    private static JsonObject Detail(PortalState state, OpenLineChat chat) => new()
    {
        ["chatId"] = chat.ChatId,
        ["dialogId"] = DialogId(chat),
        ["lineId"] = chat.LineId,
        ["sessionId"] = chat.SessionId,
        ["owner"] = chat.Owner.ToString(),
        ["status"] = chat.Status.ToString(),
        ["botIsMember"] = chat.BotIsMember,
        ["members"] = new JsonArray(chat.Members.Select(id => (JsonNode)id).ToArray()),
        ["lineName"] = state.FindLineLocked(chat.LineId)?.Name,
        ["customer"] = state.UserNameLocked(chat.CustomerId),
        ["customerId"] = chat.CustomerId,
        ["ownerKind"] = OwnerKind(chat.Owner),
        ["ownerId"] = chat.Owner.Id,
        ["ownerName"] = OwnerName(state, chat.Owner),
        ["memberNames"] = new JsonArray(chat.Members.Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["name"] = state.UserNameLocked(id),
            ["isBot"] = state.IsBotUserLocked(id),
        }).ToArray()),
        ["transcript"] = new JsonArray(chat.Transcript.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["author"] = m.AuthorName,
            ["authorId"] = m.AuthorId,
            ["authorKind"] = AuthorKind(state, chat, m),
            ["botId"] = m.BotId,
            ["system"] = m.IsSystem,
            ["text"] = m.Text,
            ["time"] = Time(m.Time),
            ["keyboard"] = m.Keyboard,
            ["attach"] = m.Attach,
            ["replyId"] = m.ReplyId,
            ["edited"] = m.IsEdited,
            ["deleted"] = m.IsDeleted,
        }).ToArray()),
    };

    private static JsonObject Line(PortalState state, OpenLine line) => new()
    {
        ["id"] = line.Id,
        ["name"] = line.Name,
        ["greeting"] = line.Greeting,
        ["currentBotId"] = state.NewDialogBotLocked(line.Id),
        ["bots"] = new JsonArray(state.LineBotsLocked(line.Id).Select(id => (JsonNode)id).ToArray()),
        ["queue"] = new JsonArray(line.Queue.Select(id => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["name"] = state.UserNameLocked(id),
            ["active"] = state.FindUserLocked(id)?.IsActive ?? false,
        }).ToArray()),
    };

    /// <summary>customer, bot (a bot's message, system or not), system (a system message with no bot), or operator (anyone else).</summary>
    private static string AuthorKind(PortalState state, OpenLineChat chat, TranscriptMessage message) =>
        message.BotId is not null || (message.AuthorId > 0 && state.IsBotUserLocked(message.AuthorId)) ? "bot"
        : message.AuthorId == chat.CustomerId && !message.IsSystem ? "customer"
        : message.IsSystem ? "system"
        : "operator";

    private static string OwnerKind(SessionOwner owner) => owner.Kind switch
    {
        SessionOwnerKind.Bot => "bot",
        SessionOwnerKind.Operator => "operator",
        _ => "queue",
    };

    private static string OwnerName(PortalState state, SessionOwner owner) =>
        owner.Kind == SessionOwnerKind.Queue
            ? state.FindLineLocked(owner.Id)?.Name ?? "line " + owner.Id.ToString(CultureInfo.InvariantCulture)
            : state.UserNameLocked(owner.Id);

    private static string DialogId(OpenLineChat chat) => "chat" + chat.ChatId.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
