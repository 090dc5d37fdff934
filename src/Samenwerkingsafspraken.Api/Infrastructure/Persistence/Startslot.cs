using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Serialises the start-up work of nodes that start together on one database (the schema in Development, the
/// reference data everywhere, the migration step): a PostgreSQL session advisory lock, taken on a connection of
/// its own outside the pool, so that the lock lives exactly as long as that work. A node that dies while holding
/// it loses its connection, and with it the lock. Plain <c>pg_advisory_lock</c> rather than Weasel's lock, which
/// cannot load its lock pool with this repository's restore shim (see .nuget/README.md).
/// </summary>
public sealed class Startslot(DatabaseConnection verbinding, ILogger<Startslot> logger)
{
    /// <summary>"SWSTART" in ASCII: fixed, and used for nothing else.</summary>
    public const long Sleutel = 0x0053_5753_5441_5254;

    public async Task<IAsyncDisposable> Neem(CancellationToken cancellation)
    {
        var builder = new NpgsqlConnectionStringBuilder(verbinding.ConnectionString)
        {
            Pooling = false,
            CommandTimeout = 0,
            ApplicationName = "samenwerkingsafspraken-start",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellation);
            if (!await Probeer(connection, cancellation))
            {
                logger.LogInformation("Another node is doing its start-up work on this database; waiting for it.");
                await using var wacht = new NpgsqlCommand($"select pg_advisory_lock({Sleutel})", connection);
                await wacht.ExecuteNonQueryAsync(cancellation);
            }

            return new Vrijgave(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> Probeer(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var probeer = new NpgsqlCommand($"select pg_try_advisory_lock({Sleutel})", connection);
        return (bool)(await probeer.ExecuteScalarAsync(cancellation))!;
    }

    private sealed class Vrijgave(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var vrij = new NpgsqlCommand($"select pg_advisory_unlock({Sleutel})", connection);
                await vrij.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }
}
