namespace Bitrix24.Emulator.State;

/// <summary>
/// What the emulated portal knows: users, open lines, bots, and open-line chats with their sessions
/// and transcripts. Thread-safe: every REST call and every method here runs under one lock, so a test
/// reading a chat sees it either before or after a call, never half-way.
/// </summary>
public sealed class PortalState
{
    private readonly TimeProvider _clock;
    private readonly Dictionary<int, PortalUser> _users = [];
    private readonly Dictionary<int, OpenLine> _lines = [];
    private readonly List<ChatBot> _bots = [];
    private readonly Dictionary<int, OpenLineChat> _chats = [];
    private int _nextMessageId = 1;
    private int _nextSessionId = 500;

    internal PortalState(TimeProvider clock) => _clock = clock;

    /// <summary>The lock every REST call holds while it runs.</summary>
    internal object Gate { get; } = new();

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

            var chat = new OpenLineChat(chatId, lineId, customerId, botId, _nextSessionId++, owner ?? SessionOwner.Bot(botId));
            _chats.Add(chatId, chat);
            if (firstMessage is not null)
            {
                Post(chat, customerId, firstMessage, isSystem: false);
            }

            return chat.ToSnapshot();
        }
    }

    /// <summary>The chat as it is now.</summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    public ChatSnapshot GetChat(int chatId)
    {
        lock (Gate)
        {
            return _chats.TryGetValue(chatId, out OpenLineChat? chat)
                ? chat.ToSnapshot()
                : throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal.");
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
    /// Confirms a pending transfer as the receiving operator would: a bot that stayed with
    /// <c>LEAVE=N</c> now leaves the chat.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    public void ConfirmTransfer(int chatId)
    {
        lock (Gate)
        {
            OpenLineChat chat = _chats.TryGetValue(chatId, out OpenLineChat? found)
                ? found
                : throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal.");
            if (chat.BotIsMember && chat.Owner.Kind != SessionOwnerKind.Bot)
            {
                chat.BotIsMember = false;
            }
        }
    }

    /// <summary>Posts a message into a chat as <paramref name="authorId"/> (e.g. the customer writing again).</summary>
    /// <exception cref="KeyNotFoundException">No such chat.</exception>
    public TranscriptMessage PostMessage(int chatId, int authorId, string text, bool isSystem = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (Gate)
        {
            OpenLineChat chat = _chats.TryGetValue(chatId, out OpenLineChat? found)
                ? found
                : throw new KeyNotFoundException($"Chat {chatId} does not exist in the emulated portal.");
            RequireUser(authorId, nameof(authorId));
            return Post(chat, authorId, text, isSystem);
        }
    }

    // The methods below are for REST handlers, which already hold the lock.
    internal OpenLineChat? FindChatLocked(int chatId) => _chats.GetValueOrDefault(chatId);

    internal PortalUser? FindUserLocked(int userId) => _users.GetValueOrDefault(userId);

    internal OpenLine? FindLineLocked(int lineId) => _lines.GetValueOrDefault(lineId);

    /// <summary>The first bot whose application is <paramref name="appClientId"/>, as the real handler picks it.</summary>
    internal ChatBot? FindBotByAppLocked(string appClientId) => _bots.Find(b => b.AppClientId == appClientId);

    internal ChatBot? FindBotByWebhookClientIdLocked(string clientId) => _bots.Find(b => b.WebhookClientId == clientId);

    internal int NewSessionIdLocked() => _nextSessionId++;

    internal TranscriptMessage Post(OpenLineChat chat, int authorId, string text, bool isSystem)
    {
        string author = _users.TryGetValue(authorId, out PortalUser? user) ? user.Name : "user " + authorId;
        var message = new TranscriptMessage(_nextMessageId++, authorId, author, text, isSystem, _clock.GetUtcNow());
        chat.Transcript.Add(message);
        return message;
    }

    private void RequireUser(int userId, string parameter)
    {
        if (!_users.ContainsKey(userId))
        {
            throw new ArgumentException($"User {userId} does not exist.", parameter);
        }
    }
}
