namespace Bitrix24.Inbound;

/// <summary>A bot whose events are fetched: its id and, through an incoming webhook, the <c>botToken</c> it was registered with.</summary>
public sealed class Bitrix24PolledBot
{
    /// <summary>Names a bot to poll.</summary>
    /// <param name="botId">The bot's id.</param>
    /// <param name="botToken">The bot's <c>botToken</c> (webhook callers); null for an OAuth application.</param>
    public Bitrix24PolledBot(int botId, string? botToken = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(botId);
        BotId = botId;
        BotToken = string.IsNullOrEmpty(botToken) ? null : botToken;
    }

    /// <summary>The bot's id.</summary>
    public int BotId { get; }

    /// <summary>The bot's <c>botToken</c>, or null.</summary>
    public string? BotToken { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Bitrix24PolledBot {{ BotId = {BotId}, BotToken = {(BotToken is null ? "none" : "***")} }}";
}
