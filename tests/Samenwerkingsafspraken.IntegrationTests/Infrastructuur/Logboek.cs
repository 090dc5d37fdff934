using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>Captures what a host logs, with the scopes each entry was written in, so a test can say what was logged and how.</summary>
public sealed class Logboek : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Logregel> _regels = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Logregel> Regels => _regels.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(Logboek logboek, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logboek._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scopes = new Dictionary<string, object?>();
            logboek._scopes.ForEachScope((scope, lijst) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> paren)
                {
                    foreach (var (sleutel, waarde) in paren) lijst[sleutel] = waarde;
                }
                else if (scope is IEnumerable<KeyValuePair<string, object>> andere)
                {
                    foreach (var (sleutel, waarde) in andere) lijst[sleutel] = waarde;
                }
            }, scopes);
            logboek._regels.Enqueue(new Logregel(categorie, logLevel, formatter(state, exception), exception, scopes));
        }
    }
}

public sealed record Logregel(string Categorie, LogLevel Niveau, string Bericht, Exception? Uitzondering, IReadOnlyDictionary<string, object?> Scopes);
