namespace Bitrix24.Emulator.State;

/// <summary>The mutable state of one open-line chat; only touched under <see cref="PortalState"/>'s lock.</summary>
internal sealed class OpenLineChat
{
    public OpenLineChat(int chatId, int lineId, int customerId, int botId, int sessionId, SessionOwner owner, DateTimeOffset createdAt)
    {
        ChatId = chatId;
        LineId = lineId;
        CustomerId = customerId;
        BotId = botId;
        SessionId = sessionId;
        Owner = owner;
        CreatedAt = createdAt;
    }

    public int ChatId { get; }

    public int LineId { get; }

    public int CustomerId { get; }

    /// <summary>The bot that served the chat first; it stays the chat's bot after a transfer.</summary>
    public int BotId { get; }

    public DateTimeOffset CreatedAt { get; }

    public int SessionId { get; set; }

    public SessionOwner Owner { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Active;

    public bool BotIsMember { get; set; } = true;

    /// <summary>Users who joined besides the customer, the chat's bot and the owning operator (other bots), in joining order.</summary>
    public List<int> OtherMembers { get; } = [];

    public List<TranscriptMessage> Transcript { get; } = [];

    /// <summary>The customer, the chat's bot while it stays, the operator who owns the session, then the others.</summary>
    public IReadOnlyList<int> Members
    {
        get
        {
            var members = new List<int> { CustomerId };
            if (BotIsMember)
            {
                members.Add(BotId);
            }

            if (Owner.Kind == SessionOwnerKind.Operator)
            {
                members.Add(Owner.Id);
            }

            members.AddRange(OtherMembers);
            return members.Distinct().ToArray();
        }
    }

    public bool IsMember(int userId) => Members.Contains(userId);

    /// <summary>Adds a user to the chat; false when they already are in it.</summary>
    public bool Join(int userId)
    {
        if (IsMember(userId))
        {
            return false;
        }

        if (userId == BotId)
        {
            BotIsMember = true;
        }
        else
        {
            OtherMembers.Add(userId);
        }

        return true;
    }

    /// <summary>Takes a bot out of the chat (the chat's own bot stops being a member, as after <c>LEAVE=Y</c>).</summary>
    public void Leave(int userId)
    {
        if (userId == BotId)
        {
            BotIsMember = false;
        }

        OtherMembers.Remove(userId);
    }

    public ChatSnapshot ToSnapshot() =>
        new(ChatId, LineId, CustomerId, SessionId, Owner, Status, BotIsMember, Transcript.ToArray()) { Members = Members };
}
