using System.Diagnostics;

namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a child process, as a developer would from a shell.</summary>
internal static class DotnetProcess
{
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };

        // The test host inherits MSBuild variables from 'dotnet test'; a nested build must find its own.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        // The command line must run against its embedded emulator, whatever the developer's shell has.
        start.Environment.Remove("BITRIX24_WEBHOOK_URL");

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }
}
