using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Views and customer actions for a standalone emulator, where there is no C# object to ask:
/// <list type="bullet">
/// <item><c>GET /_emulator/chats/{id}</c>: session, members and transcript, each message with its keyboard and attachment as the bot sent them.</item>
/// <item><c>POST /_emulator/chats/{id}/messages</c> <c>{"text": "..."}</c>: the customer writes; <c>{"messageId": N}</c>.</item>
/// <item><c>POST /_emulator/chats/{id}/commands</c> <c>{"messageId": N, "command": "help", "params": "..."}</c> or
/// <c>{"messageId": N, "button": 0}</c>: the customer presses a keyboard button; <c>{"delivered": true|false, ...}</c>.</item>
/// <item><c>GET /_emulator/bots</c>, <c>GET /_emulator/bots/{id}</c>: a bot's event mode, webhook URL and <c>application_token</c>.</item>
/// <item><c>GET /_emulator/portal</c>: <c>domain</c>, <c>member_id</c>, endpoints, the application and its <c>application_token</c>.</item>
/// <item><c>GET /_emulator/deliveries</c>: every event POST with its outcome; <c>GET /_emulator/requests</c>: every REST request.</item>
/// </list>
/// No real portal has these paths, so they cannot be mistaken for REST methods. Errors are <c>{"error": "..."}</c> with 400 or 404.
/// </summary>
internal static class InspectionEndpoints
{
    public static void Map(WebApplication app, EmulatedPortal portal)
    {
        app.MapGet("/_emulator/chats/{chatId:int}", (int chatId) =>
            portal.State.FindChat(chatId) is { } chat ? Json(200, ToJson(chat)) : NotFound($"no chat {chatId}"));
        app.MapPost("/_emulator/chats/{chatId:int}/messages", (int chatId, HttpRequest request) => PostMessageAsync(portal, chatId, request));
        app.MapPost("/_emulator/chats/{chatId:int}/commands", (int chatId, HttpRequest request) => PressAsync(portal, chatId, request));
        app.MapGet("/_emulator/requests", () => Json(200, new JsonArray(portal.Requests.All.Select(ToJson).ToArray())));
        app.MapGet("/_emulator/deliveries", () => Json(200, new JsonArray(portal.Deliveries.All.Select(ToJson).ToArray())));
        app.MapGet("/_emulator/bots", () => Json(200, new JsonArray(portal.State.Bots.Select(b => (JsonNode)ToJson(portal, b)).ToArray())));
        app.MapGet("/_emulator/bots/{botId:int}", (int botId) =>
            portal.State.FindBot(botId) is { } bot ? Json(200, ToJson(portal, bot)) : NotFound($"no bot {botId}"));
        app.MapGet("/_emulator/portal", () => Json(200, new JsonObject
        {
            ["baseUrl"] = portal.BaseUrl.ToString(),
            ["domain"] = portal.Domain,
            ["memberId"] = portal.MemberId,
            ["clientEndpoint"] = portal.ClientEndpoint.ToString(),
            ["serverEndpoint"] = portal.ServerEndpoint.ToString(),
            ["tokenEndpoint"] = portal.TokenEndpoint.ToString(),
            ["application"] = new JsonObject
            {
                ["clientId"] = portal.Application.ClientId,
                ["applicationToken"] = portal.ApplicationToken,
            },
        }));
    }

