using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>
/// Chatbots 2.0 (<c>imbot.v2.*</c>) method names and a few steps most tests take: register a bot through the demo
/// webhook, connect it to the demo line so it is in chat 112, and build bodies from the docs' examples.
/// </summary>
internal static class V2
{
    public const string BotRegister = "imbot.v2.Bot.register";
    public const string BotUpdate = "imbot.v2.Bot.update";
    public const string BotGet = "imbot.v2.Bot.get";
    public const string BotList = "imbot.v2.Bot.list";
    public const string BotUnregister = "imbot.v2.Bot.unregister";
    public const string ChatGet = "imbot.v2.Chat.get";
    public const string ChatLeave = "imbot.v2.Chat.leave";
    public const string ChatUserList = "imbot.v2.Chat.User.list";
    public const string InputActionNotify = "imbot.v2.Chat.InputAction.notify";
    public const string MessageSend = "imbot.v2.Chat.Message.send";
    public const string MessageUpdate = "imbot.v2.Chat.Message.update";
    public const string MessageDelete = "imbot.v2.Chat.Message.delete";
    public const string CommandRegister = "imbot.v2.Command.register";
    public const string CommandAnswer = "imbot.v2.Command.answer";
    public const string CommandList = "imbot.v2.Command.list";
    public const string CommandUnregister = "imbot.v2.Command.unregister";
    public const string RevisionGet = "imbot.v2.Revision.get";
    public const string EventGet = "imbot.v2.Event.get";

    /// <summary>The docs' examples' token.</summary>
    public const string Token = "my_bot_token";

    /// <summary>The demo chat as a <c>dialogId</c>.</summary>
    public const string Chat112 = "chat112";

    /// <summary>Every method that takes <c>botId</c> and (on a webhook) <c>botToken</c>: the common errors apply to them.</summary>
    public static readonly string[] BotBound =
    [
        BotUpdate, BotUnregister, ChatGet, ChatLeave, ChatUserList, InputActionNotify,
        MessageSend, MessageUpdate, MessageDelete, CommandRegister, CommandAnswer, CommandList, CommandUnregister, EventGet,
    ];

    public static TheoryData<string> BotBoundData() => new(BotBound);

    /// <summary>
    /// Registers a bot through the demo webhook, as the bot-register.md webhook example does (<paramref name="code"/>,
    /// <paramref name="token"/> and <paramref name="fields"/> adjusted), and returns its id.
    /// </summary>
    public static async Task<int> RegisterAsync(TestPortal portal, string code = "support_bot", string token = Token, JsonObject? fields = null)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["code"] = code,
                ["botToken"] = token,
                ["properties"] = new JsonObject { ["name"] = "Support Bot", ["workPosition"] = "AI Assistant" },
                ["type"] = "bot",
                ["eventMode"] = "fetch",
            },
        };
        foreach ((string key, JsonNode? value) in fields ?? new JsonObject())
        {
            body["fields"]![key] = value?.DeepClone();
        }

        JsonNode? result = (await portal.CallAsync(BotRegister, body)).AssertSuccess();
        return result!["bot"]!["id"]!.GetValue<int>();
    }

    /// <summary>Registers an open-line bot through the demo webhook and connects it to line 1, so it is a member of chat 112.</summary>
    public static async Task<int> RegisterInChat112Async(TestPortal portal, string code = "support_bot", string token = Token)
    {
        int botId = await RegisterAsync(portal, code, token, new JsonObject { ["type"] = "openline" });
        portal.Portal.State.ConnectBotToLine(DemoPortal.LineId, botId);
        return botId;
    }

    /// <summary>A body for a bot-bound call through the webhook: <c>botId</c>, <c>botToken</c> and the rest.</summary>
    public static JsonObject Body(int botId, string token = Token, JsonObject? rest = null)
    {
        var body = new JsonObject { ["botId"] = botId, ["botToken"] = token };
        foreach ((string key, JsonNode? value) in rest ?? new JsonObject())
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>A docs example body with the example's bot id and dialog put right for this portal.</summary>
    public static string Docs(string json, int botId, string dialogId = Chat112) =>
        json.Replace("456", botId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"chat5\"", $"\"{dialogId}\"", StringComparison.Ordinal)
            .Replace("\"chat2725\"", $"\"{dialogId}\"", StringComparison.Ordinal)
            .Replace("\"chat20921\"", $"\"{dialogId}\"", StringComparison.Ordinal);

    /// <summary>Sends a text message as the bot and returns the message id.</summary>
    public static async Task<int> SendAsync(TestPortal portal, int botId, string text, string token = Token)
    {
        JsonNode? result = (await portal.CallAsync(MessageSend, Body(botId, token, new JsonObject
        {
            ["dialogId"] = Chat112,
            ["fields"] = new JsonObject { ["message"] = text },
        }))).AssertSuccess();
        return result!["id"]!.GetValue<int>();
    }

    /// <summary>Asserts the mutators' answer, <c>{"result":{"result":true}}</c>.</summary>
    public static void AssertResultTrue(ApiResponse response)
    {
        JsonNode? result = response.AssertSuccess();
        Assert.Equal("""{"result":true}""", result?.ToJsonString());
    }
}
