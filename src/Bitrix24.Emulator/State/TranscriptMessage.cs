namespace Bitrix24.Emulator.State;

/// <summary>One message of a chat's transcript.</summary>
/// <param name="Id">The message id, increasing across the portal.</param>
/// <param name="AuthorId">The user (or bot) who posted it.</param>
/// <param name="AuthorName">That user's display name.</param>
/// <param name="Text">The text as posted.</param>
/// <param name="IsSystem">A system message (automatic replies, transfer notices) rather than a typed one.</param>
/// <param name="Time">When it was posted, by the portal's clock.</param>
public sealed record TranscriptMessage(int Id, int AuthorId, string AuthorName, string Text, bool IsSystem, DateTimeOffset Time)
{
    /// <inheritdoc/>
    public override string ToString() => $"#{Id} {AuthorName}{(IsSystem ? " [system]" : string.Empty)}: {Text}";
}
