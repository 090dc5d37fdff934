using Marten;
using Marten.Services;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Marten's log, quieter than its default where a failure is expected: schema changes (hundreds of lines of DDL on a
/// first start) at Debug; a failed command because the database cannot be reached at Debug too, because that is
/// logged once per outage as a warning (<see cref="DatabaseStoring"/>), not once per request; and a write that lost a
/// race (a concurrent append to the same stream version, MT003 from the quick append or a unique violation, a unique
/// index that an open request or a registration already holds), which the API answers with 409, at Information
/// without a stack trace. Everything else that fails is an error with its exception. Parameter values are never
/// logged: they hold the data of events.
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
        if (IsVerwachtConflict(ex))
        {
            logger.LogInformation("A concurrent write won; this one is answered with 409 ({SqlState}: {Constraint}).",
                (ex as PostgresException ?? ex.InnerException as PostgresException)?.SqlState, (ex as PostgresException ?? ex.InnerException as PostgresException)?.ConstraintName);
            return;
        }

        if (DatabaseOnbereikbaar.Is(ex)) logger.LogDebug(ex, "Database unreachable while executing {Sql}", sql);
        else logger.LogError(ex, "Marten failed executing {Sql}", sql);
    }

    /// <summary>What Marten's quick append raises when the stream's version is not the one the write expected.</summary>
    public const string StroomversieVerschilt = "MT003";

    public static bool IsVerwachtConflict(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or StroomversieVerschilt }) return true;
            if (ex is JasperFx.ConcurrencyException) return true;
        }

        return false;
    }
}
