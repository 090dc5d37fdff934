using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Integriteit;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.IntegrationTests.Integriteit;

/// <summary>A test event that no projection reads, to fill the store quickly through Marten.</summary>
public sealed record Proefgebeurtenis(Guid Stroom, int Nummer, string Omschrijving);

/// <summary>
/// Tamper evidence: the store is changed behind the service's back, directly in PostgreSQL, and verification names
/// the stream, the version and what happened. An active agreement has four events: opgesteld (1), ondertekend by
/// the employer (2) and by the municipality (3), geactiveerd (4).
/// </summary>
public sealed class Integriteit_van_de_gebeurtenissen(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Events = "samenwerkingsafspraken.mt_events";
    private const string Hashes = "integriteit.gebeurtenis_hashes";
    private const string Integriteit = "/v1/integriteit";
    private const int Referentiegebeurtenissen = 35 + 342 + 15;

    private async Task<Integriteitsrapport> Controleer(string url = Integriteit)
    {
        var antwoord = await Get(url, Tokens.Auditor());
        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        return antwoord.Als<Integriteitsrapport>();
    }

    /// <summary>
    /// What someone with rights on the database can do: session_replication_role = replica switches off ordinary
    /// triggers for this connection, both the one that refuses changes to events and the one that records hashes.
    /// </summary>
    private async Task Manipuleer(string sql, Guid stroom)
    {
        await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand($"set session_replication_role = replica; {sql}", verbinding);
        opdracht.Parameters.AddWithValue("stroom", stroom);
        await opdracht.ExecuteNonQueryAsync();
    }

    private static Bevinding EnigeBevinding(Integriteitsrapport rapport)
    {
        rapport.Intact.ShouldBeFalse();
        return rapport.Bevindingen.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task een_onaangeroerde_opslag_van_duizenden_gebeurtenissen_is_intact()
    {
        var afspraak = await Actief();
        await Proefstromen(300, 10);

        var rapport = await Controleer();

        rapport.Bevindingen.ShouldBeEmpty();
        rapport.Intact.ShouldBeTrue();
        rapport.AantalGebeurtenissen.ShouldBe(Referentiegebeurtenissen + 3000 + 1 + 4);
        rapport.AantalStromen.ShouldBe(Referentiegebeurtenissen + 300 + 2);
        rapport.AnkerHash.ShouldMatch("^[0-9a-f]{64}$");
        (await Controleer($"{Integriteit}/stromen/{afspraak.Id}")).ShouldSatisfyAllConditions(
            r => r.Intact.ShouldBeTrue(), r => r.AantalStromen.ShouldBe(1), r => r.AantalGebeurtenissen.ShouldBe(4));
    }

    [Fact]
    public async Task de_ankerhash_blijft_gelijk_tot_er_een_gebeurtenis_bijkomt()
    {
        var afspraak = await Actief();
        var eerst = await Controleer();

        (await Controleer()).AnkerHash.ShouldBe(eerst.AnkerHash);
        (await Post($"{Afspraken}/{afspraak.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true, versie = 4 }, Tokens.Werkgever())).Status.ShouldBe(200);

        var daarna = await Controleer();
        daarna.Intact.ShouldBeTrue();
        daarna.AnkerHash.ShouldNotBe(eerst.AnkerHash);
    }

    [Fact]
    public async Task gewijzigde_gegevens_worden_bij_stroom_en_versie_genoemd()
    {
        var afspraak = await Actief();

        await Manipuleer($"update {Events} set data = jsonb_set(data, '{{partij,naam}}', '\"Iemand anders\"') where stream_id = @stroom and version = 3",
            afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        bevinding.StroomId.ShouldBe(afspraak.Id);
        bevinding.Versie.ShouldBe(3);
        bevinding.Soort.ShouldBe(Bevindingsoort.Gewijzigd);
        bevinding.Toelichting.ShouldContain("gegevens");
    }

    [Fact]
    public async Task gewijzigde_metadata_wordt_bij_stroom_en_versie_genoemd()
    {
        var afspraak = await Actief();

        await Manipuleer($"update {Events} set user_name = 'iemand-anders', timestamp = timestamp - interval '1 day' where stream_id = @stroom and version = 1",
            afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 1L, Bevindingsoort.Gewijzigd));
        bevinding.Toelichting.ShouldContain("metadata");
    }

    [Fact]
    public async Task een_verwijderde_gebeurtenis_ontbreekt()
    {
        var afspraak = await Actief();

        await Manipuleer($"delete from {Events} where stream_id = @stroom and version = 2", afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 2L, Bevindingsoort.Ontbreekt));
        bevinding.Toelichting.ShouldBe("De gebeurtenis is verwijderd; haar hashregel is er nog.");
    }

    [Fact]
    public async Task een_gebeurtenis_die_samen_met_haar_hashregel_is_verwijderd_ontbreekt_ook()
    {
        var afspraak = await Actief();

        await Manipuleer($"delete from {Events} where stream_id = @stroom and version in (2, 4); " +
                         $"delete from {Hashes} where stream_id = @stroom and version in (2, 4)", afspraak.Id);

        var rapport = await Controleer();
        rapport.Bevindingen.Select(b => (b.StroomId, b.Versie, b.Soort)).ShouldBe(
            [(afspraak.Id, 2L, Bevindingsoort.Ontbreekt), (afspraak.Id, 4L, Bevindingsoort.Ontbreekt)]);
    }

    [Fact]
    public async Task twee_verwisselde_gegevens_worden_eenmaal_genoemd_met_beide_versies()
    {
        var afspraak = await Actief();

        await Manipuleer($"""
            update {Events} e set data = andere.data
            from {Events} andere
            where e.stream_id = @stroom and andere.stream_id = @stroom
              and ((e.version = 2 and andere.version = 3) or (e.version = 3 and andere.version = 2))
            """, afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 2L, Bevindingsoort.Verwisseld));
        bevinding.Toelichting.ShouldBe("De gegevens van versie 2 en 3 zijn verwisseld.");
    }

    [Fact]
    public async Task twee_gebeurtenissen_die_van_plaats_wisselen_worden_eenmaal_genoemd()
    {
        var afspraak = await Actief();

        await Manipuleer($"""
            update {Events} set version = -1 where stream_id = @stroom and version = 1;
            update {Events} set version = 1 where stream_id = @stroom and version = 4;
            update {Events} set version = 4 where stream_id = @stroom and version = -1;
            """, afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 1L, Bevindingsoort.Verwisseld));
        bevinding.Toelichting.ShouldBe("De gebeurtenissen van versie 1 en 4 zijn van plaats verwisseld.");
    }

    [Fact]
    public async Task een_gebeurtenis_buiten_de_keten_om_is_ingevoegd()
    {
        var afspraak = await Actief();

        await Manipuleer($"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, user_name)
            select nextval('samenwerkingsafspraken.mt_events_sequence'), gen_random_uuid(), stream_id, 5, data, type, timestamp,
                   tenant_id, mt_dotnet_type, headers, user_name
            from {Events} where stream_id = @stroom and version = 3
            """, afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 5L, Bevindingsoort.Ingevoegd));
        bevinding.Toelichting.ShouldContain("niet in de hashketen");
    }

    [Fact]
    public async Task een_gewijzigde_hashregel_breekt_de_keten_op_die_plek()
    {
        var afspraak = await Actief();
        var werkgever = Werkgever.StreamId(Testdata.Kvk);

        await Manipuleer($"update {Hashes} set inhoud_hash = sha256('iets anders') where stream_id = @stroom and version = 2", afspraak.Id);
        await Manipuleer($"update {Hashes} set hash = sha256('iets anders') where stream_id = @stroom and version = 1", werkgever);

        var rapport = await Controleer();
        rapport.Bevindingen.Select(b => (b.StroomId, b.Versie, b.Soort)).ShouldBe(
            [(afspraak.Id, 2L, Bevindingsoort.KetenGewijzigd), (werkgever, 1L, Bevindingsoort.KetenGewijzigd)], ignoreOrder: true);
        rapport.Bevindingen.Single(b => b.StroomId == afspraak.Id).Toelichting.ShouldContain("de gebeurtenis zelf klopt nog");
    }

    [Fact]
    public async Task een_verwijderde_hashregel_breekt_de_keten_maar_de_gebeurtenis_past_er_nog_in()
    {
        var afspraak = await Actief();

        await Manipuleer($"delete from {Hashes} where stream_id = @stroom and version = 2", afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 2L, Bevindingsoort.KetenGewijzigd));
        bevinding.Toelichting.ShouldContain("hashregel van deze gebeurtenis is verwijderd");
    }

    [Fact]
    public async Task wie_een_gebeurtenis_en_haar_hashregel_herberekent_breekt_de_verwijzing_van_de_volgende()
    {
        var afspraak = await Actief();

        await Manipuleer($"update {Events} set data = jsonb_set(data, '{{partij,naam}}', '\"Iemand anders\"') where stream_id = @stroom and version = 2",
            afspraak.Id);
        await Manipuleer(Herbereken(2), afspraak.Id);

        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 3L, Bevindingsoort.KetenGewijzigd));
        bevinding.Toelichting.ShouldContain("tussen versie 2 en 3");
    }

    [Fact]
    public async Task wie_de_hele_staart_herberekent_valt_alleen_op_tegen_een_eerder_vastgelegde_ankerhash()
    {
        var afspraak = await Actief();
        var vastgelegd = await Controleer();

        await Manipuleer($"update {Events} set data = jsonb_set(data, '{{partij,naam}}', '\"Iemand anders\"') where stream_id = @stroom and version = 2",
            afspraak.Id);
        foreach (var versie in new[] { 2, 3, 4 }) await Manipuleer(Herbereken(versie), afspraak.Id);

        var daarna = await Controleer();
        daarna.Intact.ShouldBeTrue();
        daarna.AnkerHash.ShouldNotBe(vastgelegd.AnkerHash);
    }

    /// <summary>An attacker who knows the functions recomputes one hash row from the event as it now is.</summary>
    private static string Herbereken(int versie) => $"""
        update {Hashes} h
        set gegevens_hash = integriteit.gegevens_hash(e.data, e.bdata),
            inhoud_hash = integriteit.inhoud_hash(e.id, e.type, e.mt_dotnet_type, e.tenant_id, e.timestamp, e.user_name, e.correlation_id,
                                                  e.causation_id, e.headers, integriteit.gegevens_hash(e.data, e.bdata)),
            vorige_hash = (select v.hash from {Hashes} v where v.stream_id = h.stream_id and v.version = h.version - 1)
        from {Events} e
        where e.stream_id = h.stream_id and e.version = h.version and h.stream_id = @stroom and h.version = {versie};
        update {Hashes} set hash = integriteit.schakel_hash(vorige_hash, stream_id, version, seq_id, inhoud_hash)
        where stream_id = @stroom and version = {versie};
        """;

    [Fact]
    public async Task de_controle_van_een_stroom_noemt_alleen_die_stroom()
    {
        var afspraak = await Actief();
        var werkgever = Werkgever.StreamId(Testdata.Kvk);
        await Manipuleer($"delete from {Events} where stream_id = @stroom and version = 4", afspraak.Id);

        var vanAfspraak = await Controleer($"{Integriteit}/stromen/{afspraak.Id}");
        var vanWerkgever = await Controleer($"{Integriteit}/stromen/{werkgever}");

        EnigeBevinding(vanAfspraak).ShouldSatisfyAllConditions(
            b => b.StroomId.ShouldBe(afspraak.Id), b => b.Versie.ShouldBe(4), b => b.Soort.ShouldBe(Bevindingsoort.Ontbreekt));
        vanAfspraak.AantalStromen.ShouldBe(1);
        vanAfspraak.AantalGebeurtenissen.ShouldBe(3);
        vanWerkgever.Intact.ShouldBeTrue();
        vanWerkgever.Bevindingen.ShouldBeEmpty();
        vanWerkgever.AantalGebeurtenissen.ShouldBe(1);
        vanWerkgever.AnkerHash.ShouldNotBe(vanAfspraak.AnkerHash);
        EnigeBevinding(await Controleer()).StroomId.ShouldBe(afspraak.Id);
    }

    [Fact]
    public async Task de_controle_is_alleen_voor_auditors()
    {
        var stroom = Werkgever.StreamId(Testdata.Kvk);
        await WerkgeverGeregistreerd();

        foreach (var url in new[] { Integriteit, $"{Integriteit}/stromen/{stroom}" })
        {
            (await Get(url)).Probleem(401);
            (await Get(url, Tokens.Werkgever())).Probleem(403);
            (await Get(url, Tokens.Regiopartij())).Probleem(403);
            (await Get(url, Tokens.Beheerder())).Probleem(403);
        }

        (await Get($"{Integriteit}/stromen/{Guid.NewGuid()}", Tokens.Auditor())).ProbleemCode(404).ShouldBe("niet-gevonden");
        (await Get($"{Integriteit}/stromen/geen-uuid", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["stroomId"]);
    }

    [Fact]
    public async Task gebeurtenissen_en_hashes_zijn_niet_te_wijzigen_of_te_verwijderen_zonder_de_triggers_uit_te_zetten()
    {
        var afspraak = await Actief();

        foreach (var sql in new[]
                 {
                     $"update {Events} set data = '{{}}' where stream_id = @stroom and version = 1",
                     $"delete from {Events} where stream_id = @stroom and version = 4",
                     $"delete from samenwerkingsafspraken.mt_streams where id = @stroom",
                     $"update {Hashes} set hash = sha256('x') where stream_id = @stroom and version = 1",
                     $"delete from {Hashes} where stream_id = @stroom",
                 })
        {
            await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
            await verbinding.OpenAsync();
            await using var opdracht = new NpgsqlCommand(sql, verbinding);
            opdracht.Parameters.AddWithValue("stroom", afspraak.Id);
            (await Should.ThrowAsync<PostgresException>(() => opdracht.ExecuteNonQueryAsync())).MessageText.ShouldContain("geweigerd");
        }

        (await Controleer()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task martens_eigen_archivering_mag_en_laat_de_keten_intact()
    {
        var afspraak = await Actief();

        await using (var session = Service<IDocumentStore>().LightweightSession())
        {
            session.Events.ArchiveStream(afspraak.Id);
            await session.SaveChangesAsync();
        }

        (await Controleer()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task mislukte_gelijktijdige_schrijvers_laten_niets_achter_en_de_keten_intact()
    {
        var afspraak = await Actief();
        var voor = await Tel($"select coalesce(max(seq_id), 0) from {Events}");
        var schrijvers = Enumerable.Range(0, 6).Select(i => Post($"{Afspraken}/{afspraak.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = $"Les {i}", aanbevolenVoorHergebruik = true, versie = 4 }, Tokens.Werkgever()));
        (await Task.WhenAll(schrijvers)).Count(a => a.Status == 409).ShouldBeGreaterThan(0);

        // Exactly the winner's event is stored. A loser that passed the version check before the winner committed may
        // have drawn a sequence number before its append failed (PostgreSQL sequences are not transactional), so
        // seq_id can skip one: that is no gap in the evidence. The hash chain runs per stream, over versions, and the
        // integrity check below finds nothing missing.
        (await Tel($"select count(*) from {Events} where seq_id > {voor}")).ShouldBe(1);
        (await Tel($"select count(*) from {Events} where stream_id = '{afspraak.Id}' and seq_id > {voor}")).ShouldBe(1);
        var rapport = await Controleer();
        rapport.Bevindingen.ShouldBeEmpty();
        rapport.Intact.ShouldBeTrue();
        rapport.AantalGebeurtenissen.ShouldBe(Referentiegebeurtenissen + 1 + 5);
    }

    [Fact]
    public async Task tombstones_van_martens_rijke_schrijfwijze_laten_de_keten_intact()
    {
        // A store written in Marten's Rich append mode (this service's mode until it moved to the quick one) has
        // tombstones: Marten writes them, after a failed append, for the sequence numbers it had reserved.
        await using var rijk = DocumentStore.For(opties =>
        {
            opties.Connection(Fixture.ConnectionString);
            opties.DatabaseSchemaName = Samenwerkingsafspraken.Infrastructure.Persistence.MartenConfiguratie.Schema;
            opties.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
            opties.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
            opties.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
            opties.Events.MetadataConfig.HeadersEnabled = true;
            opties.Events.MetadataConfig.CorrelationIdEnabled = true;
            opties.Events.MetadataConfig.CausationIdEnabled = true;
            opties.Events.MetadataConfig.UserNameEnabled = true;
        });
        var stroom = Guid.CreateVersion7();
        await using (var eerste = rijk.LightweightSession())
        {
            eerste.Events.StartStream(stroom, new Proefgebeurtenis(stroom, 1, "Begin"));
            await eerste.SaveChangesAsync();
        }

        await using (var winnaar = rijk.LightweightSession())
        await using (var verliezer = rijk.LightweightSession())
        {
            winnaar.Events.Append(stroom, 2, new Proefgebeurtenis(stroom, 2, "Winnaar"));
            verliezer.Events.Append(stroom, 2, new Proefgebeurtenis(stroom, 2, "Verliezer"));
            await winnaar.SaveChangesAsync();
            await Should.ThrowAsync<Exception>(() => verliezer.SaveChangesAsync());
        }

        // Marten writes the tombstones for the lost sequence numbers in the background, shortly after.
        var tombstones = 0L;
        for (var poging = 0; poging < 100 && tombstones == 0; poging++)
        {
            await Task.Delay(100);
            tombstones = await Tel($"select count(*) from {Events} where type = 'tombstone'");
        }

        tombstones.ShouldBeGreaterThan(0);
        var rapport = await Controleer();
        rapport.Bevindingen.ShouldBeEmpty();
        rapport.Intact.ShouldBeTrue();
        rapport.AantalGebeurtenissen.ShouldBe(Referentiegebeurtenissen + 2, "tombstones are no events of any stream");
        rapport.AantalTombstones.ShouldBeGreaterThanOrEqualTo(tombstones);
    }

    [Fact]
    public async Task de_keten_overleeft_een_herstart_en_martens_schemabijwerking()
    {
        var afspraak = await Actief();
        await Service<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        await using (var tweede = await ApiFixture.StartHost(Fixture.ConnectionString, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever))
        {
            var evaluatie = await Verstuur(tweede, HttpMethod.Post, $"{Afspraken}/{afspraak.Id}/evaluaties",
                new { oordeel = "succesvol", lessen = "Na de herstart", aanbevolenVoorHergebruik = true, versie = 4 }, Tokens.Werkgever());
            evaluatie.Status.ShouldBe(200, evaluatie.Tekst);
        }

        (await Tel($"select count(*) from pg_trigger where tgname like 'integriteit%' and tgenabled = 'O'")).ShouldBe(3);
        (await Tel($"select count(*) from {Hashes}")).ShouldBe(await Tel($"select count(*) from {Events}"));
        var rapport = await Controleer();
        rapport.Intact.ShouldBeTrue();
        rapport.AantalGebeurtenissen.ShouldBe(Referentiegebeurtenissen + 1 + 5);
    }

    [Fact]
    public async Task een_uitgezette_trigger_gaat_bij_de_volgende_start_weer_aan_en_het_gat_blijft_zichtbaar()
    {
        var afspraak = await Actief();
        await Manipuleer($"alter table {Events} disable trigger integriteit_vastleggen", afspraak.Id);
        (await Post($"{Afspraken}/{afspraak.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Zonder keten", aanbevolenVoorHergebruik = true, versie = 4 }, Tokens.Werkgever())).Status.ShouldBe(200);

        await Service<Hashketen>().Installeer(CancellationToken.None);
        (await Post($"{Afspraken}/{afspraak.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Weer met keten", aanbevolenVoorHergebruik = true, versie = 5 }, Tokens.Werkgever())).Status.ShouldBe(200);

        (await Tel("select count(*) from pg_trigger where tgname like 'integriteit%' and tgenabled = 'O'")).ShouldBe(3);
        var bevinding = EnigeBevinding(await Controleer());
        (bevinding.StroomId, bevinding.Versie, bevinding.Soort).ShouldBe((afspraak.Id, 5L, Bevindingsoort.Ingevoegd));
    }

    [Fact]
    public async Task gebeurtenissen_van_voor_de_keten_worden_bij_de_eerste_installatie_vastgelegd()
    {
        var connectionString = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_integriteit");
        await using var host = await ApiFixture.StartHost(connectionString, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever);
        await using (var verbinding = new NpgsqlConnection(connectionString))
        {
            // As if the service ran for years before this feature existed.
            await verbinding.OpenAsync();
            await using var weg = new NpgsqlCommand("drop schema integriteit cascade", verbinding);
            await weg.ExecuteNonQueryAsync();
        }

        await Proefstromen(5, 4, host.Services.GetRequiredService<IDocumentStore>());
        await host.Services.GetRequiredService<Hashketen>().Installeer(CancellationToken.None);

        var rapport = await host.Services.GetRequiredService<Integriteitscontrole>().ControleerAlles(CancellationToken.None);
        rapport.Bevindingen.ShouldBeEmpty();
        rapport.AantalGebeurtenissen.ShouldBe(Referentiegebeurtenissen + 20);
        (await Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
        (await host.Services.GetRequiredService<Integriteitscontrole>().ControleerAlles(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    private async Task Proefstromen(int stromen, int perStroom, IDocumentStore? store = null)
    {
        await using var session = (store ?? Service<IDocumentStore>()).LightweightSession();
        session.LastModifiedBy = "proef";
        session.CorrelationId = "proef-correlatie";
        session.SetHeader("reden", "proef");
        for (var s = 0; s < stromen; s++)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream(id, Enumerable.Range(1, perStroom).Select(n => (object)new Proefgebeurtenis(id, n, $"Gebeurtenis {n} van stroom {s}")).ToArray());
        }

        await session.SaveChangesAsync();
    }

    private async Task<long> Tel(string sql)
    {
        await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand(sql, verbinding);
        return Convert.ToInt64(await opdracht.ExecuteScalarAsync());
    }
}
