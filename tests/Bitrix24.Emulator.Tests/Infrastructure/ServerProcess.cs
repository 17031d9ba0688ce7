using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>
/// The standalone emulator (<c>src/Bitrix24.Emulator.Server</c>, as built for this test run) running as a
/// child <c>dotnet</c> process, its output read line by line. Killed on dispose if it still runs.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15; // Linux and macOS

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StringBuilder _transcript = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>Bitrix24.Emulator.Server.dll; the test project records its build path (see the .csproj).</summary>
    public static string ProgramPath
    {
        get
        {
            string? path = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "Bitrix24.Emulator.Server")?.Value;
            return !string.IsNullOrEmpty(path) && File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The built Bitrix24.Emulator.Server.dll was not found (recorded path: '{path}').");
        }
    }

    /// <summary>Everything the program wrote so far, both streams, for assertion messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet Bitrix24.Emulator.Server.dll {arguments}</c>.</summary>
    public static ServerProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine("out", e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine("err", e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Reads standard output until a line matches and returns it; null when the program ended without
    /// printing one.
    /// </summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>.</exception>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await foreach (string line in _lines.Reader.ReadAllAsync(deadline.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }

            // Standard output closed: the program ended. Let standard error drain into the transcript.
            await _process.WaitForExitAsync(deadline.Token);
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The emulator server printed no expected line within {timeout}.\n{Transcript}");
        }
    }

    /// <summary>Waits for the program to end by itself and returns its exit code, with both streams read to the end.</summary>
    /// <exception cref="TimeoutException">It did not end within <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Without a timeout argument, WaitForExit also waits for the redirected streams to be read to their end.
            await _process.WaitForExitAsync(deadline.Token);
            _process.WaitForExit();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The emulator server did not end within {timeout}.\n{Transcript}");
        }

        return _process.ExitCode;
    }

    /// <summary>Asks the program to stop as Ctrl+C would (SIGTERM; on Windows it is killed) and returns its exit code.</summary>
    /// <exception cref="TimeoutException">It did not end within <paramref name="timeout"/>; it was killed.</exception>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else if (SendSignal(_process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The emulator server did not stop within {timeout} of SIGTERM.\n{Transcript}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not reaped in time; nothing more to do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string stream, string? line)
    {
        if (line is null)
        {
            if (stream == "out")
            {
                _lines.Writer.TryComplete();
            }

            return;
        }

        lock (_transcript)
        {
            _transcript.Append(stream).Append(": ").AppendLine(line);
        }

        if (stream == "out")
        {
            _lines.Writer.TryWrite(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
