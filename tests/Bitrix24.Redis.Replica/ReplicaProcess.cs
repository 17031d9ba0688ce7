using System.Diagnostics;

namespace Bitrix24.Redis.Replica;

/// <summary>This program run as a child OS process (<c>dotnet Bitrix24.Redis.Replica.dll …</c>), and its RESULT line.</summary>
public static class ReplicaProcess
{
    /// <summary>
    /// The program to run: this assembly by default. A test project that references it sets its own output folder's copy,
    /// whose dependency list belongs to the test project and would not load it.
    /// </summary>
    public static string ProgramPath { get; set; } = typeof(ReplicaProcess).Assembly.Location;

    /// <exception cref="InvalidOperationException">The process printed no result; its output and errors are in the message.</exception>
    public static async Task<ReplicaResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProgramPath);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        string text = await output;
        return text.Split('\n').Select(l => ReplicaResult.FromLine(l.TrimEnd('\r'))).OfType<ReplicaResult>().SingleOrDefault()
            ?? throw new InvalidOperationException($"A replica exited with {process.ExitCode} and no result:\n{text}\n{await errors}");
    }
}
