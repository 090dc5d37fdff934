using System.Data;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Integriteit;

/// <summary>
/// Checks the event store against its hash chain: PostgreSQL recomputes every hash with the same functions the
/// trigger used and sends back only the positions that disagree; <see cref="Bevindingen"/> names what happened there.
/// One read-only snapshot, so that counts, anchor and findings describe the same moment.
/// </summary>
public sealed class Integriteitscontrole(NpgsqlDataSource dataSource)
{
    private const string S = Hashketen.Schema;
    private const string Events = $"{MartenConfiguratie.Schema}.mt_events";
    private const string Streams = $"{MartenConfiguratie.Schema}.mt_streams";

    public async Task<Integriteitsrapport> ControleerAlles(CancellationToken cancellation) =>
        (await Controleer(null, cancellation))!;

    /// <summary>Null when the store knows nothing of the stream: no event, no hash row, no stream row.</summary>
    public Task<Integriteitsrapport?> ControleerStroom(Guid stroomId, CancellationToken cancellation) =>
        Controleer(stroomId, cancellation);

    public async Task<bool> IsGeinstalleerd(CancellationToken cancellation)
    {
        await using var opdracht = dataSource.CreateCommand($"select to_regclass('{S}.gebeurtenis_hashes') is not null");
        return (bool)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }

    private async Task<Integriteitsrapport?> Controleer(Guid? stroom, CancellationToken cancellation)
    {
        await using var verbinding = await dataSource.OpenConnectionAsync(cancellation);
        await using var transactie = await verbinding.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
        await using (var alleenLezen = new NpgsqlCommand("set transaction read only", verbinding, transactie))
        {
            await alleenLezen.ExecuteNonQueryAsync(cancellation);
        }

        long stromen, gebeurtenissen, tombstones;
        string anker;
        await using (var telling = Opdracht(Telling(stroom is not null), verbinding, transactie, stroom))
        await using (var lezer = await telling.ExecuteReaderAsync(cancellation))
        {
            await lezer.ReadAsync(cancellation);
            stromen = lezer.GetInt64(0);
            gebeurtenissen = lezer.GetInt64(1);
            anker = Convert.ToHexStringLower(lezer.GetFieldValue<byte[]>(2));
            tombstones = lezer.GetInt64(3);
        }

        if (stroom is not null && stromen == 0 && tombstones == 0) return null;

        var afwijkingen = new List<Afwijking>();
        await using (var controle = Opdracht(Afwijkingen(stroom is not null), verbinding, transactie, stroom))
        await using (var lezer = await controle.ExecuteReaderAsync(cancellation))
        {
            while (await lezer.ReadAsync(cancellation)) afwijkingen.Add(Lees(lezer));
        }

        await transactie.CommitAsync(cancellation);

        var bevindingen = Bevindingen.Classificeer(afwijkingen).ToList();
        return new Integriteitsrapport(bevindingen.Count == 0, stromen, gebeurtenissen, anker, bevindingen, tombstones);
    }

    private static NpgsqlCommand Opdracht(string sql, NpgsqlConnection verbinding, NpgsqlTransaction transactie, Guid? stroom)
    {
        // A whole store takes as long as it takes; the caller's cancellation is the limit.
        var opdracht = new NpgsqlCommand(sql, verbinding, transactie) { CommandTimeout = 0 };
        if (stroom is { } id) opdracht.Parameters.AddWithValue("stroom", id);
        return opdracht;
    }

