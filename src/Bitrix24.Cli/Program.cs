using System.Collections;
using Bitrix24.Cli;

// The entry point only wires the real console, environment and Ctrl+C to CliApp, which tests call in-process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the call cleanly (the emulator stops, the exit code says so); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

Dictionary<string, string?> environment = Environment.GetEnvironmentVariables()
    .Cast<DictionaryEntry>()
    .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);

return await CliApp.RunAsync(args, Console.Out, Console.Error, environment, cancellation.Token);
