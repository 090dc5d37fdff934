using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Internal.Storage;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// A projection that a rebuild replays directly: the same Evolve as the projection itself, applied to the events in
/// their order, and the documents written with binary COPY. The projection says which events it follows and which
/// documents an event changes (its own stream's for a single-stream projection).
/// </summary>
public interface IHerspeelbaar
{
    string Name { get; }

    /// <summary>Replays every event into fresh documents and swaps them in, in one transaction (see <see cref="Herspeler"/>).</summary>
    /// <param name="grens">For an asynchronous projection the daemon's high-water mark (no gaps below it): its agent takes the rest.</param>
    Task Herspeel(IDocumentStore store, string? voortgangsnaam, long? grens, Action<long> verwerkt, CancellationToken cancellation);
}

/// <inheritdoc />
public interface IHerspeelbaar<TDoc> : IHerspeelbaar where TDoc : class
{
    IReadOnlyList<Type> Herspeeltypen { get; }

    IEnumerable<Guid> Doelen(IEvent e);

    TDoc? Evolve(TDoc? document, Guid id, IEvent e);

    /// <summary>
    /// The document's version after this event, as the projection writes it when it runs: the version of the document's
    /// own stream (for a document that also follows other streams, an event of another stream leaves it as it was).
    /// </summary>
    long Revisie(Guid id, IEvent e, long vorige);

    Task IHerspeelbaar.Herspeel(IDocumentStore store, string? voortgangsnaam, long? grens, Action<long> verwerkt, CancellationToken cancellation) =>
        Herspeler.Herspeel(this, store, voortgangsnaam, grens, verwerkt, cancellation);
}

