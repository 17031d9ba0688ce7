namespace Bitrix24.Emulator.State;

/// <summary>Who answers an open-line dialog: its bot, an operator, or nobody yet (waiting in a line's queue).</summary>
public enum SessionOwnerKind
{
    /// <summary>A chat bot; <see cref="SessionOwner.Id"/> is the bot id.</summary>
    Bot,

    /// <summary>A human operator; <see cref="SessionOwner.Id"/> is the user id.</summary>
    Operator,

    /// <summary>Waiting for a free operator of a line; <see cref="SessionOwner.Id"/> is the line id.</summary>
    Queue,
}

/// <summary>The current owner of a session.</summary>
/// <param name="Kind">Bot, operator or queue.</param>
/// <param name="Id">The bot id, the operator's user id, or the line id.</param>
public readonly record struct SessionOwner(SessionOwnerKind Kind, int Id)
{
    /// <summary>Owned by the bot <paramref name="botId"/>.</summary>
    public static SessionOwner Bot(int botId) => new(SessionOwnerKind.Bot, botId);

    /// <summary>Owned by the operator <paramref name="userId"/>.</summary>
    public static SessionOwner Operator(int userId) => new(SessionOwnerKind.Operator, userId);

    /// <summary>Waiting in the queue of line <paramref name="lineId"/>.</summary>
    public static SessionOwner Queue(int lineId) => new(SessionOwnerKind.Queue, lineId);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SessionOwnerKind.Bot => "bot " + Id,
        SessionOwnerKind.Operator => "operator " + Id,
        _ => "queue of line " + Id,
    };
}
