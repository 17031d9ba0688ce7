using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Bitrix24.Redis.Replica;

/// <summary>
/// A private <c>redis-server</c> child process listening only on a Unix socket in its own temporary folder (<c>--port 0</c>
/// turns TCP off), with nothing persisted. <see cref="Kill"/> is SIGKILL; <see cref="RestartAsync"/> starts it again on
/// the same socket. The tests' fixture and the scenario program both use it.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    /// <summary>Overrides the server's path.</summary>
    public const string PathVariable = "B24_REDIS_SERVER";

    private Process? _process;

    private RedisServerProcess()
    {
        Folder = Path.Combine(Path.GetTempPath(), "b24r-" + Guid.NewGuid().ToString("N")[..10]);
        SocketPath = Path.Combine(Folder, "redis.sock");
    }

    /// <summary>The server found on PATH (or by <see cref="PathVariable"/>), or null.</summary>
    public static string? Executable { get; } = FindExecutable();

    public static string Missing =>
        $"No redis-server on PATH: install Debian's redis-server package (.ci/run does), or set {PathVariable} to a redis-server 6.2 or later.";

    public string Folder { get; }

    public string SocketPath { get; }

    /// <summary>SE.Redis's spelling of a Unix socket endpoint.</summary>
    public string ConnectionString => "!" + SocketPath;

    public bool IsRunning => _process is { HasExited: false };

    /// <exception cref="InvalidOperationException">No redis-server, or it did not answer PING within 5 s (its log is in the message).</exception>
    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess();
        try
        {
            await server.RunAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no goodbye to the clients, the socket file left behind (Redis unlinks it on the next start).</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        Kill();
        await RunAsync();
    }

    public string Log()
    {
        string path = Path.Combine(Folder, "redis.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A socket file being unlinked by the dying server; the temporary folder is left for the OS.
        }
    }

    private async Task RunAsync()
    {
        string executable = Executable ?? throw new InvalidOperationException(Missing);
        Directory.CreateDirectory(Folder);
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[
            "--port", "0", "--unixsocket", SocketPath, "--unixsocketperm", "700", "--save", "", "--appendonly", "no",
            "--dir", Folder, "--enable-debug-command", "local", "--daemonize", "no", "--logfile", Path.Combine(Folder, "redis.log")])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{Log()}");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"redis-server did not answer PING on {SocketPath} within 5 s:\n{Log()}");
    }

    /// <summary>PING over the socket itself: no client library connection to create and throw away while it starts.</summary>
    private async Task<bool> PingAsync()
    {
        if (!File.Exists(SocketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), timeout.Token);
            await socket.SendAsync("PING\r\n"u8.ToArray(), SocketFlags.None, timeout.Token);
            byte[] buffer = new byte[64];
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
    }
}
