using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Integriteit;

/// <summary>
/// The hash chain over the event store, kept by PostgreSQL itself (docs/integriteit.md): a table in the schema
/// <c>integriteit</c>, the functions that hash an event canonically, a trigger that records every appended event and a
/// trigger that refuses changes to recorded ones. The database does it rather than the service, so that no write
/// path (a second service, a script, psql) can append an event without its hash.
/// </summary>
public sealed class Hashketen(IDocumentStore store, NpgsqlDataSource dataSource, ILogger<Hashketen> logger)
{
    public const string Schema = "integriteit";

    /// <summary>Marten's placeholder for a sequence number that a failed append used (its type name in mt_events).</summary>
    public const string Tombstone = "tombstone";

    private const string Events = $"{MartenConfiguratie.Schema}.mt_events";

    // Two nodes starting at once must not both create the table and backfill it.
    private const long Slot = 0x5357_4148_4153_4831;

    public static readonly string Definitie = $$"""
        create schema if not exists {{Schema}};

        create table if not exists {{Schema}}.gebeurtenis_hashes (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            gegevens_hash bytea not null,
            inhoud_hash bytea not null,
            vorige_hash bytea null,
            hash bytea not null,
            unique (stream_id, version)
        );

        -- The data alone, so that two events whose data were swapped can be told from two unrelated changes.
        create or replace function {{Schema}}.gegevens_hash(data jsonb, bdata bytea) returns bytea
        language sql stable parallel safe
        as $$ select sha256(convert_to(jsonb_build_array(data, encode(bdata, 'hex'))::text, 'UTF8')) $$;

        -- Everything an event says, without where it sits: jsonb's text form is canonical (sorted keys, fixed spacing,
        -- escaped strings), the array keeps the fields apart and null distinct from empty.
        create or replace function {{Schema}}.inhoud_hash(
            id uuid, type text, dotnet_type text, tenant_id text, tijdstip timestamptz, user_name text,
            correlation_id text, causation_id text, headers jsonb, gegevens_hash bytea) returns bytea
        language sql stable parallel safe
        as $$ select sha256(convert_to(jsonb_build_array(
            'samenwerkingsafspraken-integriteit/1', id, type, dotnet_type, tenant_id,
            to_char(tijdstip at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            user_name, correlation_id, causation_id, headers, encode(gegevens_hash, 'hex'))::text, 'UTF8')) $$;

        -- Where the event sits (stream, version, global sequence number) and what came before it.
        create or replace function {{Schema}}.schakel_hash(vorige bytea, stroom uuid, versie bigint, volgnummer bigint, inhoud bytea)
        returns bytea
        language sql immutable parallel safe
        as $$ select sha256(coalesce(vorige, decode(repeat('00', 32), 'hex')) || uuid_send(stroom) || int8send(versie)
                            || int8send(volgnummer) || inhoud) $$;

        create or replace function {{Schema}}.vastleggen(
            seq_id bigint, stream_id uuid, version bigint, id uuid, type text, dotnet_type text, tenant_id text,
            tijdstip timestamptz, user_name text, correlation_id text, causation_id text, headers jsonb, data jsonb, bdata bytea)
        returns void
        language plpgsql security definer set search_path = pg_catalog, pg_temp
        -- The lookup's plan is cached per connection; planned while the table is small (a new database, the backfill)
        -- it would scan the whole table for every event ever after.
        set enable_seqscan = off
        as $$
        declare
            v_gegevens bytea := {{Schema}}.gegevens_hash(data, bdata);
            v_inhoud bytea := {{Schema}}.inhoud_hash(id, type, dotnet_type, tenant_id, tijdstip, user_name, correlation_id,
                                                    causation_id, headers, v_gegevens);
            v_vorige bytea;
        begin
            -- Marten writes tombstones later and concurrently, numbered by their sequence number: they cannot form
            -- a chain that every node agrees on, so each stands alone.
            if type is distinct from '{{Tombstone}}' then
                select h.hash into v_vorige from {{Schema}}.gebeurtenis_hashes h
                where h.stream_id = vastleggen.stream_id and h.version < vastleggen.version
                order by h.version desc limit 1;
            end if;

            insert into {{Schema}}.gebeurtenis_hashes (seq_id, stream_id, version, gegevens_hash, inhoud_hash, vorige_hash, hash)
            values (seq_id, stream_id, version, v_gegevens, v_inhoud, v_vorige,
                    {{Schema}}.schakel_hash(v_vorige, stream_id, version, seq_id, v_inhoud));
        end $$;

        create or replace function {{Schema}}.gebeurtenis_vastgelegd() returns trigger
        language plpgsql security definer set search_path = pg_catalog, pg_temp
        as $$
        begin
            perform {{Schema}}.vastleggen(new.seq_id, new.stream_id, new.version, new.id, new.type, new.mt_dotnet_type,
                new.tenant_id, new.timestamp, new.user_name, new.correlation_id, new.causation_id, new.headers, new.data, new.bdata);
            return null;
        end $$;

        -- Marten's ArchiveStream only sets is_archived, which the hash leaves out; every other change is refused.
        create or replace function {{Schema}}.onveranderlijk() returns trigger
        language plpgsql
        as $$
        begin
            if tg_op = 'UPDATE' and (to_jsonb(old) - 'is_archived') = (to_jsonb(new) - 'is_archived') then
                return new;
            end if;
            raise exception '% op %.% geweigerd: vastgelegde gebeurtenissen en hun hashes veranderen niet.', tg_op, tg_table_schema, tg_table_name
                using hint = 'Zie docs/integriteit.md.';
        end $$;

        create or replace trigger integriteit_vastleggen after insert on {{Events}}
            for each row execute function {{Schema}}.gebeurtenis_vastgelegd();
        create or replace trigger integriteit_onveranderlijk before update or delete on {{Events}}
            for each row execute function {{Schema}}.onveranderlijk();
        create or replace trigger integriteit_onveranderlijk before update or delete on {{Schema}}.gebeurtenis_hashes
            for each row execute function {{Schema}}.onveranderlijk();
        alter table {{Events}} enable trigger integriteit_vastleggen;
        alter table {{Events}} enable trigger integriteit_onveranderlijk;
        alter table {{Schema}}.gebeurtenis_hashes enable trigger integriteit_onveranderlijk;

        """;