    private static Afwijking Lees(NpgsqlDataReader r)
    {
        bool? JaNee(int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
        long? Getal(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        byte[]? Bytes(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<byte[]>(i);

        return new Afwijking(
            Stroom: r.IsDBNull(0) ? Guid.Empty : r.GetGuid(0),
            Versie: r.GetInt64(1),
            HeeftGebeurtenis: r.GetBoolean(2),
            HeeftHash: r.GetBoolean(3),
            IsTombstone: r.GetBoolean(4),
            Ongeketend: r.GetBoolean(5),
            GebeurtenisVolgnummer: Getal(6),
            HashVolgnummer: Getal(7),
            InhoudKlopt: JaNee(8) ?? false,
            GegevensKloppen: JaNee(9) ?? false,
            MetadataKlopt: JaNee(10) ?? false,
            SchakelKlopt: JaNee(11) ?? false,
            VerwijzingKlopt: JaNee(12),
            GebeurtenisPastInKeten: JaNee(13) ?? false,
            VolgendeVerwijstHiernaar: JaNee(14),
            BevestigdDoorKeten: JaNee(15) ?? false,
            OntbrekendDaarvoor: r.GetInt64(16),
            GebeurtenisInhoud: Bytes(17),
            GebeurtenisGegevens: Bytes(18),
            HashInhoud: Bytes(19),
            HashGegevens: Bytes(20));
    }

    private static string Filter(bool perStroom, string kolom = "stream_id") => perStroom ? $"where {kolom} = @stroom" : "";

    /// <summary>
    /// Streams and events in scope as the history shows them, and the anchor: sha256 over (stream id, version, hash) of
    /// every chain head in stream order, where a head is a hash row that no later row of its stream names as its
    /// predecessor. Marten's tombstones (placeholders for the sequence numbers of an append that failed) are no
    /// events of any stream: they are counted apart, and their stream is not counted.
    /// </summary>
    private static string Telling(bool perStroom) => $"""
        select
            (select count(*) from (
                select stream_id from {Events} where type <> '{Hashketen.Tombstone}' {(perStroom ? "and stream_id = @stroom" : "")}
                union select h.stream_id from {S}.gebeurtenis_hashes h
                      where not exists (select 1 from {Events} t where t.seq_id = h.seq_id and t.type = '{Hashketen.Tombstone}')
                      {(perStroom ? "and h.stream_id = @stroom" : "")}
                union select s.id from {Streams} s where s.version > 0 {(perStroom ? "and s.id = @stroom" : "")}
                      and not exists (select 1 from {Events} t where t.stream_id = s.id and t.type = '{Hashketen.Tombstone}')) stromen),
            (select count(*) from {Events} where type <> '{Hashketen.Tombstone}' {(perStroom ? "and stream_id = @stroom" : "")}),
            (select sha256(coalesce(string_agg(uuid_send(stream_id) || int8send(version) || hash, ''::bytea order by stream_id, version), ''::bytea))
             from (select stream_id, version, hash, lead(vorige_hash) over (partition by stream_id order by version) as volgende_vorige
                   from {S}.gebeurtenis_hashes {Filter(perStroom)}) rijen
             where volgende_vorige is distinct from hash),
            (select count(*) from {Events} where type = '{Hashketen.Tombstone}' {(perStroom ? "and stream_id = @stroom" : "")})
        """;

    /// <summary>
    /// Every position (stream, version) from the event rows and the hash rows side by side, each hash recomputed,
    /// each link checked against the row before; only positions where something disagrees are returned, plus a row
    /// past the end of every stream whose stream table counts more versions than anything holds.
    /// </summary>
    private static string Afwijkingen(bool perStroom) => $"""
        with e as (
            select e.*, {S}.inhoud_hash(e.id, e.type, e.mt_dotnet_type, e.tenant_id, e.timestamp, e.user_name, e.correlation_id,
                                        e.causation_id, e.headers, e.gegevens) as inhoud
            from (select seq_id, stream_id, version, id, type, mt_dotnet_type, tenant_id, timestamp, user_name, correlation_id,
                         causation_id, headers, {S}.gegevens_hash(data, bdata) as gegevens
                  from {Events} {Filter(perStroom)}) e
        ),
        h as (
            select h.*,
                   lag(h.hash) over w as vorige_rij_hash,
                   lead(h.vorige_hash) over w = h.hash as volgende_verwijst,
                   h.hash = {S}.schakel_hash(h.vorige_hash, h.stream_id, h.version, h.seq_id, h.inhoud_hash) as schakel_ok,
                   h.version > 1 and h.vorige_hash is null as ongeketend
            from {S}.gebeurtenis_hashes h {Filter(perStroom)}
            window w as (partition by h.stream_id order by h.version)
        ),
        p as (
            select coalesce(e.stream_id, h.stream_id) as stroom, coalesce(e.version, h.version) as versie,
                   e.seq_id is not null as heeft_gebeurtenis, h.seq_id is not null as heeft_hash,
                   coalesce(e.type = '{Hashketen.Tombstone}', false) as is_tombstone, coalesce(h.ongeketend, false) as ongeketend,
                   e.seq_id as e_seq, h.seq_id as h_seq,
                   e.inhoud as e_inhoud, e.gegevens as e_gegevens, h.inhoud_hash as h_inhoud, h.gegevens_hash as h_gegevens,
                   e.inhoud = h.inhoud_hash as inhoud_ok,
                   e.gegevens = h.gegevens_hash as gegevens_ok,
                   case when e.inhoud <> h.inhoud_hash then
                       {S}.inhoud_hash(e.id, e.type, e.mt_dotnet_type, e.tenant_id, e.timestamp, e.user_name, e.correlation_id,
                                       e.causation_id, e.headers, h.gegevens_hash) = h.inhoud_hash end as metadata_ok,
                   h.schakel_ok, h.hash, h.vorige_hash, h.vorige_rij_hash, h.volgende_verwijst,
                   case when e.seq_id is not null and not h.schakel_ok then
                       {S}.schakel_hash(case when h.ongeketend then null else h.vorige_rij_hash end, h.stream_id, h.version, e.seq_id, e.inhoud)
                       = h.hash end as past_in_keten
            from e full join h on h.stream_id = e.stream_id and h.version = e.version
        ),
        q as (
            select p.*,
                   lag(p.versie) over w as vorige_positie,
                   lag(p.heeft_hash and p.schakel_ok) over w as vorige_positie_in_orde,
                   lead(p.heeft_hash) over w as volgende_heeft_hash,
                   lead(p.vorige_hash) over w as volgende_vorige_hash,
                   lead(p.vorige_rij_hash) over w as volgende_vorige_rij_hash
            from p
            window w as (partition by p.stroom order by p.versie)
        ),
        r as (
            select q.*,
                   case when not q.heeft_hash or q.ongeketend then null
                        when q.versie = 1 then q.vorige_hash is null
                        when q.vorige_positie = q.versie - 1 and q.vorige_positie_in_orde then q.vorige_hash = q.vorige_rij_hash
                   end as verwijzing_ok,
                   case when q.heeft_hash and not q.ongeketend then q.versie - coalesce(q.vorige_positie, 0) - 1 else 0 end as ontbrekend,
                   case when q.heeft_gebeurtenis and not q.heeft_hash and q.volgende_heeft_hash then
                       {S}.schakel_hash(q.volgende_vorige_rij_hash, q.stroom, q.versie, q.e_seq, q.e_inhoud) = q.volgende_vorige_hash
                   end as bevestigd
            from q
        )
        select stroom, versie, heeft_gebeurtenis, heeft_hash, is_tombstone, ongeketend, e_seq, h_seq,
               inhoud_ok, gegevens_ok, metadata_ok, schakel_ok, verwijzing_ok, past_in_keten, volgende_verwijst, bevestigd,
               ontbrekend, e_inhoud, e_gegevens, h_inhoud, h_gegevens
        from r
        where not (heeft_gebeurtenis and heeft_hash and inhoud_ok and e_seq = h_seq and schakel_ok
                   and coalesce(verwijzing_ok, true) and ontbrekend = 0 and (is_tombstone or not ongeketend))
        union all
        select s.id, s.version + 1, false, false, false, false, null, null, null, null, null, null, null, null, null, null,
               s.version - greatest(
                   coalesce((select max(version) from {Events} x where x.stream_id = s.id), 0),
                   coalesce((select max(version) from {S}.gebeurtenis_hashes x where x.stream_id = s.id), 0)),
               null, null, null, null
        from {Streams} s
        where s.version > greatest(
                  coalesce((select max(version) from {Events} x where x.stream_id = s.id), 0),
                  coalesce((select max(version) from {S}.gebeurtenis_hashes x where x.stream_id = s.id), 0))
              {(perStroom ? "and s.id = @stroom" : "")}
        order by 1, 2
        """;
}
