using Bitrix24.Redis.Replica;
using StackExchange.Redis;

namespace Bitrix24.Redis.Tests;

/// <summary>
/// A private redis-server (<see cref="RedisServerProcess"/>: a Unix socket only, nothing persisted) as a class fixture,
/// or started per test by the tests that kill or pause it.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IDisposable
{
    private RedisServerProcess? _process;

    public static bool IsInstalled => RedisServerProcess.Executable is not null;

    /// <summary>In CI a missing server is a failure, never a skip.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing => RedisServerProcess.Missing;

    /// <summary>SE.Redis's spelling of the server's Unix socket.</summary>
    public string ConnectionString => Process.ConnectionString;

    private RedisServerProcess Process => _process ?? throw new InvalidOperationException("The server was not started.");

    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync() => _process = await RedisServerProcess.StartAsync();

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

    /// <summary>SIGKILL.</summary>
    public void Kill() => Process.Kill();

    /// <summary>Starts it again on the same socket.</summary>
    public Task RestartAsync() => Process.RestartAsync();

    public string Log() => Process.Log();

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _process?.Dispose();
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