/// <summary>
/// The direct rebuild. Marten's daemon rebuild writes every document of an aggregation with its own upsert statement
/// (Marten 9.58's rebuild flush has no COPY path for aggregations; its <c>RebuildWithBulkCopy</c> takes inserts only),
/// which at a few thousand documents costs more than reading and applying all events. Here Marten reads the events in
/// pages, the projection's own Evolve applies them in memory, and Marten's bulk loader (binary COPY) writes the
/// documents. The swap is one transaction: the table is locked against writers (readers keep seeing the old
/// documents), the events that arrived meanwhile are applied too, the old documents are deleted, the new ones copied
/// in, and for an asynchronous projection its progression is set to the last event applied.
/// </summary>
public static class Herspeler
{
    public static async Task Herspeel<TDoc>(IHerspeelbaar<TDoc> projectie, IDocumentStore store, string? voortgangsnaam, long? grens,
        Action<long> verwerkt, CancellationToken cancellation) where TDoc : class
    {
        var opties = ((DocumentStore)store).Options;
        var opslag = (MartenDocumentProvider<TDoc>)store.Storage.Database.Providers.StorageFor<TDoc>();
        var tabel = opslag.Lightweight.TableName.QualifiedName;
        var typen = projectie.Herspeeltypen.ToArray();
        var documenten = new Dictionary<Guid, (TDoc? Document, long Revisie)>();
        long gelezen = 0, aantal = 0;

        // The events in windows of sequence numbers (at most a page each), two read at a time: deserialising them is
        // most of the service's work, and applying them, in order, is cheap.
        async Task Lees(NpgsqlConnection verbinding, NpgsqlTransaction? transactie)
        {
            var tot = Math.Min(await Hoogste(verbinding, transactie, cancellation), grens ?? long.MaxValue);
            var breedte = Math.Clamp((tot - gelezen + Herbouwinstellingen.GelijktijdigeLezers - 1) / Herbouwinstellingen.GelijktijdigeLezers,
                1, Herbouwinstellingen.Paginagrootte);
            var onderweg = new Queue<Task<IReadOnlyList<IEvent>>>();
            for (var van = gelezen; van < tot; van += breedte)
            {
                if (onderweg.Count == Herbouwinstellingen.GelijktijdigeLezers) Pas(await onderweg.Dequeue());
                onderweg.Enqueue(Venster(van, Math.Min(van + breedte, tot)));
            }

            while (onderweg.Count > 0) Pas(await onderweg.Dequeue());
            gelezen = Math.Max(gelezen, tot);
        }

        async Task<IReadOnlyList<IEvent>> Venster(long van, long tot)
        {
            await using var sessie = store.QuerySession();
            return await sessie.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > van && e.Sequence <= tot && e.EventTypesAre(typen))
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellation);
        }

        void Pas(IReadOnlyList<IEvent> pagina)
        {
            foreach (var e in pagina)
            {
                foreach (var id in projectie.Doelen(e))
                {
                    var (document, revisie) = documenten.GetValueOrDefault(id);
                    documenten[id] = (projectie.Evolve(document, id, e), projectie.Revisie(id, e, revisie));
                }
            }

            aantal += pagina.Count;
            verwerkt(aantal);
        }

        await using var verbinding = store.Storage.Database.CreateConnection();
        await verbinding.OpenAsync(cancellation);

        // Most events outside the transaction, so that commands wait only for the swap and the few events since.
        await Lees(verbinding, null);

        await using var transactie = await verbinding.BeginTransactionAsync(cancellation);
        await Voer(verbinding, transactie, $"lock table {tabel} in exclusive mode", cancellation);
        await Lees(verbinding, transactie);
        await Voer(verbinding, transactie, $"delete from {tabel}", cancellation);

        // Marten's bulk loader (binary COPY) knows only the document, not its version. When most documents are at version
        // 1 (agreements with one event), they are copied straight into the table and the few others corrected; otherwise
        // they are copied into a temporary table of the same shape, given their versions there, and moved in with one
        // statement.
        var laadder = opslag.BulkLoader;
        var nieuw = documenten.Where(d => d.Value.Document is not null).ToList();
        var rechtstreeks = nieuw.Count(d => d.Value.Revisie == 1) * 4 >= nieuw.Count * 3;
        var doel = rechtstreeks ? tabel : $"pg_temp.{opslag.Lightweight.TableName.Name}_temp";
        if (rechtstreeks)
        {
            await laadder.LoadAsync(opties.Tenancy.Default, opties.Serializer(), verbinding, nieuw.Select(d => d.Value.Document!), cancellation);
        }
        else
        {
            await Voer(verbinding, transactie, $"drop table if exists {doel}; {laadder.CreateTempTableForCopying()}", cancellation);
            await laadder.LoadIntoTempTableAsync(opties.Tenancy.Default, opties.Serializer(), verbinding, nieuw.Select(d => d.Value.Document!), cancellation);
        }

        await using (var versies = new NpgsqlCommand(
                         $"update {doel} t set mt_version = v.versie from unnest($1::uuid[], $2::bigint[]) as v(id, versie) " +
                         "where t.id = v.id and t.mt_version is distinct from v.versie", verbinding, transactie))
        {
            versies.Parameters.AddWithValue(nieuw.Select(d => d.Key).ToArray());
            versies.Parameters.AddWithValue(nieuw.Select(d => d.Value.Revisie).ToArray());
            await versies.ExecuteNonQueryAsync(cancellation);
        }

        if (!rechtstreeks) await Voer(verbinding, transactie, $"{laadder.CopyNewDocumentsFromTempTable()}; drop table {doel}", cancellation);

        if (voortgangsnaam is not null)
        {
            await using var stand = new NpgsqlCommand(
                $"insert into {MartenConfiguratie.Schema}.mt_event_progression (name, last_seq_id, last_updated) values ($1, $2, transaction_timestamp()) " +
                "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated", verbinding, transactie);
            stand.Parameters.AddWithValue(voortgangsnaam);
            stand.Parameters.AddWithValue(gelezen);
            await stand.ExecuteNonQueryAsync(cancellation);
        }

        await transactie.CommitAsync(cancellation);
    }

    private static async Task<long> Hoogste(NpgsqlConnection verbinding, NpgsqlTransaction? transactie, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {MartenConfiguratie.Schema}.mt_events", verbinding, transactie);
        return (long)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task Voer(NpgsqlConnection verbinding, NpgsqlTransaction transactie, string sql, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand(sql, verbinding, transactie);
        await opdracht.ExecuteNonQueryAsync(cancellation);
    }
}
