namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>The outcome of one run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
