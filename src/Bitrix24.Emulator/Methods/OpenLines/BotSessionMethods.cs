using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Methods.OpenLines;

/// <summary>
/// <c>imopenlines.bot.session.message.send</c>, <c>.operator</c>, <c>.transfer</c> and <c>.finish</c>,
/// written from the official pages and the handler code they describe: the same checks
/// in the same order, the same loose reading of values, the same state changes.
/// </summary>
internal static class BotSessionMethods
{
    private static readonly string[] Scopes = ["imopenlines", "imbot"];

    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imopenlines.bot.session.message.send", Scopes, SendMessage),
        new("imopenlines.bot.session.operator", Scopes, Operator),
        new("imopenlines.bot.session.transfer", Scopes, Transfer),
        new("imopenlines.bot.session.finish", Scopes, Finish),
    ];

    /// <summary>
    /// WELCOME posts the line's greeting (MESSAGE ignored); DEFAULT posts MESSAGE as a system message,
    /// nothing when it is empty; any other NAME posts nothing. Always <c>true</c> once CHAT_ID is valid:
    /// the page says the result does not confirm a message was created.
    /// </summary>
    private static JsonNode? SendMessage(EmulatedCall call)
    {
        RefuseSessionAuth(call);
        JsonObject p = ParameterKeys.UpperCased(call.Parameters);
        long chatId = RequireChatId(p);

        OpenLineChat? chat = call.State.FindChatLocked(StateId(chatId));
        string name = PhpValue.ToText(p["NAME"]);
        string message = PhpValue.ToText(p["MESSAGE"]);
        if (chat is not null)
        {
            int author = SessionBot(chat);
            switch (name)
            {
                case "WELCOME":
                    call.State.Post(chat, author, call.State.FindLineLocked(chat.LineId)!.Greeting, isSystem: true);
                    break;
                case "DEFAULT" when message.Length > 0:
                    call.State.Post(chat, author, message, isSystem: true);
                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// Hands a bot-owned dialog to the line's first active operator (or its queue when none is free); the chat's bot
    /// and the line's bots leave the chat.
    /// </summary>
    private static JsonNode? Operator(EmulatedCall call)
    {
        RefuseSessionAuth(call);
        JsonObject p = ParameterKeys.UpperCased(call.Parameters);
        long chatId = RequireChatId(p);

        // The handler ends the bot's session and fails unless a bot holds it now.
        OpenLineChat? chat = call.State.FindChatLocked(StateId(chatId));
        if (chat is null || chat.Status != SessionStatus.Active || chat.Owner.Kind != SessionOwnerKind.Bot)
        {
            throw BotSessionErrors.WrongChat();
        }

        OpenLine line = call.State.FindLineLocked(chat.LineId)!;
        int author = SessionBot(chat);
        PortalUser? free = line.Queue.Select(call.State.FindUserLocked).FirstOrDefault(u => u is { IsActive: true });
        chat.Owner = free is null ? SessionOwner.Queue(line.Id) : SessionOwner.Operator(free.Id);
        call.State.RemoveLineBotsLocked(chat);
        call.State.Post(chat, author, free is null
            ? $"The bot passed the dialog to the queue of \"{line.Name}\"."
            : $"The bot passed the dialog to operator {free.Name}.", isSystem: true);
        return true;
    }

    /// <summary>
    /// Transfers to a user or a queue. Keys are read as sent (this handler does not upper-case them).
    /// TRANSFER_ID first overwrites USER_ID (or QUEUE_ID for <c>queue&lt;ID&gt;</c>); then USER_ID wins
    /// over QUEUE_ID. Checks run in the handler's order: CHAT_ID, target, bot, then the transfer itself.
    /// </summary>
    private static JsonNode? Transfer(EmulatedCall call)
    {
        RefuseSessionAuth(call);
        JsonObject p = call.Parameters;
        long chatId = RequireChatId(p);

        JsonNode? userId = p["USER_ID"];
        JsonNode? queueId = p["QUEUE_ID"];
        if (PhpValue.IsSet(p, "TRANSFER_ID"))
        {
            string transferId = PhpValue.ToText(p["TRANSFER_ID"]);
            if (transferId.StartsWith("queue", StringComparison.Ordinal))
            {
                queueId = JsonValue.Create(transferId["queue".Length..]);
            }
            else
            {
                userId = JsonValue.Create(transferId);
            }
        }

        SessionOwner target;
        if (userId is not null)
        {
            long id = PhpValue.ToInt(userId);
            target = id > 0 ? SessionOwner.Operator(StateId(id)) : throw BotSessionErrors.UserIdEmpty();
        }
        else if (queueId is not null)
        {
            long id = PhpValue.ToInt(queueId);
            target = id > 0 ? SessionOwner.Queue(StateId(id)) : throw BotSessionErrors.QueueIdEmpty();
        }
        else
        {
            throw BotSessionErrors.TransferIdEmpty();
        }

        bool leave = PhpValue.ToText(p["LEAVE"]) == "Y";
        ChatBot bot = FindCallersBot(call, p);

        OpenLineChat? chat = call.State.FindChatLocked(StateId(chatId));
        string? targetName = target.Kind == SessionOwnerKind.Operator
            ? call.State.FindUserLocked(target.Id) is { IsActive: true } user ? "operator " + user.Name : null
            : call.State.FindLineLocked(target.Id) is { } line ? $"the queue of \"{line.Name}\"" : null;
        if (chat is null || chat.Status != SessionStatus.Active || targetName is null)
        {
            throw BotSessionErrors.OperatorWrong();
        }

        chat.Owner = target;
        // LEAVE=N keeps the bots until the transfer is confirmed; it never brings back a bot that already left.
        if (leave)
        {
            call.State.RemoveLineBotsLocked(chat);
        }

        call.State.Post(chat, bot.Id, $"The bot transferred the dialog to {targetName}.", isSystem: true);
        return true;
    }

    /// <summary>The app's bot answers the chat and closes its session; true even when nothing was open.</summary>
    private static JsonNode? Finish(EmulatedCall call)
    {
        RefuseSessionAuth(call);
        JsonObject p = ParameterKeys.UpperCased(call.Parameters);
        long chatId = RequireChatId(p);
        ChatBot bot = FindCallersBot(call, p);

        OpenLineChat? chat = call.State.FindChatLocked(StateId(chatId));
        if (chat is { Status: SessionStatus.Active })
        {
            chat.Owner = SessionOwner.Bot(bot.Id);
            chat.Status = SessionStatus.Closed;
            call.State.Post(chat, bot.Id, "The bot finished the dialog.", isSystem: true);
        }

        return true;
    }

    /// <summary>The bot whose session it is (the line's bot that took it over), else the chat's first bot: the author of the session's automatic messages.</summary>
    private static int SessionBot(OpenLineChat chat) => chat.Owner.Kind == SessionOwnerKind.Bot ? chat.Owner.Id : chat.BotId;

    private static void RefuseSessionAuth(EmulatedCall call)
    {
        if (call.Caller.AuthKind == EmulatedAuthKind.Session)
        {
            throw BotSessionErrors.WrongAuthType();
        }
    }

    private static long RequireChatId(JsonObject parameters)
    {
        long chatId = PhpValue.ToInt(parameters["CHAT_ID"]);
        return chatId > 0 ? chatId : throw BotSessionErrors.ChatIdEmpty();
    }

    /// <summary>
    /// A positive id as the state's <c>int</c> key. PHP ids are 64-bit: one beyond <c>int</c> is valid but names
    /// nothing, so it maps to 0, which no chat, user or line has (the state only takes positive ids).
    /// </summary>
    private static int StateId(long id) => id is > 0 and <= int.MaxValue ? (int)id : 0;

    /// <summary>
    /// The bot acting: with OAuth the first bot the calling app registered; with a webhook the bot whose
    /// CLIENT_ID (or v2 botToken) is passed. No bot gives BOT_ID_ERROR.
    /// </summary>
    private static ChatBot FindCallersBot(EmulatedCall call, JsonObject parameters)
    {
        ChatBot? bot = call.Caller.AuthKind switch
        {
            EmulatedAuthKind.OAuth when call.Caller.AppClientId is { } app => call.State.FindBotByAppLocked(app),
            EmulatedAuthKind.Webhook when PhpValue.IsSet(parameters, "CLIENT_ID") =>
                call.State.FindBotByWebhookClientIdLocked(PhpValue.ToText(parameters["CLIENT_ID"])),
            _ => null,
        };
        return bot ?? throw BotSessionErrors.BotIdError();
    }
}
