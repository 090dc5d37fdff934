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
    /// <param name="documentenInGeheugen">How many documents the rebuild holds in memory at most (see <see cref="Herspeler"/>).</param>
    Task Herspeel(IDocumentStore store, string? voortgangsnaam, long? grens, Action<long> verwerkt, int documentenInGeheugen,
        CancellationToken cancellation);
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

    Task IHerspeelbaar.Herspeel(IDocumentStore store, string? voortgangsnaam, long? grens, Action<long> verwerkt, int documentenInGeheugen,
        CancellationToken cancellation) =>
        Herspeler.Herspeel(this, store, voortgangsnaam, grens, verwerkt, documentenInGeheugen, cancellation);
}

/// <summary>
/// The direct rebuild. Marten's daemon rebuild writes every document of an aggregation with its own upsert statement
/// (Marten 9.58's rebuild flush has no COPY path for aggregations; its <c>RebuildWithBulkCopy</c> takes inserts only),
/// which at a few thousand documents costs more than reading and applying all events. Here the events are read in
/// pages (see Venster), the projection's own Evolve applies them in memory, and Marten's bulk loader (binary COPY) writes the
/// documents. The swap is one transaction: the table is locked against writers (readers keep seeing the old
/// documents), the events that arrived meanwhile are applied too, the new documents are copied into a temporary table
/// of the document table's shape and merged into the table (only the rows that differ are written, see VoegSamen), and
/// for an asynchronous projection its progression is set to the last event applied.
/// <para>
/// Memory stays bounded however large the store: at most <c>documentenInGeheugen</c> documents are held. When there
/// are more, the half that an event touched least recently is copied into that temporary table early, on the rebuild's
/// own connection, and read back (a page's worth in one query) when a later event changes one of them. That copy runs
/// while the next pages are applied.
/// </para>
/// </summary>
public static class Herspeler
{
    private sealed class Stand<TDoc>(TDoc? document, long revisie, long aangeraakt)
    {
        public TDoc? Document = document;
        public long Revisie = revisie;
        public long Aangeraakt = aangeraakt;
    }

