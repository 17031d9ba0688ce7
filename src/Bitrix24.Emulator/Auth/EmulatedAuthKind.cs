namespace Bitrix24.Emulator.Auth;

/// <summary>How a call was authorized.</summary>
public enum EmulatedAuthKind
{
    /// <summary>No valid authorization (the call was refused).</summary>
    None,

    /// <summary>An incoming webhook URL.</summary>
    Webhook,

    /// <summary>An OAuth access token in <c>auth</c>.</summary>
    OAuth,

    /// <summary>A browser session (<c>sessid</c>), which the bot methods refuse with <c>WRONG_AUTH_TYPE</c>.</summary>
    Session,
}
