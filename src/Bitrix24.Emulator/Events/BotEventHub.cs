using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Methods.ImBotV2;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// Raises the Chatbots 2.0 events (imbot.v2 events.md) for bots registered through <c>imbot.v2.Bot.register</c> (a v1
/// bot would get <c>ONIMBOT*</c> events, which the emulator does not produce) and routes each by the bot's event mode:
/// <c>fetch</c> (the default) appends it to the bot's queue for <c>imbot.v2.Event.get</c>, with <c>data.bot</c> the
/// full Bot object; <c>webhook</c> POSTs it to the bot's <c>webhookUrl</c> through <see cref="WebhookSender"/>, form-encoded,
/// with <c>data.bot</c> = <c>{id, code, auth}</c> and a top-level <c>auth</c>. The <c>...Locked</c> methods run under
/// the portal's state lock and never wait for a handler.
/// </summary>
internal sealed partial class BotEventHub : IAsyncDisposable
{
    private readonly PortalState _state;
    private readonly TokenRegistry _tokens;
    private readonly WebhookSender _sender;
    private readonly Func<Uri> _baseUrl;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _utcOffset;
    private readonly Dictionary<(int BotId, string Url, string Event), int> _handlerIds = []; // under the state lock
    private int _nextHandlerId = 1;

    public BotEventHub(PortalState state, TokenRegistry tokens, DeliveryLog log, Func<Uri> baseUrl, TimeProvider clock, TimeSpan utcOffset, TimeSpan deliveryTimeout)
    {
        _state = state;
        _tokens = tokens;
        _baseUrl = baseUrl;
        _clock = clock;
        _utcOffset = utcOffset;
        _sender = new WebhookSender(log, deliveryTimeout);
    }

    /// <summary>Completes when every delivery queued before the call has ended (sent or failed).</summary>
    public Task WhenDeliveredAsync(CancellationToken cancellationToken) => _sender.WhenDeliveredAsync(cancellationToken);

    /// <summary>
    /// <c>ONIMBOTV2MESSAGEADD</c> for every bot the message is for: not from a bot ("Messages from a bot user never trigger
    /// bot events"), to a v2 bot that is a member of the chat and either serves open lines (in an Open Lines chat "every
    /// bot in the chat gets it with no mention needed"), is a <c>supervisor</c> or <c>personal</c> bot ("all events in
    /// chats where the bot is present"), or is mentioned as <c>[USER=id]</c>.
    /// </summary>
    public void MessageAddedLocked(OpenLineChat chat, TranscriptMessage message)
    {
        if (_state.FindBotLocked(message.AuthorId) is not null || _state.FindUserLocked(message.AuthorId) is not { } author)
        {
            return;
        }

        HashSet<int> mentioned = Mentions(message.Text);
        foreach (int memberId in chat.Members)
        {
            if (_state.FindBotLocked(memberId) is not { RegisteredWithV2: true } bot
                || !(bot.SupportsOpenLines || bot.Type is BotTypes.Supervisor or BotTypes.Personal || mentioned.Contains(bot.Id)))
            {
                continue;
            }

            RaiseLocked(bot, BotEventTypes.MessageAdd, author.Id, new JsonObject
            {
                ["message"] = V2Objects.Message(message, chat.ChatId, _utcOffset),
                ["chat"] = V2Objects.EventChat(_state, chat, bot, _utcOffset),
                ["user"] = V2Objects.User(_state, author),
                ["language"] = bot.Language,
            });
        }
    }

    /// <summary><c>ONIMBOTV2JOINCHAT</c> for a v2 bot that has just become a member of the chat; <paramref name="byUserId"/> added it.</summary>
    public void BotJoinedLocked(OpenLineChat chat, int botId, int byUserId)
    {
        if (_state.FindBotLocked(botId) is not { RegisteredWithV2: true } bot || !chat.IsMember(botId))
        {
            return;
        }

        RaiseLocked(bot, BotEventTypes.JoinChat, byUserId, new JsonObject
        {
            ["dialogId"] = "chat" + chat.ChatId.ToString(CultureInfo.InvariantCulture),
            ["chat"] = V2Objects.EventChat(_state, chat, bot, _utcOffset),
            ["user"] = _state.FindUserLocked(byUserId) is { } user ? V2Objects.User(_state, user) : new JsonObject(),
            ["language"] = bot.Language,
        });
    }

