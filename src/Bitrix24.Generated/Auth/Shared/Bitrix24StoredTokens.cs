namespace Bitrix24;

/// <summary>A pair of tokens as a shared store holds it, with its version (1 for the first pair, one more for each refresh).</summary>
/// <param name="Tokens">The pair.</param>
/// <param name="Version">Its version.</param>
public sealed record Bitrix24StoredTokens(Bitrix24OAuthTokens Tokens, long Version);
