using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>imbot.v2.Command.register</c>, <c>.list</c>, <c>.unregister</c> and <c>.answer</c> (commands/*.md).
/// <c>Command.update</c> is not modelled (it answers <c>ERROR_METHOD_NOT_FOUND</c>).
/// </summary>
internal static class CommandMethods
{
    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imbot.v2.Command.register", ImBotV2Methods.Scopes, Register),
        new("imbot.v2.Command.list", ImBotV2Methods.Scopes, List),
        new("imbot.v2.Command.unregister", ImBotV2Methods.Scopes, Unregister),
        new("imbot.v2.Command.answer", ImBotV2Methods.Scopes, Answer),
    ];

    /// <summary>
    /// Registers a command; <c>{command}</c> with the name's leading slash. Idempotent: the same <c>command</c> for the
    /// same bot (and so the same application) returns the existing one unchanged. Parameters are read from
    /// <c>fields</c>, or, when <c>fields</c> is absent, from the top level (the legacy flat format, BOT-BC-0330-1;
    /// its support ends 30.09.2026 "and may be discontinued without notice", which describes no new behaviour, so
    /// the emulator keeps reading it). <c>COMMAND_REQUIRED</c> for a missing or empty name; <c>COMMAND_NAME_INVALID</c>
    /// for a name that is not a string, or that holds a slash or a space (the page: "Command without the / symbol");
    /// <c>COMMAND_TITLE_REQUIRED</c> for a visible command without a <c>title</c> object.
    /// </summary>
    private static JsonNode Register(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        JsonObject fields = V2Parameters.Object(call.Parameters, "fields") ?? call.Parameters;
        string name = CommandName(fields);
        if (call.State.CommandsLocked.FirstOrDefault(c => c.BotId == bot.Id && c.Command == name) is { } existing)
        {
            return new JsonObject { ["command"] = V2Objects.Command(existing) };
        }

        bool hidden = V2Parameters.Flag(fields, "hidden", false);
        Dictionary<string, string> title = Texts(V2Parameters.Object(fields, "title"));
        if (!hidden && title.Count == 0)
        {
            throw ImBotV2Errors.CommandTitleRequired();
        }

        BotCommand command = call.State.AddCommandLocked(id => new BotCommand(
            id,
            bot.Id,
            name,
            title,
            Texts(V2Parameters.Object(fields, "params")),
            V2Parameters.Flag(fields, "common", false),
            hidden,
            V2Parameters.Flag(fields, "extranetSupport", false)));
        return new JsonObject { ["command"] = V2Objects.Command(command) };
    }

    /// <summary><c>{commands}</c>: the bot's commands, by id, with localized <c>title</c> and <c>params</c>.</summary>
    private static JsonNode List(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        string category = call.State.UserNameLocked(bot.Id);
        return new JsonObject
        {
            ["commands"] = new JsonArray(call.State.CommandsLocked
                .Where(c => c.BotId == bot.Id)
                .OrderBy(c => c.Id)
                .Select(c => (JsonNode)V2Objects.CommandDetails(c, category))
                .ToArray()),
        };
    }

    /// <summary>Deletes one of the bot's commands; <c>COMMAND_NOT_FOUND</c> for another bot's or an unknown one ("not found or access denied").</summary>
    private static JsonNode Unregister(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        BotCommand command = FindOwnCommand(call, bot) ?? throw ImBotV2Errors.CommandNotFound();
        call.State.RemoveCommandLocked(command.Id);
        return new JsonObject { ["result"] = true };
    }

    /// <summary>
    /// Answers a command call; <c>{result: true}</c>. "Access is temporarily granted based on the command token —
    /// <c>messageId</c> + <c>commandId</c>": the command must be the bot's, and the message must be in the chat
    /// <c>dialogId</c> names and have called it, by its text (<c>/help</c> or <c>/help params</c>) or by a keyboard
    /// button whose <c>COMMAND</c> is it. Then the bot may answer even where it is not a member; there the answer is
    /// a system message (<c>authorId</c> 0) with the bot's name. Anything wrong, an empty answer included, is the
    /// page's only code, <c>COMMAND_ANSWER_FAILED</c>.
    /// </summary>
    private static JsonNode Answer(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        BotCommand command = FindOwnCommand(call, bot) ?? throw ImBotV2Errors.CommandAnswerFailed();
        OpenLineChat chat = DialogIds.Find(call) ?? throw ImBotV2Errors.CommandAnswerFailed();
        int messageId = V2Parameters.StateId(V2Parameters.Int(call.Parameters, "messageId"));
        TranscriptMessage? calling = chat.Transcript.Find(m => m.Id == messageId);
        if (calling is null || !(CallsByText(calling.Text, command.Command) || MessageContent.HasCommandButton(calling.Keyboard, command.Command)))
        {
            throw ImBotV2Errors.CommandAnswerFailed();
        }

        JsonObject? fields = V2Parameters.Object(call.Parameters, "fields");
        bool system = !chat.IsMember(bot.Id) || V2Parameters.Flag(fields, "system", false);
        TranscriptMessage answer = ChatMessageMethods.Compose(call, bot, fields, system) ?? throw ImBotV2Errors.CommandAnswerFailed();
        call.State.Post(chat, answer);
        return new JsonObject { ["result"] = true };
    }

    private static string CommandName(JsonObject fields)
    {
        if (!PhpValue.IsSet(fields, "command"))
        {
            throw ImBotV2Errors.CommandRequired();
        }

        JsonNode value = fields["command"]!;
        if (value is JsonObject or JsonArray || value.GetValueKind() != JsonValueKind.String)
        {
            throw ImBotV2Errors.CommandNameInvalid();
        }

        string name = value.GetValue<string>().Trim();
        if (name.Length == 0)
        {
            throw ImBotV2Errors.CommandRequired();
        }

        return name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace) ? throw ImBotV2Errors.CommandNameInvalid() : name;
    }

    /// <summary><c>{langCode: text}</c> with the empty texts left out.</summary>
    private static Dictionary<string, string> Texts(JsonObject? texts) =>
        texts?.Select(p => (p.Key, Text: PhpValue.ToText(p.Value).Trim()))
            .Where(p => p.Text.Length > 0)
            .ToDictionary(p => p.Key, p => p.Text, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static BotCommand? FindOwnCommand(EmulatedCall call, ChatBot bot)
    {
        long commandId = V2Parameters.Int(call.Parameters, "commandId");
        return call.State.CommandsLocked.FirstOrDefault(c => c.Id == commandId && c.BotId == bot.Id);
    }

    /// <summary>Whether a typed message calls the command: it starts with <c>/command</c>, then ends or goes on after a space.</summary>
    private static bool CallsByText(string text, string command)
    {
        string call = "/" + command;
        return text.StartsWith(call, StringComparison.Ordinal) && (text.Length == call.Length || char.IsWhiteSpace(text[call.Length]));
    }
}