    /// <summary>
    /// The customer presses a keyboard button of a bot's message (message-keyboards.md "Command Processing by the
    /// Chatbot": register the command with <c>imbot.v2.Command.register</c>, then "Pressing a button will generate the
    /// event ONIMBOTV2COMMANDADD" with <c>command.context</c> <c>keyboard</c>). The bot is the keyboard's <c>BOT_ID</c>
    /// ("If you pass only <c>BUTTONS</c>, the button command may not be routed to the correct bot"), else the message's.
    /// A command the bot has not registered produces no event, nor does a v1 bot or one that is gone; the answer says why.
    /// </summary>
    /// <param name="chat">The chat.</param>
    /// <param name="messageId">The bot's message with the keyboard.</param>
    /// <param name="buttonIndex">The button by its place among the buttons (line breaks not counted), or null to find it by <paramref name="command"/>.</param>
    /// <param name="command">The button's <c>COMMAND</c>, with or without its slash, when <paramref name="buttonIndex"/> is null.</param>
    /// <param name="commandParams">The parameters; null takes the button's <c>COMMAND_PARAMS</c>.</param>
    /// <exception cref="ArgumentException">No such message in the chat, no keyboard, no such button, a button without <c>COMMAND</c>, or a disabled one.</exception>
    public EmulatedCommandPress PressLocked(OpenLineChat chat, int messageId, int? buttonIndex, string? command, string? commandParams)
    {
        TranscriptMessage message = chat.Transcript.Find(m => m.Id == messageId && !m.IsDeleted)
            ?? throw new ArgumentException($"Message {messageId} is not in chat {chat.ChatId}.", nameof(messageId));
        JsonNode keyboard = message.Keyboard ?? throw new ArgumentException($"Message {messageId} has no keyboard.", nameof(messageId));
        IReadOnlyList<JsonObject> buttons = MessageContent.Buttons(keyboard);
        JsonObject button;
        if (buttonIndex is int index)
        {
            if (index < 0 || index >= buttons.Count)
            {
                throw new ArgumentException($"Message {messageId} has {buttons.Count} button(s) (line breaks not counted); there is no button {index}.", nameof(buttonIndex));
            }

            button = buttons[index];
            if (Text(button["COMMAND"]).Length == 0)
            {
                throw new ArgumentException(
                    $"Button {index} (\"{Text(button["TEXT"])}\") of message {messageId} has no COMMAND: a LINK, ACTION or APP_ID button is handled by the client, and the bot gets no event.",
                    nameof(buttonIndex));
            }
        }
        else
        {
            string wanted = (command ?? string.Empty).Trim().TrimStart('/');
            button = buttons.FirstOrDefault(b => wanted.Length > 0 && Text(b["COMMAND"]).TrimStart('/') == wanted)
                ?? throw new ArgumentException($"Message {messageId} has no keyboard button with COMMAND \"{wanted}\".", nameof(command));
        }

        if (Text(button["DISABLED"]) == "Y")
        {
            throw new ArgumentException($"The button \"{Text(button["TEXT"])}\" of message {messageId} is disabled (DISABLED: Y).", nameof(buttonIndex));
        }

        string name = Text(button["COMMAND"]).TrimStart('/');
        string parameters = commandParams ?? Text(button["COMMAND_PARAMS"]);
        long keyboardBot = MessageContent.KeyboardBotId(keyboard);
        int botId = keyboardBot is > 0 and <= int.MaxValue ? (int)keyboardBot : message.BotId ?? message.AuthorId;
        ChatBot? bot = _state.FindBotLocked(botId);
        BotCommand? registered = bot is null ? null : _state.CommandsLocked.FirstOrDefault(c => c.BotId == bot.Id && c.Command == name);
        string? reason = bot switch
        {
            null => $"User {botId} is not a registered bot, so the command goes nowhere.",
            { RegisteredWithV2: false } => $"Bot {botId} was registered through v1 (imbot.register), which would get ONIMCOMMANDADD; the emulator produces only Chatbots 2.0 events.",
            _ when registered is null => $"Bot {botId} has no registered command \"{name}\" (imbot.v2.Command.register): a button press produces ONIMBOTV2COMMANDADD only for a registered command.",
            _ => null,
        };
        if (reason is not null)
        {
            return new EmulatedCommandPress(botId, registered?.Id ?? 0, "/" + name, parameters, Delivered: false, reason);
        }

        int customerId = chat.CustomerId;
        RaiseLocked(bot!, BotEventTypes.CommandAdd, customerId, new JsonObject
        {
            ["command"] = new JsonObject
            {
                ["id"] = registered!.Id,
                ["command"] = "/" + name,
                ["params"] = parameters,
                ["context"] = "keyboard",
            },
            ["message"] = V2Objects.Message(message, chat.ChatId, _utcOffset),
            ["chat"] = V2Objects.EventChat(_state, chat, bot!, _utcOffset),
            ["user"] = _state.FindUserLocked(customerId) is { } customer ? V2Objects.User(_state, customer) : new JsonObject(),
            ["language"] = bot!.Language,
        });
        return new EmulatedCommandPress(botId, registered.Id, "/" + name, parameters, Delivered: true, null);
    }

    /// <summary>
    /// Queues an application event (<c>ONAPPINSTALL</c>, <c>ONAPPUNINSTALL</c>): <c>event</c>, <c>data</c>, <c>ts</c>,
    /// <c>auth</c>, form-encoded; the docs' examples of these two carry no <c>event_handler_id</c>.
    /// </summary>
    public EmulatedDelivery RaiseApplicationEvent(string eventName, EmulatedApplication application, Uri handlerUrl, JsonObject data, JsonObject auth)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["data"] = data,
            ["ts"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["auth"] = auth,
        };
        string body = HttpBuildQuery.Encode(payload);
        return _sender.Enqueue(sequence => new EmulatedDelivery(sequence, now, eventName, handlerUrl, null, application.ClientId, body));
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private static string Text(JsonNode? value) => Wire.PhpValue.ToText(value).Trim();

