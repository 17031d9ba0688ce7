namespace Bitrix24;

/// <summary>The answer of <see cref="IBitrix24SharedTokenStore.BeginRefreshAsync"/>.</summary>
/// <param name="Kind">Go, fresh, or wait.</param>
/// <param name="Stored">Go: the pair to refresh; fresh: the newer pair; wait: null.</param>
/// <param name="Wait">Wait: how long the other owner's lease still runs.</param>
public sealed record Bitrix24RefreshTurn(Bitrix24RefreshTurnKind Kind, Bitrix24StoredTokens? Stored, TimeSpan Wait);
