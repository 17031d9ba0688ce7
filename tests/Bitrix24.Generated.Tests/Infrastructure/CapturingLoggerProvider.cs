using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>Keeps every log line written through it (level, category, formatted message, exception text).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Category, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines
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

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, not only the message: a secret must not hide in a property either.
            string properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
            lock (owner._lines)
            {
                owner._lines.Add((logLevel, category, formatter(state, exception) + " | " + properties + " | " + exception));
            }
        }
    }
}
