using System.Globalization;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// The <c>User</c>, <c>Bot</c>, <c>Chat</c> and <c>Command</c> objects of Chatbots 2.0 (entities.md): camelCase keys,
/// real JSON booleans, <c>string|false</c> for dates the emulator does not track.
/// </summary>
internal static class V2Objects
{
    /// <summary>The chat colour codes and their HEX values (chat-add.md "Available Colors").</summary>
    private static readonly (string Code, string Hex)[] Colors =
    [
        ("red", "#df532d"), ("green", "#64a513"), ("mint", "#4ba984"), ("lightBlue", "#4ba5c3"),
        ("darkBlue", "#3e99ce"), ("purple", "#8474c8"), ("aqua", "#1eb4aa"), ("pink", "#f76187"),
        ("lime", "#58cc47"), ("brown", "#ab7761"), ("azure", "#29619b"), ("khaki", "#728f7a"),
        ("sand", "#ba9c7b"), ("marengo", "#556574"), ("gray", "#909090"), ("graphite", "#5e5f5e"),
    ];

    /// <summary>The chat backgrounds a bot may choose (bot-register.md "Available Backgrounds").</summary>
    private static readonly string[] Backgrounds = ["azure", "mint", "steel", "slate", "teal", "cornflower", "sky", "peach", "frost"];

