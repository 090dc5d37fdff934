using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public sealed record Logregel(long Volgnummer, LogLevel Niveau, string Categorie, string Bericht, Exception? Uitzondering,
    IReadOnlyDictionary<string, object?> Scopes);

/// <summary>
/// Every log entry of a test host, numbered, with the scopes each entry was written in, so that a test can see what
/// operators would see and how it was logged.
/// </summary>
public sealed class Logboek : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Logregel> _regels = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private long _volgnummer;

    public long Stand => Interlocked.Read(ref _volgnummer);

    public IReadOnlyList<Logregel> Regels => _regels.ToArray();

    public IReadOnlyList<Logregel> Sinds(long stand) => _regels.Where(r => r.Volgnummer > stand).OrderBy(r => r.Volgnummer).ToList();

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
            logboek._regels.Enqueue(new Logregel(Interlocked.Increment(ref logboek._volgnummer), logLevel, categorie, formatter(state, exception), exception, scopes));

            // The fixture's host lives for the whole run: keep the newest entries only.
            while (logboek._regels.Count > 20_000 && logboek._regels.TryDequeue(out _))
            {
            }
        }
    }
}
