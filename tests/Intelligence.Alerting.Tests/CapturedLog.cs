using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Intelligence.Alerting.Tests;

/// <summary>A logger factory that keeps every formatted line, to assert on what operators would read.</summary>
public sealed class CapturedLog : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public bool Contains(string text) => _lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message);

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception)));
    }
}
