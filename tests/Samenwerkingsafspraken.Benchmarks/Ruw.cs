using Npgsql;
using NpgsqlTypes;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>
/// PostgreSQL without the service: plain Npgsql doing the same durable work on copies of the service's own tables
/// (schema 'ruw', created LIKE the service's, with its indexes and foreign key), with JSON taken from the service's own rows.
/// </summary>
public sealed class Ruw(NpgsqlDataSource bron)
{
    public const string Dienst = "samenwerkingsafspraken";

    private string _gebeurtenis = "{}", _wijziging = "{}", _document = "{}", _kopjes = "{}";

    public async Task Inrichten()
    {
        string[] tabellen = ["mt_streams", "mt_events", "mt_doc_samenwerkingsafspraak", "mt_doc_referentie", "mt_doc_werkgever", "mt_doc_arbeidsmarktregio"];
        // Its own sequence: numbers taken from the service's would leave gaps in the service's event sequence, which its
        // projection daemon waits out (seconds each) before it goes on.
        await Voer("drop schema if exists ruw cascade; create schema ruw; create sequence ruw.mt_events_sequence; " +
                   string.Join(" ", tabellen.Select(t => $"create table ruw.{t} (like {Dienst}.{t} including all);")));
        // LIKE copies no foreign keys: the event table's key to its stream is checked (and the stream row share-locked)
        // on every insert of an event, in the service as in raw.
        var sleutels = await Scalar(
            "select coalesce(string_agg(format('alter table ruw.%I add constraint %I %s;', t.relname, c.conname, " +
            $"replace(pg_get_constraintdef(c.oid), '{Dienst}.', 'ruw.')), ' '), '') " +
            "from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid " +
            $"where c.contype = 'f' and c.connamespace = '{Dienst}'::regnamespace " +
            $"and t.relname = any(array['{string.Join("','", tabellen)}']) and r.relname = any(array['{string.Join("','", tabellen)}'])");
        if (sleutels.Length == 0) throw new InvalidOperationException("The service's event table has no foreign key to its streams: raw would do less than the service.");
        await Voer(sleutels);
        // The service's hash chain (a trigger on its event table, docs/integriteit.md), copied to write into a table of
        // the raw schema: the goals compare drawing up and amending with raw writes that pay for it too. Off unless
        // MetHashketen asks for it.
        const string keten = Samenwerkingsafspraken.Integriteit.Hashketen.Schema;
        await Voer($"create table ruw.gebeurtenis_hashes (like {keten}.gebeurtenis_hashes including all);");
        foreach (var functie in new[] { "gegevens_hash", "inhoud_hash", "schakel_hash", "vastleggen", "gebeurtenis_vastgelegd" })
        {
            var definitie = await Scalar($"select pg_get_functiondef('{keten}.{functie}'::regproc)");
            await Voer(definitie.Replace($"{keten}.", "ruw.", StringComparison.Ordinal));
        }

        await Voer("create trigger integriteit_vastleggen after insert on ruw.mt_events for each row execute function ruw.gebeurtenis_vastgelegd(); " +
                   "alter table ruw.mt_events disable trigger integriteit_vastleggen;");
        _gebeurtenis = await Scalar($"select data::text from {Dienst}.mt_events where type = 'afspraak_opgesteld' order by seq_id desc limit 1");
        _wijziging = await Scalar($"select data::text from {Dienst}.mt_events where type = 'afspraak_gewijzigd' order by seq_id desc limit 1");
        _kopjes = await Scalar($"select headers::text from {Dienst}.mt_events where type = 'afspraak_opgesteld' order by seq_id desc limit 1");
        _document = await Scalar($"select data::text from {Dienst}.mt_doc_samenwerkingsafspraak order by mt_last_modified desc limit 1");
    }

    /// <summary>Turns the copy of the service's hash-chain trigger on the raw event table on or off.</summary>
    public Task MetHashketen(bool aan) => Voer($"alter table ruw.mt_events {(aan ? "enable" : "disable")} trigger integriteit_vastleggen;");

    /// <summary>
    /// Waits until the service's asynchronous projection has applied every event (at most a minute), so that a measured
    /// run does not share the cores with the catching up of the one before.
    /// </summary>
    public async Task WachtOpProjecties()
    {
        var klok = System.Diagnostics.Stopwatch.StartNew();
        while (klok.Elapsed < TimeSpan.FromMinutes(1))
        {
            var achter = await Scalar($"select (select coalesce(max(seq_id), 0) from {Dienst}.mt_events) - " +
                                      $"coalesce((select max(last_seq_id) from {Dienst}.mt_event_progression where name like 'Variantgebruik:%'), 0)");
            if (long.Parse(achter, System.Globalization.CultureInfo.InvariantCulture) <= 0) return;
            await Task.Delay(100);
        }
    }