    /// <summary><c>{"text": "..."}</c> → 200 <c>{"messageId": N}</c>; 404 for an unknown chat, 400 for a missing or empty text.</summary>
    private static async Task<IResult> PostMessageAsync(EmulatedPortal portal, int chatId, HttpRequest request)
    {
        if (await ReadObjectAsync(request).ConfigureAwait(false) is not { } body)
        {
            return BadRequest("the body must be a JSON object, e.g. {\"text\": \"Hello\"}");
        }

        if (portal.State.FindChat(chatId) is null)
        {
            return NotFound($"no chat {chatId}");
        }

        if (body["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetValue<string>()))
        {
            return BadRequest("text is required: a non-empty string");
        }

        int messageId = portal.PostCustomerMessage(chatId, text.GetValue<string>());
        return Json(200, new JsonObject { ["messageId"] = messageId });
    }

    /// <summary>
    /// <c>{"messageId": N, "command": "help", "params": "..."}</c> or <c>{"messageId": N, "button": index}</c> → 200
    /// <c>{"delivered", "botId", "commandId", "command", "params", "reason"}</c>; 404 for an unknown chat, 400 for a
    /// message, keyboard or button that does not allow the press.
    /// </summary>
    private static async Task<IResult> PressAsync(EmulatedPortal portal, int chatId, HttpRequest request)
    {
        if (await ReadObjectAsync(request).ConfigureAwait(false) is not { } body)
        {
            return BadRequest("the body must be a JSON object, e.g. {\"messageId\": 15, \"button\": 0}");
        }

        if (portal.State.FindChat(chatId) is null)
        {
            return NotFound($"no chat {chatId}");
        }

        int? messageId = Integer(body["messageId"]);
        int? button = Integer(body["button"]);
        string? command = Text(body["command"]);
        string? parameters = Text(body["params"]);
        if (messageId is not > 0)
        {
            return BadRequest("messageId is required: the id of the bot's message with the keyboard");
        }

        if (body["button"] is not null && button is null)
        {
            return BadRequest("button must be an integer: the button's place among the keyboard's buttons, from 0, line breaks not counted");
        }

        if ((button is null) == (command is null))
        {
            return BadRequest("give either button (its place on the keyboard) or command (the button's COMMAND)");
        }

        if ((body["command"] is not null && command is null) || (body["params"] is not null && parameters is null))
        {
            return BadRequest("command and params must be strings");
        }

        try
        {
            EmulatedCommandPress press = button is int index
                ? portal.PressKeyboardButton(chatId, messageId.Value, index)
                : portal.PressKeyboardCommand(chatId, messageId.Value, command!, parameters);
            return Json(200, new JsonObject
            {
                ["delivered"] = press.Delivered,
                ["botId"] = press.BotId,
                ["commandId"] = press.CommandId,
                ["command"] = press.Command,
                ["params"] = press.Params,
                ["reason"] = press.Reason,
            });
        }
        catch (ArgumentException e)
        {
            // The message without .NET's " (Parameter 'x')" suffix.
            return BadRequest(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }
        catch (KeyNotFoundException e)
        {
            return NotFound(e.Message);
        }
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            JsonObject? body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
            _ = body?.Count; // a repeated property name throws here, not later
            return body;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static int? Integer(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int number) ? number : null;

    private static string? Text(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static JsonObject ToJson(EmulatedPortal portal, ChatBot bot) => new()
    {
        ["id"] = bot.Id,
        ["code"] = bot.Code,
        ["type"] = bot.Type,
        ["registeredWithV2"] = bot.RegisteredWithV2,
        ["supportsOpenLines"] = bot.SupportsOpenLines,
        ["eventMode"] = bot.EventMode,
        ["webhookUrl"] = bot.WebhookUrl,
        ["appClientId"] = bot.AppClientId,
        ["applicationToken"] = portal.State.ApplicationTokenOfBot(bot.Id),
        ["queuedEvents"] = portal.State.QueuedEvents(bot.Id).Count,
    };

    private static JsonNode ToJson(EmulatedDelivery delivery)
    {
        var fields = new JsonObject();
        foreach ((string key, string value) in delivery.Fields)
        {
            fields[key] = value;
        }

        return new JsonObject
        {
            ["sequence"] = delivery.Sequence,
            ["time"] = delivery.Time.ToString("O", CultureInfo.InvariantCulture),
            ["event"] = delivery.Event,
            ["url"] = delivery.Url.ToString(),
            ["botId"] = delivery.BotId,
            ["applicationClientId"] = delivery.ApplicationClientId,
            ["status"] = delivery.Status.ToString(),
            ["httpStatus"] = delivery.HttpStatus,
            ["error"] = delivery.Error,
            ["durationMs"] = delivery.Duration is { } duration ? Math.Round(duration.TotalMilliseconds, 1) : null,
            ["body"] = delivery.Body,
            ["fields"] = fields,
        };
    }

    private static IResult NotFound(string error) => Json(404, new JsonObject { ["error"] = error });

    private static IResult BadRequest(string error) => Json(400, new JsonObject { ["error"] = error });

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
