using System.Diagnostics;

namespace Bitrix24.Tests.Shared;

/// <summary>Runs the dotnet CLI as a child process, as a developer would from a shell.</summary>
internal static class DotnetProcess
{
    /// <summary>Runs <c>dotnet {arguments}</c> in <paramref name="workingDirectory"/> and waits at most <paramref name="timeout"/>.</summary>
    /// <param name="environment">Variables to set (a null value removes one) on top of the cleaned-up inherited ones.</param>
    /// <exception cref="TimeoutException">It ran longer; the process tree was killed.</exception>
    public static Task<DotnetRun> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunProgramAsync("dotnet", workingDirectory, arguments, timeout, environment);

    /// <summary>Runs <paramref name="program"/> (a path, or a name looked up on PATH) the same way, e.g. a published app.</summary>
    /// <exception cref="TimeoutException">It ran longer; the process tree was killed.</exception>
    public static async Task<DotnetRun> RunProgramAsync(
        string program, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
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

        // A nested command line must run against its embedded emulator, whatever the developer's shell has.
        start.Environment.Remove("BITRIX24_WEBHOOK_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

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
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return new DotnetRun(process.ExitCode, await output, await error);
    }
}

/// <summary>How a child <c>dotnet</c> process ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Out">Everything it wrote to standard output.</param>
/// <param name="Error">Everything it wrote to standard error.</param>
internal sealed record DotnetRun(int ExitCode, string Out, string Error)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