    /// <summary>A copy of the service's rows for the lookups, analysed like the service's.</summary>
    public async Task KopieerDocumenten()
    {
        foreach (var t in new[] { "mt_doc_samenwerkingsafspraak", "mt_doc_referentie", "mt_doc_werkgever", "mt_doc_arbeidsmarktregio" })
        {
            await Voer($"truncate ruw.{t}; insert into ruw.{t} select * from {Dienst}.{t}; analyze ruw.{t};");
        }
    }

    /// <summary>A new stream: the stream row, its first event and its document, in one transaction (begin + batch, commit).</summary>
    public async Task<bool> Opstellen(Guid id)
    {
        await using var verbinding = await bron.OpenConnectionAsync();
        await using var transactie = await verbinding.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(verbinding, transactie)
        {
            BatchCommands =
            {
                Opdracht("insert into ruw.mt_streams (id, type, version, tenant_id) values ($1, 'samenwerkingsafspraak', 1, '*DEFAULT*')", id),
                Opdracht("insert into ruw.mt_events (seq_id, id, stream_id, version, data, type, mt_dotnet_type, \"timestamp\", tenant_id, correlation_id, headers, user_name) " +
                         "values (nextval('ruw.mt_events_sequence'), $1, $2, 1, $3, 'afspraak_opgesteld', 'AfspraakOpgesteld', now(), '*DEFAULT*', $4, $5, 'ruw')",
                    Guid.CreateVersion7(), id, Json(_gebeurtenis), Guid.NewGuid().ToString("N"), Json(_kopjes)),
                Opdracht("insert into ruw.mt_doc_samenwerkingsafspraak (id, data, mt_version, mt_dotnet_type, mt_last_modified) values ($1, $2, 1, 'Afspraak', now()) " +
                         "on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified", id, Json(_document)),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transactie.CommitAsync();
        return true;
    }

    /// <summary>A command on a stream: lock and read it, then bump its version, append the event, replace the document; commit.</summary>
    public async Task<bool> Wijzig(Guid id)
    {
        await using var verbinding = await bron.OpenConnectionAsync();
        await using var transactie = await verbinding.BeginTransactionAsync();
        long versie;
        await using (var lees = new NpgsqlCommand("select s.version, d.data from ruw.mt_streams s join ruw.mt_doc_samenwerkingsafspraak d on d.id = s.id " +
                                                  "where s.id = $1 for update of s", verbinding, transactie) { Parameters = { new() { Value = id } } })
        await using (var lezer = await lees.ExecuteReaderAsync())
        {
            if (!await lezer.ReadAsync()) return false;
            versie = lezer.GetInt64(0) + 1;
            _ = lezer.GetString(1);
        }

        await using var batch = new NpgsqlBatch(verbinding, transactie)
        {
            BatchCommands =
            {
                Opdracht("update ruw.mt_streams set version = $2, \"timestamp\" = now() where id = $1", id, versie),
                Opdracht("insert into ruw.mt_events (seq_id, id, stream_id, version, data, type, mt_dotnet_type, \"timestamp\", tenant_id, correlation_id, headers, user_name) " +
                         "values (nextval('ruw.mt_events_sequence'), $1, $2, $3, $4, 'afspraak_gewijzigd', 'AfspraakGewijzigd', now(), '*DEFAULT*', $5, $6, 'ruw')",
                    Guid.CreateVersion7(), id, versie, Json(_wijziging), Guid.NewGuid().ToString("N"), Json(_kopjes)),
                Opdracht("update ruw.mt_doc_samenwerkingsafspraak set data = $2, mt_version = $3, mt_last_modified = now() where id = $1", id, Json(_document), versie),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transactie.CommitAsync();
        return true;
    }

    public Task<bool> Afspraak(Guid id) => Lees(Opdracht("select d.id, d.data, d.mt_version from ruw.mt_doc_samenwerkingsafspraak as d where id = $1", id));

    /// <summary>The service's own statements of the reference history: the employer, and its references by the duplicated column.</summary>
    public Task<bool> Referenties(Guid werkgever, string kvk) => Lees(
        Opdracht("select d.id, d.data, d.mt_version from ruw.mt_doc_werkgever as d where id = $1", werkgever),
        Opdracht("select d.id, d.data, d.mt_version from ruw.mt_doc_referentie as d where d.kvk_nummer = $1", kvk));

    /// <summary>The service's own statements of a register's first page: the region, and a page along the composite index.</summary>
    public Task<bool> Register(Guid regio, string code) => Lees(
        Opdracht("select d.id, d.data, d.mt_version from ruw.mt_doc_arbeidsmarktregio as d where id = $1", regio),
        Opdracht("select d.id, d.data, d.mt_version from ruw.mt_doc_samenwerkingsafspraak as d where d.arbeidsmarktregio = $1 " +
                 "order by d.laatst_gewijzigd_op desc, d.id desc limit 51", code));

    /// <summary>A rebuild in SQL alone: the last state of every agreement stream written in one statement.</summary>
    public async Task<double> Herbouw()
    {
        await Voer("drop table if exists ruw.herbouw; create table ruw.herbouw (like ruw.mt_doc_samenwerkingsafspraak including all);");
        var klok = System.Diagnostics.Stopwatch.StartNew();
        await Voer("insert into ruw.herbouw (id, data, mt_version, mt_dotnet_type, mt_last_modified) " +
                   $"select distinct on (e.stream_id) e.stream_id, e.data, e.version, 'Afspraak', now() from {Dienst}.mt_events e " +
                   $"join {Dienst}.mt_streams s on s.id = e.stream_id where s.type = 'samenwerkingsafspraak' order by e.stream_id, e.version desc");
        return klok.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A rebuild in a client: every agreement event read in order, the last state of each stream kept in memory, and one
    /// document per stream written back with binary COPY (the floor for a replay in an application).
    /// </summary>
    public async Task<double> HerbouwDoorKlant()
    {
        await Voer("drop table if exists ruw.herbouw; create table ruw.herbouw (like ruw.mt_doc_samenwerkingsafspraak including all);");
        var klok = System.Diagnostics.Stopwatch.StartNew();
        var stand = new Dictionary<Guid, (string Data, long Versie)>();
        await using (var verbinding = await bron.OpenConnectionAsync())
        await using (var lees = new NpgsqlCommand($"select e.stream_id, e.data, e.version from {Dienst}.mt_events e join {Dienst}.mt_streams s on s.id = e.stream_id " +
                                                  "where s.type = 'samenwerkingsafspraak' order by e.seq_id", verbinding) { CommandTimeout = 0 })
        await using (var lezer = await lees.ExecuteReaderAsync())
        {
            while (await lezer.ReadAsync()) stand[lezer.GetGuid(0)] = (lezer.GetString(1), lezer.GetInt64(2));
        }

        await using (var verbinding = await bron.OpenConnectionAsync())
        await using (var schrijver = await verbinding.BeginBinaryImportAsync("copy ruw.herbouw (id, data, mt_version, mt_dotnet_type, mt_last_modified) from stdin (format binary)"))
        {
            var nu = DateTimeOffset.UtcNow;
            foreach (var (id, (data, versie)) in stand)
            {
                await schrijver.StartRowAsync();
                await schrijver.WriteAsync(id, NpgsqlDbType.Uuid);
                await schrijver.WriteAsync(data, NpgsqlDbType.Jsonb);
                await schrijver.WriteAsync(versie, NpgsqlDbType.Bigint);
                await schrijver.WriteAsync("Afspraak", NpgsqlDbType.Varchar);
                await schrijver.WriteAsync(nu, NpgsqlDbType.TimestampTz);
            }

            await schrijver.CompleteAsync();
        }

        return klok.Elapsed.TotalSeconds;
    }

    private async Task<bool> Lees(params NpgsqlBatchCommand[] opdrachten)
    {
        await using var verbinding = await bron.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(verbinding);
        foreach (var opdracht in opdrachten) batch.BatchCommands.Add(opdracht);
        await using var lezer = await batch.ExecuteReaderAsync();
        do
        {
            while (await lezer.ReadAsync()) _ = lezer.GetString(1);
        } while (await lezer.NextResultAsync());

        return true;
    }

    public async Task Voer(string sql)
    {
        await using var opdracht = bron.CreateCommand(sql);
        opdracht.CommandTimeout = 0;
        await opdracht.ExecuteNonQueryAsync();
    }

    public async Task<string> Scalar(string sql)
    {
        await using var opdracht = bron.CreateCommand(sql);
        opdracht.CommandTimeout = 0;
        return Convert.ToString(await opdracht.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static NpgsqlParameter Json(string waarde) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = waarde };

    private static NpgsqlBatchCommand Opdracht(string sql, params object[] waarden)
    {
        var opdracht = new NpgsqlBatchCommand(sql);
        foreach (var waarde in waarden) opdracht.Parameters.Add(waarde as NpgsqlParameter ?? new NpgsqlParameter { Value = waarde });
        return opdracht;
    }
}
