using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>
/// Keeps everything written through any logger of the container, scopes included: each line's category,
/// formatted message, structured values and exception, and each scope's formatted state and values
/// (IHttpClientFactory's scope handler puts the request URL in a scope).
/// </summary>
internal sealed class ScopeCapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, string Text)> _lines = [];

    public IReadOnlyList<(string Category, string Text)> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string category, string text)
    {
        lock (_lines)
        {
            _lines.Add((category, text));
        }
    }

    private static string Values(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;

    private sealed class Logger(ScopeCapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Add(category, "scope: " + state + " | " + Values(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(category, logLevel + ": " + formatter(state, exception) + " | " + Values(state) + " | " + exception);
    }
}