    /// <summary>The user ids a text mentions as <c>[USER=id]</c> (BB code, any case).</summary>
    private static HashSet<int> Mentions(string text) =>
        MentionPattern().Matches(text)
            .Select(m => int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : 0)
            .Where(id => id > 0)
            .ToHashSet();

    [GeneratedRegex(@"\[user=(\d+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    /// <summary>Routes one event to one bot by its current event mode.</summary>
    private void RaiseLocked(ChatBot bot, string type, int triggeringUserId, JsonObject rest)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        if (bot.EventMode == "webhook" && Uri.TryCreate(bot.WebhookUrl, UriKind.Absolute, out Uri? url))
        {
            var data = new JsonObject
            {
                ["bot"] = new JsonObject { ["id"] = bot.Id, ["code"] = bot.Code, ["auth"] = Auth(bot, bot.Id) },
            };
            Append(data, rest);
            var payload = new JsonObject
            {
                ["event"] = type,
                ["event_handler_id"] = HandlerId(bot.Id, url.ToString(), type),
                ["data"] = data,
                ["ts"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["auth"] = Auth(bot, triggeringUserId),
            };
            string body = HttpBuildQuery.Encode(payload);
            _sender.Enqueue(sequence => new EmulatedDelivery(sequence, now, type, url, bot.Id, bot.AppClientId, body));
            return;
        }

        var fetched = new JsonObject { ["bot"] = V2Objects.Bot(_state, bot, extended: true) };
        Append(fetched, rest);
        _state.QueueEventLocked(bot.Id, type, now, fetched);
    }

    private static void Append(JsonObject target, JsonObject members)
    {
        foreach ((string key, JsonNode? value) in members)
        {
            target[key] = value?.DeepClone();
        }
    }

    /// <summary>
    /// The subscription's <c>event_handler_id</c>: one per bot, handler URL and event, as the platform binds each
    /// <c>ONIMBOTV2*</c> event on registration; a new URL is a new subscription.
    /// </summary>
    private int HandlerId(int botId, string url, string eventName)
    {
        if (!_handlerIds.TryGetValue((botId, url, eventName), out int id))
        {
            id = _nextHandlerId++;
            _handlerIds[(botId, url, eventName)] = id;
        }

        return id;
    }

    /// <summary>
    /// An <c>auth</c> block for an event to <paramref name="bot"/>. A bot of an installed OAuth application gets the
    /// twelve keys of the bot events' examples, with fresh tokens for <paramref name="userId"/> that this portal accepts
    /// (<c>access_token</c>, <c>expires</c>, <c>expires_in</c>, <c>scope</c>, <c>domain</c>, <c>server_endpoint</c>,
    /// <c>status</c>, <c>client_endpoint</c>, <c>member_id</c>, <c>user_id</c>, <c>refresh_token</c>,
    /// <c>application_token</c>). A bot registered through an incoming webhook has no OAuth application, so it gets
    /// what an outgoing webhook gets: <c>domain</c>, <c>client_endpoint</c>, <c>server_endpoint</c>, <c>member_id</c>
    /// and its synthetic <c>application_token</c>.
    /// </summary>
    private JsonObject Auth(ChatBot bot, int userId)
    {
        Uri baseUrl = _baseUrl();
        string endpoint = PortalIdentity.Endpoint(baseUrl);
        string applicationToken = _state.ApplicationTokenOfBotLocked(bot);
        if (bot.AppClientId is { } clientId && _state.FindInstalledApplicationLocked(clientId) is { } application)
        {
            (string access, string refresh, DateTimeOffset expiresAt) = _tokens.Issue(application, userId);
            return new JsonObject
            {
                ["access_token"] = access,
                ["expires"] = expiresAt.ToUnixTimeSeconds(),
                ["expires_in"] = (long)_tokens.AccessTokenLifetime.TotalSeconds,
                ["scope"] = string.Join(",", application.Scopes),
                ["domain"] = PortalIdentity.Domain(baseUrl),
                ["server_endpoint"] = endpoint,
                ["status"] = PortalIdentity.ApplicationStatus,
                ["client_endpoint"] = endpoint,
                ["member_id"] = PortalIdentity.MemberId,
                ["user_id"] = userId,
                ["refresh_token"] = refresh,
                ["application_token"] = applicationToken,
            };
        }

        return new JsonObject
        {
            ["domain"] = PortalIdentity.Domain(baseUrl),
            ["client_endpoint"] = endpoint,
            ["server_endpoint"] = endpoint,
            ["member_id"] = PortalIdentity.MemberId,
            ["application_token"] = applicationToken,
        };
    }
}
