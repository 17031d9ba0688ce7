namespace Bitrix24.Emulator.Auth;

/// <summary>An incoming webhook: calls to <c>/rest/{UserId}/{Code}/{method}</c> run as that user within these scopes.</summary>
/// <param name="UserId">The user who created the webhook.</param>
/// <param name="Code">The secret part of the URL.</param>
/// <param name="Scopes">The scopes chosen for the webhook, e.g. <c>imopenlines</c>, <c>imbot</c>.</param>
public sealed record EmulatedWebhook(int UserId, string Code, IReadOnlyList<string> Scopes)
{
    /// <summary>Never shows the code.</summary>
    public override string ToString() => $"webhook of user {UserId} ({string.Join(",", Scopes)})";
}
