using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>Steps the event tests share: bots in either event mode, the customer's actions over HTTP, and <c>imbot.v2.Event.get</c>.</summary>
internal static class BotEvents
{
    /// <summary>Registers an open-line bot in <c>webhook</c> mode through the demo webhook (not yet in any chat).</summary>
    public static Task<int> RegisterWebhookBotAsync(TestPortal portal, Uri webhookUrl, string code = "support_bot", string token = V2.Token) =>
        V2.RegisterAsync(portal, code, token, new JsonObject { ["type"] = "openline", ["eventMode"] = "webhook", ["webhookUrl"] = webhookUrl.ToString() });

    /// <summary>Registers an open-line bot in <c>fetch</c> mode through the demo webhook (not yet in any chat).</summary>
    public static Task<int> RegisterFetchBotAsync(TestPortal portal, string code = "support_bot", string token = V2.Token) =>
        V2.RegisterAsync(portal, code, token, new JsonObject { ["type"] = "openline" });

    /// <summary>Registers an open-line bot for the demo OAuth application, in the given mode.</summary>
    public static async Task<int> RegisterOAuthBotAsync(TestPortal portal, EmulatedOAuthTokens tokens, Uri? webhookUrl, string code = "oauth_bot")
    {
        var fields = new JsonObject
        {
            ["code"] = code,
            ["type"] = "openline",
            ["properties"] = new JsonObject { ["name"] = "OAuth Bot" },
            ["eventMode"] = webhookUrl is null ? "fetch" : "webhook",
        };
        if (webhookUrl is not null)
        {
            fields["webhookUrl"] = webhookUrl.ToString();
        }

        JsonNode? result = (await portal.CallOAuthAsync(V2.BotRegister, tokens.AccessToken, new JsonObject { ["fields"] = fields })).AssertSuccess();
        return result!["bot"]!["id"]!.GetValue<int>();
    }

    /// <summary>The customer of chat 112 writes over HTTP; returns the message id.</summary>
    public static async Task<int> CustomerWritesAsync(TestPortal portal, string text, int chatId = DemoPortal.ChatId)
    {
        ApiResponse response = await portal.Http.PostJsonAsync($"_emulator/chats/{chatId}/messages", new JsonObject { ["text"] = text });
        JsonNode? json = response.Json;
        Assert.True(response.Status == System.Net.HttpStatusCode.OK, response.ToString());
        return json!["messageId"]!.GetValue<int>();
    }

    /// <summary><c>imbot.v2.Event.get</c> through the demo webhook.</summary>
    public static Task<ApiResponse> GetAsync(TestPortal portal, int botId, long? offset = null, JsonNode? limit = null, string token = V2.Token)
    {
        JsonObject body = V2.Body(botId, token);
        if (offset is not null)
        {
            body["offset"] = offset;
        }

        if (limit is not null)
        {
            body["limit"] = limit.DeepClone();
        }

        return portal.CallAsync(V2.EventGet, body);
    }

    /// <summary>The events of a successful <c>Event.get</c>.</summary>
    public static JsonArray Events(JsonNode? result) => result!["events"]!.AsArray();

    public static string Type(JsonNode? @event) => @event!["type"]!.GetValue<string>();

    public static long EventId(JsonNode? @event) => @event!["eventId"]!.GetValue<long>();
}
