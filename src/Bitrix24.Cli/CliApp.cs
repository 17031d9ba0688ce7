using System.CommandLine;
using Bitrix24.Cli.Commands;

namespace Bitrix24.Cli;

/// <summary>
/// The whole command line as one call, so tests run it in-process with string writers:
/// parse, report usage errors (exit 2), or run the chosen command.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="stdout">Results and help.</param>
    /// <param name="stderr">Errors.</param>
    /// <param name="environment">Environment variables (<c>BITRIX24_WEBHOOK_URL</c>).</param>
    /// <param name="cancellationToken">Ctrl+C: cancels the call in flight.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken) =>
        RunAsync(args, Bitrix24MethodCatalog.Methods, new CliContext(stdout, stderr, environment), cancellationToken);

    /// <summary>Runs the command line over a given list of methods (tests use made-up ones to cover every value type).</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<Bitrix24MethodInfo> methods, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stdout = context.Out;
        TextWriter stderr = context.Error;
        var tree = new CommandTree(methods, context);
        ParseResult parse = tree.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Our actions report their own errors; anything else is a bug and should surface as one.
            EnableDefaultExceptionHandler = false,
            // Ctrl+C arrives through cancellationToken (Program.cs), so System.CommandLine must not install its own handler.
            ProcessTerminationTimeout = null,
        };

        // --help and --version win over everything else on the line, as users expect.
        if (parse.Action is { ClearsParseErrors: true })
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> usageErrors = UsageErrors.Collect(parse);
        if (usageErrors.Count > 0)
        {
            foreach (string error in usageErrors)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
