namespace Bitrix24.Emulator.State;

/// <summary>The mutable state of one open-line chat; only touched under <see cref="PortalState"/>'s lock.</summary>
internal sealed class OpenLineChat
{
    public OpenLineChat(int chatId, int lineId, int customerId, int botId, int sessionId, SessionOwner owner)
    {
        ChatId = chatId;
        LineId = lineId;
        CustomerId = customerId;
        BotId = botId;
        SessionId = sessionId;
        Owner = owner;
    }

    public int ChatId { get; }

    public int LineId { get; }

    public int CustomerId { get; }

    /// <summary>The bot that served the chat first; it stays the chat's bot after a transfer.</summary>
    public int BotId { get; }

    public int SessionId { get; set; }

    public SessionOwner Owner { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Active;

    public bool BotIsMember { get; set; } = true;

    public List<TranscriptMessage> Transcript { get; } = [];

    public ChatSnapshot ToSnapshot() =>
        new(ChatId, LineId, CustomerId, SessionId, Owner, Status, BotIsMember, Transcript.ToArray());
}
