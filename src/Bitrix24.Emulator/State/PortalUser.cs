namespace Bitrix24.Emulator.State;

/// <summary>An employee, a bot or a customer of the emulated portal (in Bitrix24 a bot is a user too).</summary>
/// <param name="Id">The user id (<c>USER_ID</c>; for a bot also its <c>BOT_ID</c>).</param>
/// <param name="Name">The display name used in transcripts.</param>
/// <param name="IsActive">Inactive users cannot receive a transferred dialog (<c>OPERATOR_WRONG</c>).</param>
/// <param name="IsAdmin">Whether the user is a portal administrator.</param>
public sealed record PortalUser(int Id, string Name, bool IsActive = true, bool IsAdmin = false);