    /// <summary>
    /// The HEX value of a colour code, or null for an unknown one. Codes are matched without regard to case: the
    /// Open Lines tutorial sends <c>"GREEN"</c> where the colour table says <c>green</c> (BOTS-V2.md §9.9), and the
    /// emulator takes both rather than drop the tutorial's colour.
    /// </summary>
    public static string? ColorHex(string? code) =>
        code is null ? null : Colors.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)).Hex;

    /// <summary>A valid background id, or null: "Invalid values are normalized to null" (BOT-FIX-0408-4), case included.</summary>
    public static string? Background(string? id) => id is not null && Backgrounds.Contains(id, StringComparer.Ordinal) ? id : null;

    /// <summary>ISO 8601 with the portal's offset, as the docs' examples write dates.</summary>
    public static string Date(DateTimeOffset time, TimeSpan offset) =>
        time.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A user as the <c>users</c> collections show them. A bot's names, position, colour and gender come from its
    /// profile. A customer of an open-line chat is a connector user (<c>connector: true</c>, <c>externalAuthId</c>
    /// <c>imconnector</c>). Presence is not tracked: <c>idle</c>, the last-activity dates and <c>absent</c> are false.
    /// </summary>
    public static JsonObject User(PortalState state, PortalUser user)
    {
        ChatBot? bot = state.FindBotLocked(user.Id);
        bool connector = bot is null && state.ChatsLocked.Any(c => c.CustomerId == user.Id);
        string[] split = user.Name.Split(' ', 2);
        BotProfile? profile = bot?.Profile;
        return new JsonObject
        {
            ["id"] = user.Id,
            ["active"] = user.IsActive,
            ["name"] = user.Name,
            ["firstName"] = profile?.Name ?? split[0],
            ["lastName"] = profile is not null ? profile.LastName : split.Length > 1 ? split[1] : string.Empty,
            ["workPosition"] = profile?.WorkPosition ?? string.Empty,
            ["color"] = profile?.Color ?? Colors[user.Id % Colors.Length].Hex,
            ["avatar"] = string.Empty,
            ["gender"] = profile?.Gender ?? string.Empty,
            ["birthday"] = string.Empty,
            ["extranet"] = false,
            ["bot"] = bot is not null,
            ["connector"] = connector,
            ["externalAuthId"] = bot is not null ? "bot" : connector ? "imconnector" : "default",
            ["status"] = "online",
            ["idle"] = false,
            ["lastActivityDate"] = false,
            ["mobileLastDate"] = false,
            ["desktopLastDate"] = false,
            ["absent"] = false,
            ["departments"] = bot is not null || connector ? new JsonArray() : new JsonArray(1),
            ["phones"] = false,
            ["type"] = bot is not null ? "bot" : "employee",
            ["website"] = string.Empty,
            ["email"] = string.Empty,
        };
    }

    /// <summary>The users behind these ids that exist, in the order given, each once.</summary>
    public static JsonArray Users(PortalState state, IEnumerable<int> userIds) =>
        new(userIds.Distinct().Select(state.FindUserLocked).OfType<PortalUser>().Select(u => (JsonNode)User(state, u)).ToArray());

    /// <summary>
    /// A bot: the brief form for everyone, the extended form (module, event mode, counters) for its owner only.
    /// <c>appId</c> is not there: it was removed in revision 35 (BOT-FIX-0501-3).
    /// </summary>
    public static JsonObject Bot(PortalState state, ChatBot bot, bool extended)
    {
        var json = new JsonObject
        {
            ["id"] = bot.Id,
            ["code"] = bot.Code,
            ["type"] = bot.Type,
            ["isHidden"] = bot.IsHidden,
            ["isSupportOpenline"] = bot.IsSupportOpenline,
            ["isReactionsEnabled"] = bot.IsReactionsEnabled,
            ["backgroundId"] = bot.BackgroundId,
            ["language"] = bot.Language,
        };
        if (extended)
        {
            OpenLineChat[] chats = state.ChatsLocked.Where(c => c.IsMember(bot.Id)).ToArray();
            json["moduleId"] = "rest";
            json["eventMode"] = bot.EventMode;
            json["countMessage"] = state.ChatsLocked.Sum(c => c.Transcript.Count(m => m.BotId == bot.Id || m.AuthorId == bot.Id));
            json["countCommand"] = state.CommandsLocked.Count(c => c.BotId == bot.Id);
            json["countChat"] = chats.Length;
            json["countUser"] = chats.SelectMany(c => c.Members).Where(id => id != bot.Id && state.FindBotLocked(id) is null).Distinct().Count();
        }

        return json;
    }

    /// <summary>
    /// An open-line chat as <c>imbot.v2.Chat.get</c> shows it to <paramref name="viewer"/>. What the docs leave open
    /// (BOTS-V2.md §10: the chat type of an Open Lines chat, its <c>entityId</c>) is filled as follows: <c>type</c>
    /// <c>lines</c> and <c>messageType</c> <c>L</c> (the v1 open-line message type), <c>entityType</c> <c>LINES</c>,
    /// <c>entityId</c> in the v1 <c>CHAT_ENTITY_ID</c> shape <c>{connector}|{lineId}|{chatId}|{userId}</c>. The chat's
    /// owner is whoever holds the session (the bot or the operator; 0 while it waits in the queue).
    /// </summary>
    public static JsonObject Chat(PortalState state, OpenLineChat chat, ChatBot viewer, TimeSpan offset)
    {
        OpenLine? line = state.FindLineLocked(chat.LineId);
        int owner = chat.Owner.Kind == SessionOwnerKind.Queue ? 0 : chat.Owner.Id;
        TranscriptMessage? last = chat.Transcript.Count > 0 ? chat.Transcript[^1] : null;
        string customer = state.UserNameLocked(chat.CustomerId);
        return new JsonObject
        {
            ["id"] = chat.ChatId,
            ["dialogId"] = "chat" + chat.ChatId.ToString(CultureInfo.InvariantCulture),
            ["name"] = line is null ? customer : customer + " - " + line.Name,
            ["description"] = string.Empty,
            ["type"] = "lines",
            ["messageType"] = "L",
            ["owner"] = owner,
            ["color"] = Colors[chat.ChatId % Colors.Length].Hex,
            ["avatar"] = string.Empty,
            ["extranet"] = false,
            ["containsCollaber"] = false,
            ["entityType"] = "LINES",
            ["entityId"] = string.Create(CultureInfo.InvariantCulture, $"livechat|{chat.LineId}|{chat.ChatId}|{chat.CustomerId}"),
            ["entityData1"] = string.Empty,
            ["entityData2"] = string.Empty,
            ["entityData3"] = string.Empty,
            ["entityLink"] = new JsonObject(),
            ["diskFolderId"] = null,
            ["role"] = owner == viewer.Id ? "owner" : "member",
            ["permissions"] = new JsonObject(),
            ["muteList"] = new JsonArray(),
            ["parentChatId"] = null,
            ["parentMessageId"] = null,
            ["isNew"] = false,
            ["textFieldEnabled"] = "Y",
            ["backgroundId"] = null,
            ["dateCreate"] = Date(chat.CreatedAt, offset),
            ["lastMessageId"] = last?.Id,
            ["lastMessageViews"] = "{}",
            ["lastId"] = last?.Id,
            ["managerList"] = new JsonArray(),
            ["markedId"] = null,
            ["messageCount"] = chat.Transcript.Count,
            ["public"] = string.Empty,
            ["unreadId"] = null,
            ["userCounter"] = chat.Members.Count,
        };
    }

    /// <summary>
    /// The chat as events carry it: the <see cref="Chat"/> fields without <c>role</c> and <c>muteList</c> ("these
    /// fields depend on the specific user", events.md) and without the fields entities.md lists as "only in method
    /// responses" (<c>dateCreate</c>, <c>lastMessageId</c>, <c>lastId</c>, <c>managerList</c>, <c>messageCount</c>,
    /// <c>userCounter</c>, <c>unreadId</c>, <c>lastMessageViews</c>, <c>markedId</c>, <c>public</c>).
    /// </summary>
    public static JsonObject EventChat(PortalState state, OpenLineChat chat, ChatBot viewer, TimeSpan offset)
    {
        JsonObject json = Chat(state, chat, viewer, offset);
        foreach (string key in (string[])["role", "muteList", "dateCreate", "lastMessageId", "lastId", "managerList", "messageCount", "userCounter", "unreadId", "lastMessageViews", "markedId", "public"])
        {
            json.Remove(key);
        }

        return json;
    }

    /// <summary>
    /// A message as events carry it (entities.md "Message"): <c>uuid</c> empty (the emulator sets none), no forward,
    /// <c>params</c> empty (its inner shape is not documented, BOTS-V2.md §10), and not viewed by others.
    /// </summary>
    public static JsonObject Message(TranscriptMessage message, int chatId, TimeSpan offset) => new()
    {
        ["id"] = message.Id,
        ["chatId"] = chatId,
        ["authorId"] = message.AuthorId,
        ["date"] = Date(message.Time, offset),
        ["text"] = message.Text,
        ["isSystem"] = message.IsSystem,
        ["uuid"] = string.Empty,
        ["forward"] = null,
        ["params"] = new JsonObject(),
        ["viewedByOthers"] = false,
    };

    /// <summary>A command as <c>Command.register</c> returns it: the name with its leading slash.</summary>
    public static JsonObject Command(BotCommand command) => new()
    {
        ["id"] = command.Id,
        ["botId"] = command.BotId,
        ["command"] = "/" + command.Command,
        ["common"] = command.Common,
        ["hidden"] = command.Hidden,
        ["extranetSupport"] = command.ExtranetSupport,
    };

    /// <summary>
    /// A command as <c>Command.list</c> returns it: <c>title</c> and <c>params</c> in the portal's language (English)
    /// with a fallback to the first one given, <c>category</c> the bot's name, and an empty <c>context</c>.
    /// </summary>
    public static JsonObject CommandDetails(BotCommand command, string category)
    {
        JsonObject json = Command(command);
        json["title"] = Localized(command.Title);
        json["params"] = Localized(command.Params);
        json["category"] = category;
        json["context"] = string.Empty;
        return json;
    }

    private static string Localized(IReadOnlyDictionary<string, string> texts) =>
        texts.TryGetValue("en", out string? english) ? english : texts.Values.FirstOrDefault() ?? string.Empty;
}
