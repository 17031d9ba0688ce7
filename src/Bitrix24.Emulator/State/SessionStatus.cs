namespace Bitrix24.Emulator.State;

/// <summary>Whether an open-line session is still running.</summary>
public enum SessionStatus
{
    /// <summary>The dialog is open.</summary>
    Active,

    /// <summary>The dialog was finished (<c>imopenlines.bot.session.finish</c>).</summary>
    Closed,
}
