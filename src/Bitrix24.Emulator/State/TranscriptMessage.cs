using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.State;

/// <summary>One message of a chat's transcript.</summary>
/// <param name="Id">The message id, increasing across the portal.</param>
/// <param name="AuthorId">The user (or bot) who posted it; 0 for a system message a bot sent through <c>imbot.v2</c>.</param>
/// <param name="AuthorName">That user's display name (for a bot's system message, the bot's name).</param>
/// <param name="Text">The text as posted.</param>
/// <param name="IsSystem">A system message (automatic replies, transfer notices) rather than a typed one.</param>
/// <param name="Time">When it was posted, by the portal's clock.</param>
public sealed record TranscriptMessage(int Id, int AuthorId, string AuthorName, string Text, bool IsSystem, DateTimeOffset Time)
{
    private readonly JsonNode? _keyboard;
    private readonly JsonNode? _attach;

    /// <summary>
    /// The keyboard exactly as the bot sent it (<c>{"BOT_ID":…,"BUTTONS":[…]}</c> or the short form, a bare array of
    /// buttons; a keyboard sent as a JSON string is kept parsed), or null. Each read returns a fresh copy.
    /// </summary>
    public JsonNode? Keyboard
    {
        get => _keyboard?.DeepClone();
        init => _keyboard = value?.DeepClone();
    }

    /// <summary>
    /// The attachment exactly as the bot sent it (<c>{"ID":…,"BLOCKS":[…]}</c> or the short form, a bare array of
    /// blocks), or null. Each read returns a fresh copy.
    /// </summary>
    public JsonNode? Attach
    {
        get => _attach?.DeepClone();
        init => _attach = value?.DeepClone();
    }

    /// <summary>The bot that posted it through <c>imbot.v2</c> (also for a system message, whose <see cref="AuthorId"/> is 0), or null.</summary>
    public int? BotId { get; init; }

    /// <summary>The message this one replies to (<c>fields.replyId</c>), or null.</summary>
    public int? ReplyId { get; init; }

    /// <summary>Whether links in the text get a preview (<c>fields.urlPreview</c>, true by default).</summary>
    public bool UrlPreview { get; init; } = true;

    /// <summary>Whether the text, keyboard or attachment was changed after posting (<c>imbot.v2.Chat.Message.update</c>).</summary>
    public bool IsEdited { get; init; }

    /// <summary>
    /// Whether it was deleted softly (<c>imbot.v2.Chat.Message.delete</c> without <c>complete</c>): it keeps its place
    /// in the transcript with empty text and no keyboard or attachment. A complete deletion removes it.
    /// </summary>
    public bool IsDeleted { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"#{Id} {AuthorName}{(IsSystem ? " [system]" : string.Empty)}: {Text}";
}
