namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// The Chatbots 2.0 methods the emulator models (scope <c>imbot</c>), written from the official pages
/// (api-reference/chat-bots/chat-bots-v2) and the team's BOTS-V2.md digest of them, never from the SDK's specs.
/// The other <c>imbot.v2.*</c> methods (Chat.add, Chat.update, Chat.User.add/delete, Chat.Manager.*, Chat.setOwner,
/// Chat.Message.read/get/getContext/Reaction.*, Command.update, Chat.TextField.enabled, File.*) answer
/// <c>ERROR_METHOD_NOT_FOUND</c> like any unknown method.
/// </summary>
/// <remarks>
/// Rate limits (BOTS-V2.md §9.7): the bot section says "2 requests per second per application" and HTTP 429, the
/// general limits page and system-error table say a per-portal leaky bucket with 503 <c>QUERY_LIMIT_EXCEEDED</c>.
/// The emulator applies the documented leaky bucket to these methods as to all others and has no second,
/// per-application limit, because the bot section gives neither an algorithm nor an error code for it.
/// </remarks>
internal static class ImBotV2Methods
{
    /// <summary>Every <c>imbot.v2</c> method needs the <c>imbot</c> scope; without it the answer is 403 <c>insufficient_scope</c>.</summary>
    public static readonly string[] Scopes = ["imbot"];

    public static IEnumerable<EmulatedMethod> All() =>
        BotMethods.All()
            .Concat(ChatMethods.All())
            .Concat(ChatMessageMethods.All())
            .Concat(CommandMethods.All())
            .Concat(EventMethods.All())
            .Append(RevisionMethod.Create());
}
