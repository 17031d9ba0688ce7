using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Bitrix24.Emulator.Hosting.InspectionResults;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// What an open line's customer does, over HTTP: writes (<c>POST /_emulator/chats/{id}/messages</c>), presses a
/// keyboard button (<c>POST /_emulator/chats/{id}/commands</c>) and starts a new dialog
/// (<c>POST /_emulator/lines/{id}/chats</c>). Each raises the same events as the C# calls it stands for.
/// </summary>
internal static class CustomerActions
{
    public static void Map(WebApplication app, EmulatedPortal portal)
    {
        app.MapPost("/_emulator/chats/{chatId:int}/messages", (int chatId, HttpRequest request) => PostMessageAsync(portal, chatId, request));
        app.MapPost("/_emulator/chats/{chatId:int}/commands", (int chatId, HttpRequest request) => PressAsync(portal, chatId, request));
        app.MapPost("/_emulator/lines/{lineId:int}/chats", (int lineId, HttpRequest request) => StartDialogAsync(portal, lineId, request));
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

        if (Text(body["text"]) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return BadRequest("text is required: a non-empty string");
        }

        int messageId = portal.PostCustomerMessage(chatId, text);
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
            return BadRequest(Message(e));
        }
        catch (KeyNotFoundException e)
        {
            return NotFound(e.Message);
        }
    }

    /// <summary>
    /// <c>{"customer": "Dana Doe", "text": "Hello"}</c> (<c>text</c> optional) → 201 <c>{"chatId": N}</c>; 404 for an
    /// unknown line, 400 for a bad body or name, 409 when the line has no bot.
    /// </summary>
    private static async Task<IResult> StartDialogAsync(EmulatedPortal portal, int lineId, HttpRequest request)
    {
        if (await ReadObjectAsync(request).ConfigureAwait(false) is not { } body)
        {
            return BadRequest("the body must be a JSON object, e.g. {\"customer\": \"Dana Doe\", \"text\": \"Hello\"}");
        }

        if (!portal.State.OpenLines.Any(l => l.Id == lineId))
        {
            return NotFound($"no open line {lineId}");
        }

        string? text = Text(body["text"]);
        if (body["text"] is not null && text is null)
        {
            return BadRequest("text must be a string");
        }

        if (Text(body["customer"]) is not { } customer || string.IsNullOrWhiteSpace(customer) || customer.Trim().Length > PortalState.MaxCustomerNameLength)
        {
            return BadRequest($"customer is required: the customer's name, 1 to {PortalState.MaxCustomerNameLength} characters");
        }

        try
        {
            ChatSnapshot chat = portal.StartDialog(lineId, customer, text);
            return Json(201, new JsonObject { ["chatId"] = chat.ChatId });
        }
        catch (InvalidOperationException e)
        {
            return Error(409, e.Message);
        }
        catch (ArgumentException e)
        {
            return BadRequest(Message(e));
        }
    }
}
