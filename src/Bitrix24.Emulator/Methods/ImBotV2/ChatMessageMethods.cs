using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>imbot.v2.Chat.Message.send</c>, <c>.update</c> and <c>.delete</c> (messages/*.md): messages go into the chat's
/// transcript with their keyboard and attachment as sent; a bot changes only its own messages.
/// </summary>
internal static class ChatMessageMethods
{
    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imbot.v2.Chat.Message.send", ImBotV2Methods.Scopes, Send),
        new("imbot.v2.Chat.Message.update", ImBotV2Methods.Scopes, Update),
        new("imbot.v2.Chat.Message.delete", ImBotV2Methods.Scopes, Delete),
    ];

    /// <summary>
    /// Posts the bot's message; <c>{id, uuidMap}</c>. The bot must be in the chat (<c>ACCESS_DENIED</c>, checked
    /// first). <c>fields</c> is not marked required, yet text or an attachment is (BOTS-V2.md §9.11): without either,
    /// or without <c>fields</c>, the answer is <c>EMPTY_MESSAGE</c>; a keyboard alone is not content. A message with
    /// <c>system: true</c> has <c>authorId</c> 0, as the docs say, and shows the bot's name. <c>forwardIds</c> is not
    /// modelled: nothing is forwarded and <c>uuidMap</c> stays empty.
    /// </summary>
    private static JsonNode Send(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        OpenLineChat chat = DialogIds.RequireMembership(call, bot);
        JsonObject? fields = V2Parameters.Object(call.Parameters, "fields");
        TranscriptMessage message = Compose(call, bot, fields, system: V2Parameters.Flag(fields, "system", false))
            ?? throw ImBotV2Errors.EmptyMessage();
        long replyId = V2Parameters.Int(fields, "replyId");
        TranscriptMessage posted = call.State.Post(chat, message with { ReplyId = replyId > 0 ? V2Parameters.StateId(replyId) : null });
        return new JsonObject { ["id"] = posted.Id, ["uuidMap"] = new JsonObject() };
    }

    /// <summary>
    /// Changes the bot's own message (<c>ACCESS_DENIED</c> for another author's, a system message with
    /// <c>authorId</c> 0, a deleted or a missing one); <c>{result: true}</c>. Only what <c>fields</c> names changes:
    /// <c>message</c>, <c>attach</c>, <c>keyboard</c> (<c>"N"</c> or empty removes it) and <c>urlPreview</c>, a
    /// <c>Y</c>/<c>N</c> string on this page and a boolean on its siblings (BOTS-V2.md §9.4): both are read.
    /// </summary>
    private static JsonNode Update(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        (OpenLineChat chat, int index, TranscriptMessage message) = RequireMessage(call, m => m.AuthorId == bot.Id && !m.IsDeleted);
        JsonObject? fields = V2Parameters.Object(call.Parameters, "fields");
        (bool attachGiven, JsonNode? attach) = MessageContent.Attach(fields);
        (bool keyboardGiven, JsonNode? keyboard) = MessageContent.Keyboard(fields);
        chat.Transcript[index] = message with
        {
            Text = V2Parameters.Has(fields, "message") ? MessageContent.Text(fields) : message.Text,
            Attach = attachGiven ? attach : message.Attach,
            Keyboard = keyboardGiven ? keyboard : message.Keyboard,
            UrlPreview = V2Parameters.Flag(fields, "urlPreview", message.UrlPreview),
            IsEdited = true,
        };
        return new JsonObject { ["result"] = true };
    }

    /// <summary>
    /// Deletes a message the bot wrote, or any message when the bot administers the chat (here: it owns the open-line
    /// session); <c>ACCESS_DENIED</c> otherwise, for a system message with <c>authorId</c> 0 too. <c>complete: true</c>
    /// removes it from the transcript; the default, a soft deletion, keeps its place with empty text and neither
    /// keyboard nor attachment. <c>{result: true}</c>.
    /// </summary>
    private static JsonNode Delete(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        (OpenLineChat chat, int index, TranscriptMessage message) = RequireMessage(call, _ => true);
        bool administers = chat.Owner == SessionOwner.Bot(bot.Id) && chat.IsMember(bot.Id);
        if (message.AuthorId != bot.Id && !administers)
        {
            throw ImBotV2Errors.AccessDenied();
        }

        if (V2Parameters.Flag(call.Parameters, "complete", false))
        {
            chat.Transcript.RemoveAt(index);
        }
        else
        {
            chat.Transcript[index] = message with { Text = string.Empty, Keyboard = null, Attach = null, IsDeleted = true };
        }

        return new JsonObject { ["result"] = true };
    }

    /// <summary>
    /// A bot's message built from <c>fields</c> (no id or time yet), or null when it has neither text nor an
    /// attachment. Attachment errors come first, as they are about what was sent.
    /// </summary>
    internal static TranscriptMessage? Compose(EmulatedCall call, ChatBot bot, JsonObject? fields, bool system)
    {
        (_, JsonNode? attach) = MessageContent.Attach(fields);
        (_, JsonNode? keyboard) = MessageContent.Keyboard(fields);
        string text = MessageContent.Text(fields);
        if (text.Length == 0 && attach is null)
        {
            return null;
        }

        return new TranscriptMessage(0, system ? 0 : bot.Id, call.State.UserNameLocked(bot.Id), text, system, default)
        {
            Keyboard = keyboard,
            Attach = attach,
            BotId = bot.Id,
            UrlPreview = V2Parameters.Flag(fields, "urlPreview", true),
        };
    }

    /// <summary>The message <c>messageId</c> names, if <paramref name="allowed"/>; <c>ACCESS_DENIED</c> otherwise ("does not belong to the bot or does not exist").</summary>
    private static (OpenLineChat Chat, int Index, TranscriptMessage Message) RequireMessage(EmulatedCall call, Func<TranscriptMessage, bool> allowed)
    {
        int messageId = V2Parameters.StateId(V2Parameters.Int(call.Parameters, "messageId"));
        if (call.State.FindMessageLocked(messageId) is { } found && allowed(found.Chat.Transcript[found.Index]))
        {
            return (found.Chat, found.Index, found.Chat.Transcript[found.Index]);
        }

        throw ImBotV2Errors.AccessDenied();
    }
}
