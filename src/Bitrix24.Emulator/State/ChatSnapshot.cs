namespace Bitrix24.Emulator.State;

/// <summary>A consistent copy of an open-line chat at one moment: its session and transcript.</summary>
/// <param name="ChatId">The <c>CHAT_ID</c>.</param>
/// <param name="LineId">The open line the chat belongs to.</param>
/// <param name="CustomerId">The customer's user id.</param>
/// <param name="SessionId">The current session's id.</param>
/// <param name="Owner">Who answers the dialog now.</param>
/// <param name="Status">Whether the session is open.</param>
/// <param name="BotIsMember">
/// Whether the bot is still in the chat: a transfer with <c>LEAVE=N</c> keeps it until the transfer is
/// confirmed (<see cref="PortalState.ConfirmTransfer"/>); <c>LEAVE=Y</c> removes it at once.
/// </param>
/// <param name="Transcript">Every message, oldest first.</param>
public sealed record ChatSnapshot(
    int ChatId,
    int LineId,
    int CustomerId,
    int SessionId,
    SessionOwner Owner,
    SessionStatus Status,
    bool BotIsMember,
    IReadOnlyList<TranscriptMessage> Transcript)
{
    /// <summary>The chat's <c>dialogId</c> for <c>imbot.v2</c> methods: <c>chat{ChatId}</c>.</summary>
    public string DialogId => "chat" + ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The user ids in the chat: the customer, the chat's bot while <see cref="BotIsMember"/>, the operator who owns
    /// the session, and bots that joined (<see cref="PortalState.ConnectBotToLine"/>, <see cref="PortalState.AddChatMember(int, int)"/>).
    /// </summary>
    public IReadOnlyList<int> Members { get; init; } = [];
}
