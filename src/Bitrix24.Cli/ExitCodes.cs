namespace Bitrix24.Cli;

/// <summary>The process exit codes, as API.md documents them.</summary>
internal static class ExitCodes
{
    /// <summary>The call succeeded (or help or the method list was shown).</summary>
    public const int Success = 0;

    /// <summary>The portal answered with an error, or no valid answer came back.</summary>
    public const int PortalError = 1;

    /// <summary>The command line was wrong: unknown method or parameter, missing or bad value.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C: 128 + SIGINT, what shells report for an interrupted program.</summary>
    public const int Cancelled = 130;
}
