using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>imbot.v2.Chat.get</c>, <c>Chat.leave</c>, <c>Chat.User.list</c> and <c>Chat.InputAction.notify</c>: each needs
/// the bot to be a member of the chat (<c>ACCESS_DENIED</c> otherwise).
/// </summary>
internal static class ChatMethods
{
    private const int DefaultUserLimit = 50;
    private const int MaxUserLimit = 200;
    private const int MaxIndicatorSeconds = 600;

    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imbot.v2.Chat.get", ImBotV2Methods.Scopes, Get),
        new("imbot.v2.Chat.leave", ImBotV2Methods.Scopes, Leave),
        new("imbot.v2.Chat.User.list", ImBotV2Methods.Scopes, ListUsers),
        new("imbot.v2.Chat.InputAction.notify", ImBotV2Methods.Scopes, NotifyInputAction),
    ];

    /// <summary><c>{chat}</c>, seen by the bot (its <c>role</c>).</summary>
    private static JsonNode Get(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        OpenLineChat chat = DialogIds.RequireMembership(call, bot);
        return new JsonObject { ["chat"] = V2Objects.Chat(call.State, chat, bot, call.UtcOffset) };
    }

    /// <summary>
    /// The bot leaves; <c>{result: true}</c>. For the chat's own open-line bot this is what <c>LEAVE=Y</c> does to it
    /// (<see cref="ChatSnapshot.BotIsMember"/> turns false); the session and its owner do not change.
    /// </summary>
    private static JsonNode Leave(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        OpenLineChat chat = DialogIds.RequireMembership(call, bot);
        chat.Leave(bot.Id);
        return new JsonObject { ["result"] = true };
    }

    /// <summary>
    /// The members as a bare array of users (not wrapped, unlike its siblings: BOTS-V2.md §9.10). <c>order</c> takes
    /// one of <c>id</c>, <c>userId</c> (both the user id here) or <c>lastSendMessageId</c>, <c>ASC</c> or <c>DESC</c>;
    /// the default is by user id, ascending. <c>limit</c> is 1 to 200 (50 by default); a value outside is brought
    /// into that range, as the page names no error for it.
    /// </summary>
    private static JsonNode ListUsers(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        OpenLineChat chat = DialogIds.RequireMembership(call, bot);

        long requested = V2Parameters.Int(call.Parameters, "limit");
        int limit = requested <= 0 ? DefaultUserLimit : (int)Math.Min(requested, MaxUserLimit);
        (string field, bool descending) = Order(V2Parameters.Object(call.Parameters, "order"));
        Func<int, long> key = field == "lastSendMessageId"
            ? userId => chat.Transcript.LastOrDefault(m => m.AuthorId == userId)?.Id ?? 0
            : userId => userId;
        IEnumerable<int> members = descending ? chat.Members.OrderByDescending(key) : chat.Members.OrderBy(key);
        return V2Objects.Users(call.State, members.Take(limit));
    }

    /// <summary>
    /// Records the indicator (<see cref="PortalState.InputActions"/>); <c>{result: true}</c>. <c>duration</c> is 1 to
    /// 600 seconds; the page names no error for other values, so they are brought into range (0 or less: the
    /// server's default, kept as null).
    /// </summary>
    private static JsonNode NotifyInputAction(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        OpenLineChat chat = DialogIds.RequireMembership(call, bot);
        long duration = V2Parameters.Int(call.Parameters, "duration");
        string? code = V2Parameters.NonBlank(call.Parameters["statusMessageCode"]);
        call.State.AddInputActionLocked(new InputActionNotice(
            chat.ChatId, bot.Id, code, duration <= 0 ? null : (int)Math.Min(duration, MaxIndicatorSeconds), call.Now));
        return new JsonObject { ["result"] = true };
    }

    private static (string Field, bool Descending) Order(JsonObject? order)
    {
        if (order is null || order.Count == 0)
        {
            return ("id", false);
        }

        (string field, JsonNode? direction) = order.First();
        return (field, string.Equals(PhpValue.ToText(direction).Trim(), "DESC", StringComparison.OrdinalIgnoreCase));
    }
}
