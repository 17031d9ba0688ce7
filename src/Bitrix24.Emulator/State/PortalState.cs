using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Events;

namespace Bitrix24.Emulator.State;

/// <summary>
/// What the emulated portal knows: users, open lines, bots with their commands, open-line chats with their
/// sessions, members and transcripts, the <c>fetch</c>-mode bots' event queues and the applications'
/// <c>application_token</c>s. Changes made after the portal started raise the Chatbots 2.0 events. Thread-safe: every REST call and every method here runs under one lock, so a
/// test reading a chat sees it either before or after a call, never half-way.
/// </summary>
public sealed class PortalState
{
    private readonly TimeProvider _clock;
    private readonly Dictionary<int, PortalUser> _users = [];
    private readonly Dictionary<int, OpenLine> _lines = [];
    private readonly List<ChatBot> _bots = [];
    private readonly Dictionary<int, OpenLineChat> _chats = [];
    private readonly Dictionary<int, List<int>> _lineBots = []; // bots connected to each line, which join its chats
    private readonly List<BotCommand> _commands = [];
    private readonly List<InputActionNotice> _inputActions = [];
    private readonly Dictionary<int, List<QueuedBotEvent>> _eventQueues = []; // fetch-mode events per bot, oldest first
    private readonly Dictionary<string, InstalledApplication> _applications = new(StringComparer.Ordinal);
    private readonly byte[] _applicationTokenKey = RandomNumberGenerator.GetBytes(32);
    private readonly HashSet<int> _formerBots = []; // unregistered bots: their old messages are still a bot's
    private long _nextEventId = 1;
    private int _nextMessageId = 1;
    private int _nextSessionId = 500;
    private int _nextCommandId = 1;

    /// <summary>The longest customer name <see cref="StartDialog"/> takes.</summary>
    public const int MaxCustomerNameLength = 100;

    // Above the demo chat 112, so started dialogs never collide with a seeded one.
    private const int FirstStartedChatId = 113;

    internal PortalState(TimeProvider clock) => _clock = clock;

    /// <summary>The lock every REST call holds while it runs.</summary>
    internal object Gate { get; } = new();

    /// <summary>
    /// Raises the Chatbots 2.0 events; null until the portal starts, so seeding produces no events (the portal that
    /// would deliver them does not listen yet).
    /// </summary>
    internal BotEventHub? Events { get; set; }

    /// <summary>All users, by id.</summary>
    public IReadOnlyList<PortalUser> Users
    {
        get
        {
            lock (Gate)
            {
                return _users.Values.OrderBy(u => u.Id).ToArray();
            }
        }
    }

    /// <summary>All open lines, by id.</summary>
    public IReadOnlyList<OpenLine> OpenLines
    {
        get
        {
            lock (Gate)
            {
                return _lines.Values.OrderBy(l => l.Id).ToArray();
            }
        }
    }

    /// <summary>All registered bots, in registration order.</summary>
    public IReadOnlyList<ChatBot> Bots
    {
        get
        {
            lock (Gate)
            {
                return _bots.ToArray();
            }
        }
    }

    /// <summary>Every bot's slash commands, in registration order.</summary>
    public IReadOnlyList<BotCommand> Commands
    {
        get
        {
            lock (Gate)
            {
                return _commands.ToArray();
            }
        }
    }

    /// <summary>Every typing (or thinking, searching, ...) indicator bots showed, oldest first.</summary>
    public IReadOnlyList<InputActionNotice> InputActions
    {
        get
        {
            lock (Gate)
            {
                return _inputActions.ToArray();
            }
        }
    }

    /// <summary>The ids of all open-line chats.</summary>
    public IReadOnlyList<int> ChatIds
    {
        get
        {
            lock (Gate)
            {
                return _chats.Keys.Order().ToArray();
            }
        }
    }

    /// <summary>Adds a user (an operator, a customer, or the user behind a bot).</summary>
    /// <exception cref="ArgumentException">The id is taken or not positive.</exception>
    public PortalUser AddUser(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(user.Id);
        lock (Gate)
        {
            if (!_users.TryAdd(user.Id, user))
            {
                throw new ArgumentException($"User {user.Id} already exists.", nameof(user));
            }

            return user;
        }
    }

