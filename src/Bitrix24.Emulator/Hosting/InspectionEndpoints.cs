using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Read-only views for a standalone emulator, where there is no C# object to ask:
/// <c>GET /_emulator/chats/{id}</c> (session, members and transcript, each message with its keyboard and
/// attachment as the bot sent them) and <c>GET /_emulator/requests</c>.
/// No real portal has these paths, so they cannot be mistaken for REST methods.
/// </summary>
internal static class InspectionEndpoints
{
    public static void Map(WebApplication app, EmulatedPortal portal)
    {
        app.MapGet("/_emulator/chats/{chatId:int}", (int chatId) =>
            portal.State.FindChat(chatId) is { } chat ? Json(200, ToJson(chat)) : Json(404, new JsonObject { ["error"] = $"no chat {chatId}" }));
        app.MapGet("/_emulator/requests", () => Json(200, new JsonArray(portal.Requests.All.Select(ToJson).ToArray())));
    }

    private static JsonObject ToJson(ChatSnapshot chat) => new()
    {
        ["chatId"] = chat.ChatId,
        ["dialogId"] = chat.DialogId,
        ["lineId"] = chat.LineId,
        ["sessionId"] = chat.SessionId,
        ["owner"] = chat.Owner.ToString(),
        ["status"] = chat.Status.ToString(),
        ["botIsMember"] = chat.BotIsMember,
        ["members"] = new JsonArray(chat.Members.Select(id => (JsonNode)id).ToArray()),
        ["transcript"] = new JsonArray(chat.Transcript.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["author"] = m.AuthorName,
            ["authorId"] = m.AuthorId,
            ["botId"] = m.BotId,
            ["system"] = m.IsSystem,
            ["text"] = m.Text,
            ["time"] = m.Time.ToString("O", CultureInfo.InvariantCulture),
            ["keyboard"] = m.Keyboard,
            ["attach"] = m.Attach,
            ["replyId"] = m.ReplyId,
            ["edited"] = m.IsEdited,
            ["deleted"] = m.IsDeleted,
        }).ToArray()),
    };

    private static JsonNode ToJson(ReceivedRequest request) => new JsonObject
    {
        ["sequence"] = request.Sequence,
        ["time"] = request.Time.ToString("O", CultureInfo.InvariantCulture),
        ["method"] = request.Method,
        ["auth"] = request.AuthKind.ToString(),
        ["status"] = request.Status,
        ["error"] = request.ErrorCode,
        ["processed"] = request.Processed,
        ["fault"] = request.Fault?.Description,
        ["crash"] = request.Crash?.ToString(),
    };

    private static IResult Json(int status, JsonNode body) =>
        Results.Text(body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
}
