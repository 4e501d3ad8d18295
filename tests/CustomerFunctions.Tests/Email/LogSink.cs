using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerFunctions.Tests.Emails;

/// <summary>Keeps every log entry the server writes, so a test can check what an operator would see.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