    /// <summary>Follows the SQL above, so that a node with changed SQL brings an older installation up to date by itself.</summary>
    public static readonly string Versie =
        "hashketen " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Definitie.ReplaceLineEndings("\n"))))[..16];

    // Events recorded before the chain existed are hashed once, in stream order, as they are at installation.
    private static readonly string Aanvullen = $$"""
        do $$
        declare e record;
        begin
            for e in select * from {{Events}} order by stream_id, version loop
                perform {{Schema}}.vastleggen(e.seq_id, e.stream_id, e.version, e.id, e.type, e.mt_dotnet_type, e.tenant_id,
                    e.timestamp, e.user_name, e.correlation_id, e.causation_id, e.headers, e.data, e.bdata);
            end loop;
        end $$;
        """;

    private static readonly string Actueel = $"""
        select coalesce(obj_description(to_regnamespace('{Schema}'), 'pg_namespace') = '{Versie}', false)
           and (select count(*) from pg_trigger
                where tgname in ('integriteit_vastleggen', 'integriteit_onveranderlijk') and tgenabled = 'O'
                  and tgrelid in (to_regclass('{Events}'), to_regclass('{Schema}.gebeurtenis_hashes'))) = 3
        """;

    /// <summary>
    /// Creates or updates the chain; idempotent and cheap when it is current. The first time, it hashes the events
    /// already there. Must run before anything appends an event.
    /// </summary>
    public async Task Installeer(CancellationToken cancellation)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);

        await using var verbinding = await dataSource.OpenConnectionAsync(cancellation);
        await using var transactie = await verbinding.BeginTransactionAsync(cancellation);
        await Voer(verbinding, $"select pg_advisory_xact_lock({Slot})", cancellation);

        if (await Scalar<bool>(verbinding, Actueel, cancellation))
        {
            await transactie.CommitAsync(cancellation);
            return;
        }

        var nieuw = await Scalar<bool>(verbinding, $"select to_regclass('{Schema}.gebeurtenis_hashes') is null", cancellation);
        if (nieuw)
        {
            // No event may slip in between the backfill and the trigger.
            await Voer(verbinding, $"lock table {Events} in share row exclusive mode", cancellation);
        }

        await Voer(verbinding, $"{Definitie}\ncomment on schema {Schema} is '{Versie}';", cancellation);
        if (nieuw) await Voer(verbinding, Aanvullen, cancellation);
        await transactie.CommitAsync(cancellation);

        logger.LogInformation("Integrity hash chain installed ({Version}){Backfill}.", Versie, nieuw ? ", existing events hashed" : "");
    }

    /// <summary>Whether the chain guards the events table (its triggers are in place), and whether it is this version.</summary>
    public async Task<(bool Bewaakt, bool Actueel)> Toestand(CancellationToken cancellation)
    {
        await using var verbinding = await dataSource.OpenConnectionAsync(cancellation);
        var bewaakt = await Scalar<bool>(verbinding, Bewaakt, cancellation);
        return (bewaakt, bewaakt && await Scalar<bool>(verbinding, Actueel, cancellation));
    }

    private static readonly string Bewaakt = $"""
        select (select count(*) from pg_trigger
                where tgname in ('integriteit_vastleggen', 'integriteit_onveranderlijk') and tgenabled = 'O'
                  and tgrelid in (to_regclass('{Events}'), to_regclass('{Schema}.gebeurtenis_hashes'))) = 3
        """;

    private static async Task Voer(NpgsqlConnection verbinding, string sql, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand(sql, verbinding) { CommandTimeout = 0 };
        await opdracht.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection verbinding, string sql, CancellationToken cancellation)
    {
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        return (T)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }
}

public static class IntegriteitRegistratie
{
    public static IServiceCollection AddIntegriteit(this IServiceCollection services) =>
        services.AddSingleton<Hashketen>().AddSingleton<Integriteitscontrole>();
}