    /// <summary>Replaces a user, e.g. to deactivate an operator.</summary>
    /// <exception cref="ArgumentException">No such user.</exception>
    public void UpdateUser(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (Gate)
        {
            if (!_users.ContainsKey(user.Id))
            {
                throw new ArgumentException($"User {user.Id} does not exist.", nameof(user));
            }

            _users[user.Id] = user;
        }
    }

    /// <summary>Adds an open line; every operator of its queue must be a known user.</summary>
    /// <exception cref="ArgumentException">The id is taken, or a queue member is unknown.</exception>
    public OpenLine AddOpenLine(OpenLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line.Id);
        lock (Gate)
        {
            foreach (int operatorId in line.Queue)
            {
                RequireUser(operatorId, nameof(line));
            }

            if (!_lines.TryAdd(line.Id, line))
            {
                throw new ArgumentException($"Open line {line.Id} already exists.", nameof(line));
            }

            return line;
        }
    }

    /// <summary>Registers a bot; its id must be a known user (bots are users in Bitrix24).</summary>
    /// <exception cref="ArgumentException">The user is unknown or already a bot.</exception>
    public ChatBot AddBot(ChatBot bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        lock (Gate)
        {
            RequireUser(bot.Id, nameof(bot));
            if (_bots.Exists(b => b.Id == bot.Id))
            {
                throw new ArgumentException($"Bot {bot.Id} is already registered.", nameof(bot));
            }

            _bots.Add(bot);
            return bot;
        }
    }

    /// <summary>The bot with this id as it is now, or null (never registered, or unregistered).</summary>
    public ChatBot? FindBot(int botId)
    {
        lock (Gate)
        {
            return FindBotLocked(botId);
        }
    }

    /// <summary>
    /// Connects a bot to an open line, as an administrator does in the line's settings ("Connect the chatbot to an
    /// open channel in the line settings"): the bot joins every chat of the line whose session is active, and every
    /// chat of the line added later. Only a bot that supports open lines can be connected (<see cref="ChatBot.SupportsOpenLines"/>).
    /// A line's settings name one chatbot, so the bot connected last is the line's current bot: every active session of
    /// the line that a bot owns passes to it, new dialogs (<see cref="StartDialog"/>) and reopened sessions get it.
    /// </summary>
    /// <exception cref="ArgumentException">No such line or bot, or the bot does not support open lines.</exception>
    public void ConnectBotToLine(int lineId, int botId)
    {
        lock (Gate)
        {
            if (!_lines.ContainsKey(lineId))
            {
                throw new ArgumentException($"Open line {lineId} does not exist.", nameof(lineId));
            }

            ChatBot bot = FindBotLocked(botId) ?? throw new ArgumentException($"Bot {botId} is not registered.", nameof(botId));
            if (!bot.SupportsOpenLines)
            {
                throw new ArgumentException($"Bot {botId} has type '{bot.Type}' without isSupportOpenline, so it cannot serve an open line.", nameof(botId));
            }

            // Connection order is kept and the last one is the current bot, so connecting a bot again makes it current.
            List<int> connected = _lineBots.TryGetValue(lineId, out List<int>? bots) ? bots : _lineBots[lineId] = [];
            connected.Remove(botId);
            connected.Add(botId);

            foreach (OpenLineChat chat in _chats.Values.Where(c => c.LineId == lineId && c.Status == SessionStatus.Active).OrderBy(c => c.ChatId))
            {
                // The bot joins because the customer's dialog came to the line: the customer is the user of ONIMBOTV2JOINCHAT.
                if (chat.Join(botId))
                {
                    Events?.BotJoinedLocked(chat, botId, chat.CustomerId);
                }

                // The owner shown is the bot that answers; a person's dialog stays theirs.
                if (chat.Owner.Kind == SessionOwnerKind.Bot)
                {
                    chat.Owner = SessionOwner.Bot(botId);
                }
            }
        }
    }

    /// <summary>
    /// Adds a user (e.g. a bot registered through <c>imbot.v2</c>) to a chat, as the chat's customer inviting them would.
    /// A Chatbots 2.0 bot that was not a member yet gets <c>ONIMBOTV2JOINCHAT</c> with the customer as <c>user</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">No such user.</exception>
    public void AddChatMember(int chatId, int userId)
    {
        lock (Gate)
        {
            OpenLineChat chat = RequireChat(chatId);
            AddChatMemberLocked(chat, userId, chat.CustomerId);
        }
    }

    /// <summary>
    /// Adds a user to a chat as <paramref name="addedById"/> inviting them would; a Chatbots 2.0 bot that was not a
    /// member yet gets <c>ONIMBOTV2JOINCHAT</c> with that user as <c>user</c> ("The user who added the bot").
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">No such user (either of them).</exception>
    public void AddChatMember(int chatId, int userId, int addedById)
    {
        lock (Gate)
        {
            OpenLineChat chat = RequireChat(chatId);
            RequireUser(addedById, nameof(addedById));
            AddChatMemberLocked(chat, userId, addedById);
        }
    }

    /// <summary>
    /// Seeds an open-line chat with a new active session owned by <paramref name="owner"/> (the bot by
    /// default), optionally with the customer's first message.
    /// </summary>
    /// <exception cref="ArgumentException">The chat id is taken, or the line, bot or customer is unknown.</exception>
    public ChatSnapshot AddChat(int chatId, int lineId, int customerId, int botId, SessionOwner? owner = null, string? firstMessage = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chatId);
        lock (Gate)
        {
            if (!_lines.ContainsKey(lineId))
            {
                throw new ArgumentException($"Open line {lineId} does not exist.", nameof(lineId));
            }

            RequireUser(customerId, nameof(customerId));
            if (!_bots.Exists(b => b.Id == botId))
            {
                throw new ArgumentException($"Bot {botId} is not registered.", nameof(botId));
            }

            if (_chats.ContainsKey(chatId))
            {
                throw new ArgumentException($"Chat {chatId} already exists.", nameof(chatId));
            }

            return AddChatLocked(chatId, lineId, customerId, botId, owner ?? SessionOwner.Bot(botId), firstMessage).ToSnapshot();
        }
    }

    /// <summary>
    /// A customer starts a new dialog in an open line, as a visitor writing in the line's widget does: a new customer
    /// user (the next free user id) and a new chat (the next free chat id above every existing one, at least 113) with an
    /// active session owned by the line's current bot (<see cref="ConnectBotToLine"/>), else by the bot of the line's
    /// most recent chat. The bots join (Chatbots 2.0 bots get <c>ONIMBOTV2JOINCHAT</c> with the customer as <c>user</c>),
    /// then the first message, if any, is posted (<c>ONIMBOTV2MESSAGEADD</c>).
    /// </summary>
    /// <param name="lineId">The open line.</param>
    /// <param name="customerName">The customer's display name: trimmed, 1 to 100 characters.</param>
    /// <param name="firstMessage">The customer's first message; null (or only spaces) for none.</param>
    /// <returns>The new chat.</returns>
    /// <exception cref="ArgumentException">No such line, or the name is empty or longer than 100 characters.</exception>
    /// <exception cref="InvalidOperationException">The line has no bot: none connected and no chat with one.</exception>
    public ChatSnapshot StartDialog(int lineId, string customerName, string? firstMessage = null)
    {
        ArgumentNullException.ThrowIfNull(customerName);
        string name = customerName.Trim();
        lock (Gate)
        {
            if (!_lines.ContainsKey(lineId))
            {
                throw new ArgumentException($"Open line {lineId} does not exist.", nameof(lineId));
            }

            if (name.Length is 0 or > MaxCustomerNameLength)
            {
                throw new ArgumentException($"The customer's name must be 1 to {MaxCustomerNameLength} characters.", nameof(customerName));
            }

            int botId = NewDialogBotLocked(lineId)
                ?? throw new InvalidOperationException($"Open line {lineId} has no bot: connect one with ConnectBotToLine");
            int customerId = _users.Count == 0 ? 1 : _users.Keys.Max() + 1;
            _users.Add(customerId, new PortalUser(customerId, name));
            int chatId = Math.Max(FirstStartedChatId, _chats.Count == 0 ? 0 : _chats.Keys.Max() + 1);
            string? text = string.IsNullOrWhiteSpace(firstMessage) ? null : firstMessage;
            return AddChatLocked(chatId, lineId, customerId, botId, SessionOwner.Bot(botId), text).ToSnapshot();
        }
    }

    /// <summary>The chat as it is now.</summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    public ChatSnapshot GetChat(int chatId)
    {
        lock (Gate)
        {
            return RequireChat(chatId).ToSnapshot();
        }
    }

    /// <summary>The chat as it is now, or null.</summary>
    public ChatSnapshot? FindChat(int chatId)
    {
        lock (Gate)
        {
            return _chats.TryGetValue(chatId, out OpenLineChat? chat) ? chat.ToSnapshot() : null;
        }
    }

    /// <summary>
    /// Confirms a pending transfer as the receiving operator would: the bots that stayed with
    /// <c>LEAVE=N</c> (the chat's bot and the bots connected to its line) now leave the chat.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    public void ConfirmTransfer(int chatId)
    {
        lock (Gate)
        {
            OpenLineChat chat = RequireChat(chatId);
            if (chat.Owner.Kind != SessionOwnerKind.Bot)
            {
                RemoveLineBotsLocked(chat);
            }
        }
    }

    /// <summary>
    /// Posts a message into a chat as <paramref name="authorId"/> (e.g. the customer writing again). When the customer
    /// writes into a chat whose session was finished, the chat first gets a new session, as on a real portal: a new
    /// session id, active, owned by the line's current bot (else the chat's own bot), and the line's bots rejoin
    /// (<c>ONIMBOTV2JOINCHAT</c> for those that had left). When the author is
    /// a person (not a bot) and the message is not a system one, the chat's Chatbots 2.0 bots that the message is for
    /// get <c>ONIMBOTV2MESSAGEADD</c>: in an Open Lines chat every member bot that serves open lines, plus
    /// <c>supervisor</c> and <c>personal</c> bots, plus a bot the text mentions as <c>[USER=id]</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">No such user.</exception>
    public TranscriptMessage PostMessage(int chatId, int authorId, string text, bool isSystem = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (Gate)
        {
            OpenLineChat chat = RequireChat(chatId);
            RequireUser(authorId, nameof(authorId));
            if (!isSystem && authorId == chat.CustomerId && chat.Status == SessionStatus.Closed)
            {
                ReopenLocked(chat);
            }

            TranscriptMessage posted = Post(chat, authorId, text, isSystem);
            if (!isSystem)
            {
                Events?.MessageAddedLocked(chat, posted);
            }

            return posted;
        }
    }

    /// <summary>
    /// Posts a message as the chat's customer (the Open Lines client), as <see cref="PostMessage"/> does; the chat's
    /// Chatbots 2.0 bots get <c>ONIMBOTV2MESSAGEADD</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    /// <exception cref="ArgumentException">The text is empty or only spaces.</exception>
    public TranscriptMessage PostCustomerMessage(int chatId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The message text is empty.", nameof(text));
        }

        lock (Gate)
        {
            OpenLineChat chat = RequireChat(chatId);
            return PostMessage(chatId, chat.CustomerId, text);
        }
    }

    /// <summary>
    /// The <c>application_token</c> that events for this bot carry in <c>auth[application_token]</c>: for a bot of an
    /// OAuth application, that application's token on this portal; for a bot registered through an incoming webhook,
    /// its own synthetic one, derived from its current <c>botToken</c> ("each of them has its own synthetic
    /// <c>APPLICATION_TOKEN</c>", bot-update.md; a rotation re-links the subscriptions to a new one). Null when there
    /// is no such bot.
    /// </summary>
    public string? ApplicationTokenOfBot(int botId)
    {
        lock (Gate)
        {
            return FindBotLocked(botId) is { } bot ? ApplicationTokenOfBotLocked(bot) : null;
        }
    }

    /// <summary>The events waiting in a <c>fetch</c>-mode bot's queue for <c>imbot.v2.Event.get</c>, oldest first (empty for an unknown bot).</summary>
    public IReadOnlyList<QueuedBotEvent> QueuedEvents(int botId)
    {
        lock (Gate)
        {
            return _eventQueues.TryGetValue(botId, out List<QueuedBotEvent>? queue) ? queue.ToArray() : [];
        }
    }

    // The methods below are for REST handlers, which already hold the lock.
    internal void AddChatMemberLocked(OpenLineChat chat, int userId, int addedById)
    {
        RequireUser(userId, nameof(userId));
        if (chat.Join(userId))
        {
            Events?.BotJoinedLocked(chat, userId, addedById);
        }
    }

    internal string ApplicationTokenOfBotLocked(ChatBot bot) =>
        bot.AppClientId is { } clientId ? ApplicationEntryLocked(clientId).Token
        : SyntheticApplicationToken(bot.WebhookClientId ?? "bot" + bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Installs an application (again): a new one, or one uninstalled before, gets a new <c>application_token</c>.</summary>
    internal string InstallApplicationLocked(EmulatedApplication application, Uri? handlerUrl)
    {
        if (_applications.TryGetValue(application.ClientId, out InstalledApplication? known) && known.Installed)
        {
            _applications[application.ClientId] = known with { Application = application, HandlerUrl = handlerUrl ?? known.HandlerUrl };
            return known.Token;
        }

        var installed = new InstalledApplication(application, NewApplicationToken(), handlerUrl, Installed: true);
        _applications[application.ClientId] = installed;
        return installed.Token;
    }

    /// <summary>Marks an application uninstalled; its entry (and token) stay for the uninstall event.</summary>
    internal InstalledApplication? UninstallApplicationLocked(string clientId)
    {
        if (!_applications.TryGetValue(clientId, out InstalledApplication? known) || !known.Installed)
        {
            return null;
        }

        _applications[clientId] = known with { Installed = false };
        return known;
    }

    /// <summary>The installed application with this client id, or null.</summary>
    internal EmulatedApplication? FindInstalledApplicationLocked(string clientId) =>
        _applications.TryGetValue(clientId, out InstalledApplication? known) && known.Installed ? known.Application : null;

    internal InstalledApplication? FindApplicationEntryLocked(string clientId) => _applications.GetValueOrDefault(clientId);

    internal void QueueEventLocked(int botId, string type, DateTimeOffset date, JsonObject data)
    {
        List<QueuedBotEvent> queue = _eventQueues.TryGetValue(botId, out List<QueuedBotEvent>? existing) ? existing : _eventQueues[botId] = [];
        queue.Add(new QueuedBotEvent(_nextEventId++, type, date, data));
    }

    /// <summary>The bot's fetch queue (created empty when it has none), for <c>imbot.v2.Event.get</c> to read and acknowledge.</summary>
    internal List<QueuedBotEvent> EventQueueLocked(int botId) =>
        _eventQueues.TryGetValue(botId, out List<QueuedBotEvent>? queue) ? queue : _eventQueues[botId] = [];

    internal OpenLineChat? FindChatLocked(int chatId) => _chats.GetValueOrDefault(chatId);

    internal PortalUser? FindUserLocked(int userId) => _users.GetValueOrDefault(userId);

    internal OpenLine? FindLineLocked(int lineId) => _lines.GetValueOrDefault(lineId);

    /// <summary>The first bot whose application is <paramref name="appClientId"/>, as the real handler picks it.</summary>
    internal ChatBot? FindBotByAppLocked(string appClientId) => _bots.Find(b => b.AppClientId == appClientId);

    internal ChatBot? FindBotByWebhookClientIdLocked(string clientId) => _bots.Find(b => b.WebhookClientId == clientId);

    internal int NewSessionIdLocked() => _nextSessionId++;

    /// <summary>The bots connected to a line, in connection order (the last is the current bot).</summary>
    internal IReadOnlyList<int> LineBotsLocked(int lineId) => _lineBots.GetValueOrDefault(lineId) ?? [];

    /// <summary>The line's current bot: the one connected last, or null when none is.</summary>
    internal int? CurrentBotLocked(int lineId) => _lineBots.GetValueOrDefault(lineId) is { Count: > 0 } bots ? bots[^1] : null;

    /// <summary>The bot a new dialog of the line gets: the current bot, else the still registered bot of the line's most recent chat.</summary>
    internal int? NewDialogBotLocked(int lineId) =>
        CurrentBotLocked(lineId) ?? _chats.Values
            .Where(c => c.LineId == lineId && FindBotLocked(c.BotId) is not null)
            .OrderByDescending(c => c.ChatId)
            .Select(c => (int?)c.BotId)
            .FirstOrDefault();

    /// <summary>Whether the user is (or was, before unregistering) a bot.</summary>
    internal bool IsBotUserLocked(int userId) => _formerBots.Contains(userId) || FindBotLocked(userId) is not null;

    /// <summary>
    /// A person takes the dialog over: the chat's own bot and every bot connected to its line leave the chat. Bots
    /// added by other means (<see cref="AddChatMember(int, int)"/>) stay.
    /// </summary>
    internal void RemoveLineBotsLocked(OpenLineChat chat)
    {
        chat.BotIsMember = false;
        foreach (int botId in LineBotsLocked(chat.LineId))
        {
            chat.Leave(botId);
        }
    }

    internal IEnumerable<OpenLineChat> ChatsLocked => _chats.Values.OrderBy(c => c.ChatId);

    internal IEnumerable<ChatBot> BotsLocked => _bots;

    internal IEnumerable<OpenLine> OpenLinesLocked => _lines.Values.OrderBy(l => l.Id);

    internal ChatBot? FindBotLocked(int botId) => _bots.Find(b => b.Id == botId);

    internal ChatBot? FindBotByCodeLocked(string code) => _bots.Find(b => b.Code == code);

    /// <summary>Registers a bot and its user in one step (<c>imbot.v2.Bot.register</c>); the user id is the next free one.</summary>
    internal ChatBot AddBotWithUserLocked(Func<int, ChatBot> create, string userName)
    {
        int id = _users.Count == 0 ? 1 : _users.Keys.Max() + 1;
        ChatBot bot = create(id);
        _users.Add(id, new PortalUser(id, userName));
        _bots.Add(bot);
        return bot;
    }

    /// <summary>Replaces a bot's record (settings, profile, token) and keeps its user's name in step.</summary>
    internal void ReplaceBotLocked(ChatBot bot, string userName)
    {
        _bots[_bots.FindIndex(b => b.Id == bot.Id)] = bot;
        if (_users.TryGetValue(bot.Id, out PortalUser? user))
        {
            _users[bot.Id] = user with { Name = userName };
        }
    }

    /// <summary>Unregisters a bot: its commands go, it leaves every chat, and its user is deactivated (old messages keep its name).</summary>
    internal void RemoveBotLocked(int botId)
    {
        if (_bots.RemoveAll(b => b.Id == botId) > 0)
        {
            _formerBots.Add(botId);
        }

        _eventQueues.Remove(botId);
        _commands.RemoveAll(c => c.BotId == botId);
        foreach (List<int> connected in _lineBots.Values)
        {
            connected.Remove(botId);
        }

        foreach (OpenLineChat chat in _chats.Values)
        {
            chat.Leave(botId);
        }

        if (_users.TryGetValue(botId, out PortalUser? user))
        {
            _users[botId] = user with { IsActive = false };
        }
    }

    internal IEnumerable<BotCommand> CommandsLocked => _commands;

    internal BotCommand AddCommandLocked(Func<int, BotCommand> create)
    {
        BotCommand command = create(_nextCommandId++);
        _commands.Add(command);
        return command;
    }

    internal bool RemoveCommandLocked(int commandId) => _commands.RemoveAll(c => c.Id == commandId) > 0;

    internal void AddInputActionLocked(InputActionNotice notice) => _inputActions.Add(notice);

    /// <summary>A message anywhere on the portal, with its chat and place in the transcript; null when there is none.</summary>
    internal (OpenLineChat Chat, int Index)? FindMessageLocked(int messageId)
    {
        foreach (OpenLineChat chat in _chats.Values)
        {
            int index = chat.Transcript.FindIndex(m => m.Id == messageId);
            if (index >= 0)
            {
                return (chat, index);
            }
        }

        return null;
    }

    internal string UserNameLocked(int userId) => _users.TryGetValue(userId, out PortalUser? user) ? user.Name : "user " + userId;

    internal TranscriptMessage Post(OpenLineChat chat, int authorId, string text, bool isSystem) =>
        Post(chat, new TranscriptMessage(0, authorId, UserNameLocked(authorId), text, isSystem, default));

    /// <summary>Posts a message built by the caller; its id and time are assigned here.</summary>
    internal TranscriptMessage Post(OpenLineChat chat, TranscriptMessage message)
    {
        TranscriptMessage posted = message with { Id = _nextMessageId++, Time = _clock.GetUtcNow() };
        chat.Transcript.Add(posted);
        return posted;
    }

    private OpenLineChat AddChatLocked(int chatId, int lineId, int customerId, int botId, SessionOwner owner, string? firstMessage)
    {
        var chat = new OpenLineChat(chatId, lineId, customerId, botId, _nextSessionId++, owner, _clock.GetUtcNow());
        _chats.Add(chatId, chat);
        Events?.BotJoinedLocked(chat, botId, customerId);
        foreach (int connected in LineBotsLocked(lineId))
        {
            if (chat.Join(connected))
            {
                Events?.BotJoinedLocked(chat, connected, customerId);
            }
        }

        if (firstMessage is not null)
        {
            TranscriptMessage posted = Post(chat, customerId, firstMessage, isSystem: false);
            Events?.MessageAddedLocked(chat, posted);
        }

        return chat;
    }

    /// <summary>
    /// The customer wrote into a finished dialog: a new session starts, owned by the line's current bot (else the
    /// chat's own), and the bots come back, the chat's own first, as when the chat was created.
    /// </summary>
    private void ReopenLocked(OpenLineChat chat)
    {
        chat.SessionId = NewSessionIdLocked();
        chat.Status = SessionStatus.Active;
        chat.Owner = SessionOwner.Bot(CurrentBotLocked(chat.LineId) ?? chat.BotId);
        IEnumerable<int> returning = FindBotLocked(chat.BotId) is null ? LineBotsLocked(chat.LineId) : LineBotsLocked(chat.LineId).Prepend(chat.BotId);
        foreach (int botId in returning.ToArray())
        {
            if (chat.Join(botId))
            {
                Events?.BotJoinedLocked(chat, botId, chat.CustomerId);
            }
        }
    }

    private InstalledApplication ApplicationEntryLocked(string clientId)
    {
        if (!_applications.TryGetValue(clientId, out InstalledApplication? known))
        {
            // A bot seeded for an application the portal was not told about: it still gets a token of its own.
            known = new InstalledApplication(new EmulatedApplication(clientId, string.Empty, []), NewApplicationToken(), null, Installed: false);
            _applications[clientId] = known;
        }

        return known;
    }

    private static string NewApplicationToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private string SyntheticApplicationToken(string botToken) =>
        Convert.ToHexString(HMACSHA256.HashData(_applicationTokenKey, Encoding.UTF8.GetBytes("botToken:" + botToken)))[..32].ToLowerInvariant();

    private OpenLineChat RequireChat(int chatId) =>
        _chats.TryGetValue(chatId, out OpenLineChat? chat)
            ? chat
            : throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal.");

    private void RequireUser(int userId, string parameter)
    {
        if (!_users.ContainsKey(userId))
        {
            throw new ArgumentException($"User {userId} does not exist.", parameter);
        }
    }
}
