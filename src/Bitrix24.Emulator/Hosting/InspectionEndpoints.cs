using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Microsoft.AspNetCore.Builder;
using static Bitrix24.Emulator.Hosting.InspectionResults;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Views and customer actions for a standalone emulator, where there is no C# object to ask:
/// <list type="bullet">
/// <item><c>GET /_emulator/</c>: the playground page (<see cref="PlaygroundFiles"/>).</item>
/// <item><c>GET /_emulator/chats</c>, <c>GET /_emulator/chats/{id}</c>, <c>GET /_emulator/lines</c>: the chats, one
/// chat's session, members and transcript (each message with its keyboard and attachment as the bot sent them), and
/// the open lines (<see cref="ChatViews"/>).</item>
/// <item><c>POST /_emulator/chats/{id}/messages</c>, <c>POST /_emulator/chats/{id}/commands</c>,
/// <c>POST /_emulator/lines/{id}/chats</c>: the customer writes, presses a button, starts a dialog (<see cref="CustomerActions"/>).</item>
/// <item><c>GET /_emulator/bots</c>, <c>GET /_emulator/bots/{id}</c>: a bot's event mode, webhook URL and <c>application_token</c>.</item>
/// <item><c>GET /_emulator/portal</c>: <c>domain</c>, <c>member_id</c>, endpoints, the application and its <c>application_token</c>.</item>
/// <item><c>GET /_emulator/deliveries</c>: every event POST with its outcome; <c>GET /_emulator/requests</c>: every REST request.</item>
/// </list>
/// No real portal has these paths, so they cannot be mistaken for REST methods. Errors are <c>{"error": "..."}</c> with 400, 404 or 409.
/// </summary>
internal static class InspectionEndpoints
{
    public static void Map(WebApplication app, EmulatedPortal portal)
    {
        PlaygroundFiles.Map(app);
        ChatViews.Map(app, portal.State);
        CustomerActions.Map(app, portal);
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
}
