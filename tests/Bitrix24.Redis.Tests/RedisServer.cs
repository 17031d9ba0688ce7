using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// A private <c>redis-server</c> child process listening only on a Unix socket in its own temporary folder (<c>--port 0</c>
/// turns TCP off), with no persistence. Killed (SIGKILL) and restarted on the same socket by the fault tests.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IDisposable
{
    /// <summary>Overrides the server's path.</summary>
    public const string PathVariable = "B24_REDIS_SERVER";

    private Process? _process;

    public RedisServer()
    {
        Folder = Path.Combine(Path.GetTempPath(), "b24r-" + Guid.NewGuid().ToString("N")[..10]);
        SocketPath = Path.Combine(Folder, "redis.sock");
    }

    public static string? Executable { get; } = FindExecutable();

    public static bool IsInstalled => Executable is not null;

    /// <summary>In CI a missing server is a failure, never a skip.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"No redis-server on PATH: install Debian's redis-server package (.ci/run does), or set {PathVariable} to a redis-server 6.2 or later.";

    public string Folder { get; }

    public string SocketPath { get; }

    /// <summary>SE.Redis's spelling of a Unix socket endpoint.</summary>
    public string ConnectionString => "!" + SocketPath;

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer();
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>As the limits' users are told to connect: no abort on connect failure, fail fast while disconnected.</summary>
    public ConfigurationOptions Options(bool admin = false, int asyncTimeoutMs = 500)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(ConnectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = asyncTimeoutMs;
        options.SyncTimeout = Math.Max(asyncTimeoutMs, 1000);
        options.ConnectTimeout = 2000;
        options.AllowAdmin = admin;
        return options;
    }

    public async Task<ConnectionMultiplexer> ConnectAsync(bool admin = false, int asyncTimeoutMs = 500) =>
        await ConnectionMultiplexer.ConnectAsync(Options(admin, asyncTimeoutMs));

    public async Task InitializeAsync()
    {
        if (!IsInstalled && !IsRequired)
        {
            return; // every test of the class is skipped (RedisFact)
        }

        await StartAsync();
    }

    public async Task StartAsync()
    {
        if (Executable is null)
        {
            throw new InvalidOperationException(Missing);
        }

        Directory.CreateDirectory(Folder);
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        await StartAsync();
    }

    public string Log()
    {
        string path = Path.Combine(Folder, "redis.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

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

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A test that needs redis-server: skipped where it is not installed, except in CI, where it runs and fails.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.IsInstalled && !RedisServer.IsRequired)
        {
            Skip = RedisServer.Missing;
        }
    }
}
