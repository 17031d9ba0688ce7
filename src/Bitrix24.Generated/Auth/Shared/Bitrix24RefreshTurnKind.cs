namespace Bitrix24;

/// <summary>What <see cref="IBitrix24SharedTokenStore.BeginRefreshAsync"/> decided.</summary>
public enum Bitrix24RefreshTurnKind
{
    /// <summary>This process refreshes now, with <see cref="Bitrix24RefreshTurn.Stored"/>'s refresh token.</summary>
    Go,

    /// <summary>Another process already refreshed: use <see cref="Bitrix24RefreshTurn.Stored"/>.</summary>
    Fresh,

    /// <summary>Another process is refreshing: ask again in <see cref="Bitrix24RefreshTurn.Wait"/> at most.</summary>
    Wait,
}