    public static async Task Herspeel<TDoc>(IHerspeelbaar<TDoc> projectie, IDocumentStore store, string? voortgangsnaam, long? grens,
        Action<long> verwerkt, int documentenInGeheugen, CancellationToken cancellation) where TDoc : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documentenInGeheugen, 2);
        var opties = ((DocumentStore)store).Options;
        var serializer = opties.Serializer();
        var opslag = (MartenDocumentProvider<TDoc>)store.Storage.Database.Providers.StorageFor<TDoc>();
        var laadder = opslag.BulkLoader;
        var tabel = opslag.Lightweight.TableName.QualifiedName;
        var tijdelijk = $"pg_temp.{opslag.Lightweight.TableName.Name}_temp";
        var gebeurtenisgraaf = (EventGraph)opties.Events;
        var typenPerNaam = projectie.Herspeeltypen.ToDictionary(t => gebeurtenisgraaf.EventMappingFor(t).EventTypeName);
        var documenten = new Dictionary<Guid, Stand<TDoc>>();
        // The documents copied out of memory into the temporary table, with their versions.
        var uitbesteed = new Dictionary<Guid, long>();
        var tijdelijkeTabel = false;
        long gelezen = 0, aantal = 0;
        // The copy of documents into the temporary table runs while the next pages are applied; the rebuild's connection
        // takes one command at a time, so everything else that uses it waits for the copy first.
        Task uitbesteding = Task.CompletedTask;

        await using var verbinding = store.Storage.Database.CreateConnection();
        await verbinding.OpenAsync(cancellation);

        // The events in windows of sequence numbers (at most a page each, and no wider than the documents memory holds,
        // so that a window adds at most that many), two read at a time: deserialising them is most of the service's
        // work, and applying them, in order, is cheap.
        async Task Lees()
        {
            await uitbesteding;
            var tot = Math.Min(await Hoogste(verbinding, cancellation), grens ?? long.MaxValue);
            var breedte = Math.Clamp((tot - gelezen + Herbouwinstellingen.GelijktijdigeLezers - 1) / Herbouwinstellingen.GelijktijdigeLezers,
                1, Math.Min(Herbouwinstellingen.Paginagrootte, documentenInGeheugen));
            var onderweg = new Queue<Task<IReadOnlyList<IEvent>>>();
            for (var van = gelezen; van < tot; van += breedte)
            {
                if (onderweg.Count == Herbouwinstellingen.GelijktijdigeLezers) await Pas(await onderweg.Dequeue());
                onderweg.Enqueue(Venster(van, Math.Min(van + breedte, tot)));
            }

            while (onderweg.Count > 0) await Pas(await onderweg.Dequeue());
            gelezen = Math.Max(gelezen, tot);
        }

        // A window's rows arrive whole (not streamed per column), so each event's JSON is deserialised in one call from
        // its bytes; Marten's own query deserialises every event asynchronously from a stream, a third of a rebuild's
        // CPU. The event is built by Marten's event graph, with the columns a projection reads.
        async Task<IReadOnlyList<IEvent>> Venster(long van, long tot)
        {
            await using var lezerverbinding = store.Storage.Database.CreateConnection();
            await lezerverbinding.OpenAsync(cancellation);
            await using var opdracht = new NpgsqlCommand(
                $"select seq_id, id, stream_id, version, timestamp, type, data from {MartenConfiguratie.Schema}.mt_events " +
                "where seq_id > $1 and seq_id <= $2 and type = any($3) and is_archived = false order by seq_id", lezerverbinding);
            opdracht.Parameters.AddWithValue(van);
            opdracht.Parameters.AddWithValue(tot);
            opdracht.Parameters.AddWithValue(typenPerNaam.Keys.ToArray());
            await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
            var gebeurtenissen = new List<IEvent>();
            while (await lezer.ReadAsync(cancellation))
            {
                var e = gebeurtenisgraaf.BuildEvent(serializer.FromJson(typenPerNaam[lezer.GetString(5)], lezer, 6));
                e.Sequence = lezer.GetInt64(0);
                e.Id = lezer.GetGuid(1);
                e.StreamId = lezer.GetGuid(2);
                e.Version = lezer.GetInt64(3);
                e.Timestamp = lezer.GetFieldValue<DateTimeOffset>(4);
                gebeurtenissen.Add(e);
            }

            return gebeurtenissen;
        }

        async Task Pas(IReadOnlyList<IEvent> pagina)
        {
            if (uitbesteed.Count > 0) await HaalTerug(pagina.SelectMany(projectie.Doelen).Where(id => !documenten.ContainsKey(id) && uitbesteed.ContainsKey(id)));
            foreach (var e in pagina)
            {
                foreach (var id in projectie.Doelen(e))
                {
                    if (documenten.TryGetValue(id, out var stand))
                    {
                        stand.Document = projectie.Evolve(stand.Document, id, e);
                        stand.Revisie = projectie.Revisie(id, e, stand.Revisie);
                        stand.Aangeraakt = e.Sequence;
                    }
                    else
                    {
                        documenten[id] = new Stand<TDoc>(projectie.Evolve(null, id, e), projectie.Revisie(id, e, 0), e.Sequence);
                    }
                }
            }

            aantal += pagina.Count;
            verwerkt(aantal);
            if (documenten.Count > documentenInGeheugen)
            {
                await uitbesteding;
                uitbesteding = BesteedUit(documenten.OrderBy(d => d.Value.Aangeraakt).Take(documenten.Count / 2).ToList());
            }
        }

        async Task HaalTerug(IEnumerable<Guid> nodig)
        {
            var ids = nodig.Distinct().ToArray();
            if (ids.Length == 0) return;
            await uitbesteding;
            await using var opdracht = new NpgsqlCommand($"select id, data from {tijdelijk} where id = any($1)", verbinding);
            opdracht.Parameters.AddWithValue(ids);
            await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
            while (await lezer.ReadAsync(cancellation))
            {
                var id = lezer.GetGuid(0);
                documenten[id] = new Stand<TDoc>(serializer.FromJson<TDoc>(lezer, 1), uitbesteed[id], 0);
            }
        }

        // The bookkeeping now, before the next page is applied; the copy itself (started by the caller) runs meanwhile.
        Task BesteedUit(IReadOnlyList<KeyValuePair<Guid, Stand<TDoc>>> weg)
        {
            var vervangen = weg.Where(d => uitbesteed.ContainsKey(d.Key)).Select(d => d.Key).ToArray();
            foreach (var (id, _) in weg) uitbesteed.Remove(id);
            var bestaand = weg.Where(d => d.Value.Document is not null).Select(d => d.Value.Document!).ToList();
            foreach (var (id, stand) in weg.Where(d => d.Value.Document is not null)) uitbesteed[id] = stand.Revisie;
            foreach (var (id, _) in weg) documenten.Remove(id);
            var maakTabel = !tijdelijkeTabel;
            tijdelijkeTabel = true;
            return Kopieer(maakTabel, vervangen, bestaand);
        }

        async Task Kopieer(bool maakTabel, Guid[] vervangen, List<TDoc> bestaand)
        {
            if (maakTabel) await MaakTijdelijkeTabel();
            if (vervangen.Length > 0)
            {
                await using var opdracht = new NpgsqlCommand($"delete from {tijdelijk} where id = any($1)", verbinding);
                opdracht.Parameters.AddWithValue(vervangen);
                await opdracht.ExecuteNonQueryAsync(cancellation);
            }

            await laadder.LoadIntoTempTableAsync(opties.Tenancy.Default, serializer, verbinding, bestaand, cancellation);
        }

        // The temporary table of the document table's shape, with an index on the id (see VoegSamen). Its documents are
        // compressed with lz4 where the server has it: PostgreSQL compresses a document above 2 KB (a reference is about
        // 2.6 KB as text) with pglz by default, which took as long as parsing its JSON; lz4 is about as compact. A
        // document merged into the table keeps its compression, which PostgreSQL reads either way.
        async Task MaakTijdelijkeTabel()
        {
            await using var lz4 = new NpgsqlCommand(
                "select coalesce(bool_or('lz4' = any(enumvals)), false) from pg_settings where name = 'default_toast_compression'", verbinding);
            var compressie = (bool)(await lz4.ExecuteScalarAsync(cancellation))! ? $"; alter table {tijdelijk} alter column data set compression lz4" : "";
            await Voer(verbinding, $"drop table if exists {tijdelijk}; {laadder.CreateTempTableForCopying()}{compressie}; create index on {tijdelijk} (id)", cancellation);
        }

        // Most events outside the transaction, so that commands wait only for the swap and the few events since.
        await Lees();
        await uitbesteding;

        await using var transactie = await verbinding.BeginTransactionAsync(cancellation);
        // The statements below join the temporary table with the table or with the versions by id: both have an index on
        // it, and a merge join walks them, where a hash join of a hundred thousand documents spills to disk at the
        // default working memory and took twice as long (see VoegSamen).
        await Voer(verbinding, $"lock table {tabel} in exclusive mode; set local enable_hashjoin = off", cancellation);
        await Lees();
        await uitbesteding;
        // A document read back from the temporary table is in memory now: its copy there is out of date.
        var teruggehaald = documenten.Keys.Where(uitbesteed.ContainsKey).ToArray();
        if (teruggehaald.Length > 0)
        {
            await using var opdracht = new NpgsqlCommand($"delete from {tijdelijk} where id = any($1)", verbinding);
            opdracht.Parameters.AddWithValue(teruggehaald);
            await opdracht.ExecuteNonQueryAsync(cancellation);
            foreach (var id in teruggehaald) uitbesteed.Remove(id);
        }

        // Every new document is now in the temporary table (Marten's bulk loader, binary COPY), given its version there
        // (the loader knows only the document), and merged into the table.
        if (!tijdelijkeTabel) await MaakTijdelijkeTabel();
        var nieuw = documenten.Where(d => d.Value.Document is not null).Select(d => (Id: d.Key, d.Value.Document, d.Value.Revisie)).ToList();
        await laadder.LoadIntoTempTableAsync(opties.Tenancy.Default, serializer, verbinding, nieuw.Select(d => d.Document!), cancellation);
        // Most documents are at version 1 (an agreement with one event): the table says so for all, and the others are
        // corrected by id.
        var versies = nieuw.Select(d => (d.Id, d.Revisie)).Concat(uitbesteed.Select(d => (Id: d.Key, Revisie: d.Value)))
            .Where(d => d.Revisie != 1).ToList();
        await Voer(verbinding, $"update {tijdelijk} set mt_version = 1 where mt_version is distinct from 1", cancellation);
        await using (var opdracht = new NpgsqlCommand(
                         $"update {tijdelijk} t set mt_version = v.versie from unnest($1::uuid[], $2::bigint[]) as v(id, versie) " +
                         "where t.id = v.id", verbinding))
        {
            opdracht.Parameters.AddWithValue(versies.Select(d => d.Id).ToArray());
            opdracht.Parameters.AddWithValue(versies.Select(d => d.Revisie).ToArray());
            await opdracht.ExecuteNonQueryAsync(cancellation);
        }

        await VoegSamen(verbinding, tabel, tijdelijk, cancellation);

        if (voortgangsnaam is not null)
        {
            await using var stand = new NpgsqlCommand(
                $"insert into {MartenConfiguratie.Schema}.mt_event_progression (name, last_seq_id, last_updated) values ($1, $2, transaction_timestamp()) " +
                "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated", verbinding);
            stand.Parameters.AddWithValue(voortgangsnaam);
            stand.Parameters.AddWithValue(gelezen);
            await stand.ExecuteNonQueryAsync(cancellation);
        }

        await transactie.CommitAsync(cancellation);
    }

    /// <summary>
    /// Makes the table equal to the temporary table with the fewest writes: the rows the rebuild did not produce are
    /// deleted, the rows that differ in anything but their modification time are overwritten, and the new ones inserted.
    /// A rebuild that confirms most documents (the usual case) so leaves them, their index entries and the table's
    /// size alone, where deleting every row and inserting it again cost seconds at a hundred thousand documents.
    /// </summary>
    private static async Task VoegSamen(NpgsqlConnection verbinding, string tabel, string tijdelijk, CancellationToken cancellation)
    {
        var kolommen = new List<string>();
        await using (var opdracht = new NpgsqlCommand(
                         "select quote_ident(attname) from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped " +
                         "and attgenerated = '' order by attnum", verbinding))
        {
            opdracht.Parameters.AddWithValue(tabel);
            await using var lezer = await opdracht.ExecuteReaderAsync(cancellation);
            while (await lezer.ReadAsync(cancellation)) kolommen.Add(lezer.GetString(0));
        }

        // Two rows are the same when their columns are the same bytes (record image equality, as a concurrent refresh of
        // a materialised view compares them): the same serializer wrote both. A difference the bytes show but the values
        // would not only costs a write. The rows are paired by walking both id indexes (a merge join): a hash of a
        // hundred thousand documents would spill to disk at the default working memory, and took twice as long (the
        // caller turned hash joins off for its transaction).
        var vergeleken = kolommen.Where(k => k != "mt_last_modified").ToList();
        string Lijst(IEnumerable<string> namen, string alias) => string.Join(", ", namen.Select(k => $"{alias}.{k}"));
        await Voer(verbinding,
            $"delete from {tabel} m where not exists (select from {tijdelijk} t where t.id = m.id); " +
            $"update {tabel} m set ({string.Join(", ", kolommen)}) = ({Lijst(kolommen, "t")}) from {tijdelijk} t " +
            $"where t.id = m.id and (select r from (select {Lijst(vergeleken, "m")}) r) *<> (select r from (select {Lijst(vergeleken, "t")}) r); " +
            $"insert into {tabel} ({string.Join(", ", kolommen)}) select {Lijst(kolommen, "t")} from {tijdelijk} t " +
            $"where not exists (select from {tabel} m where m.id = t.id); " +
            $"drop table {tijdelijk}", cancellation);
    }

    private static async Task<long> Hoogste(NpgsqlConnection verbinding, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {MartenConfiguratie.Schema}.mt_events", verbinding);
        return (long)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task Voer(NpgsqlConnection verbinding, string sql, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        await opdracht.ExecuteNonQueryAsync(cancellation);
    }
}
