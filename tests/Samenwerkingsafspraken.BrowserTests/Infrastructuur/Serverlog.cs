using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>The web application's errors, so that a test that meets an error page shows why in its output.</summary>
public sealed class Serverlog : ILoggerProvider
{
    public ConcurrentQueue<string> Fouten { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(Serverlog log, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Fouten.Enqueue($"{logLevel} {categorie}: {formatter(state, exception)}\n{exception}");
        }
    }
}
