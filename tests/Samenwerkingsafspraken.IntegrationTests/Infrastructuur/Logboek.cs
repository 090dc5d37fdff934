using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public sealed record Logregel(long Volgnummer, LogLevel Niveau, string Categorie, string Bericht, Exception? Uitzondering);

/// <summary>Every log entry of the test host, so that a test can see what operators would see.</summary>
public sealed class Logboek : ILoggerProvider
{
    private readonly ConcurrentQueue<Logregel> _regels = new();
    private long _volgnummer;

    public long Stand => Interlocked.Read(ref _volgnummer);

    public IReadOnlyList<Logregel> Sinds(long stand) => _regels.Where(r => r.Volgnummer > stand).OrderBy(r => r.Volgnummer).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(Logboek logboek, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var regel = new Logregel(Interlocked.Increment(ref logboek._volgnummer), logLevel, categorie, formatter(state, exception), exception);
            logboek._regels.Enqueue(regel);
            while (logboek._regels.Count > 20_000 && logboek._regels.TryDequeue(out _))
            {
            }
        }
    }
}
