namespace Bitrix24.Cli;

/// <summary>
/// A usage error found only when the call is prepared (an unusable webhook URL); parsing catches the
/// others. CliApp prints the message and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
