using Marten;
using Marten.Services;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Marten's log, quieter than its default in two places: schema changes (hundreds of lines of DDL on a first start)
/// at Debug, and a failed command because the database cannot be reached at Debug too, because that is logged once
/// per outage as a warning (<see cref="DatabaseStoring"/>), not once per request. Other failures stay errors.
/// </summary>
public sealed class MartenLogboek(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogDebug("Schema change:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) => logger.LogTrace("{Sql}", command.CommandText);

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (!logger.IsEnabled(LogLevel.Trace)) return;
        foreach (NpgsqlBatchCommand command in batch.BatchCommands) logger.LogTrace("{Sql}", command.CommandText);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Mislukt(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Mislukt(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(command => command.CommandText)));

    public void LogFailure(Exception ex, string message) => Mislukt(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Mislukt(Exception ex, string sql)
    {
        if (DatabaseOnbereikbaar.Is(ex)) logger.LogDebug(ex, "Database unreachable while executing {Sql}", sql);
        else logger.LogError(ex, "Marten failed executing {Sql}", sql);
    }
}
