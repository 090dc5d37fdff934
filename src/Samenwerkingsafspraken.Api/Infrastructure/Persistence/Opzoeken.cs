using Marten;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Read-only sessions for the lookups that many clients ask at once (an agreement by its id), on connections of their
/// own that Npgsql multiplexes: the statements of concurrent requests go to PostgreSQL together over a few
/// connections and their answers come back together, and no connection is reset between requests, where the node's
/// pool gives each request a connection of its own and resets it (seven statements) when it is taken again. Measured on
/// a lab store, 32 clients reading agreements by id: 4,300–6,300 against 2,250–3,300 per second, the service's CPU per
/// lookup 0.21–0.31 against 0.38–0.57 ms and PostgreSQL's 0.04 against 0.17–0.21 ms (docs/operations.md, Capacity).
/// <para>
/// Only for reads outside a transaction: a multiplexed connection belongs to no one between statements, so nothing
/// that holds a session's state (an advisory lock, a temporary table, a transaction across statements) may run here;
/// commands, Wolverine and Marten's agents keep the node's pool. A connection string that turns pooling off gets
/// sessions on the node's pool (multiplexing needs a pool).
/// </para>
/// </summary>
public sealed class Opzoeken
{
    /// <summary>At most this many connections per node for the multiplexed lookups, beside the node's pool (two carried as many as four).</summary>
    public const int MaxVerbindingen = 2;

    private readonly IDocumentStore _store;
    private readonly string? _verbinding;

    public Opzoeken(IDocumentStore store, DatabaseConnection verbinding, IConfiguration configuratie)
    {
        _store = store;
        var instellingen = new NpgsqlConnectionStringBuilder(DatabaseInstellingen.MetPool(verbinding.ConnectionString, configuratie));
        if (!instellingen.Pooling) return;
        instellingen.Multiplexing = true;
        instellingen.MaxPoolSize = Math.Min(instellingen.MaxPoolSize, MaxVerbindingen);
        instellingen.MinPoolSize = Math.Min(instellingen.MinPoolSize, instellingen.MaxPoolSize);
        instellingen.ApplicationName ??= "samenwerkingsafspraken-opzoeken";
        // Marten opens a session's connection from this string; Npgsql keeps one multiplexing pool per string.
        _verbinding = Verbindingsinstellingen.MetVoorbereiding(instellingen.ConnectionString);
    }

    /// <summary>Whether the lookups are multiplexed (not when the connection string turns pooling off).</summary>
    public bool Gemultiplext => _verbinding is not null;

    /// <summary>A read-only session; dispose it when the lookup is done.</summary>
    public IQuerySession Sessie() =>
        _verbinding is null ? _store.QuerySession() : _store.QuerySession(Marten.Services.SessionOptions.ForConnectionString(_verbinding));
}
