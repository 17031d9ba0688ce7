namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>Runs the command line in-process, as the program would, and keeps what it printed.</summary>
internal static class CliRunner
{
    /// <summary>No BITRIX24_WEBHOOK_URL: the embedded emulator is used.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, NoEnvironment);

    public static Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, environment, methods: null, cancellationToken);

    /// <param name="args">The arguments after the program name.</param>
    /// <param name="environment">The environment variables the run sees.</param>
    /// <param name="methods">Catalog entries to use instead of the SDK's catalog.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="workingDirectory">The current directory the run sees (where <c>@file</c> paths start).</param>
    public static async Task<CliRun> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<Bitrix24MethodInfo>? methods,
        CancellationToken cancellationToken = default,
        string? workingDirectory = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode;
        if (methods is null && workingDirectory is null)
        {
            exitCode = await CliApp.RunAsync(args, stdout, stderr, environment, cancellationToken);
        }
        else
        {
            var context = new CliContext(stdout, stderr, environment);
            if (workingDirectory is not null)
            {
                context = context with { WorkingDirectory = workingDirectory };
            }

            exitCode = await CliApp.RunAsync(args, methods ?? Bitrix24MethodCatalog.Methods, context, cancellationToken);
        }

        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
