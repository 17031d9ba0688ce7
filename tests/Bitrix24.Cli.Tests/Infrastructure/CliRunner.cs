namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>Runs the command line in-process, as the program would, and keeps what it printed.</summary>
internal static class CliRunner
{
    /// <summary>No BITRIX24_WEBHOOK_URL: the embedded emulator is used.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, NoEnvironment);

    public static Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, environment, methods: null, cancellationToken);

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<Bitrix24MethodInfo>? methods, CancellationToken cancellationToken = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = methods is null
            ? await CliApp.RunAsync(args, stdout, stderr, environment, cancellationToken)
            : await CliApp.RunAsync(args, methods, new CliContext(stdout, stderr, environment), cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
