using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.IntegrationTests.Werkgevers;

public sealed class Werkgever_wijzigen(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Pad = "/v1/werkgevers/01234567";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WerkgeverGeregistreerd();
    }

    [Fact]
    public async Task de_werkgever_wijzigt_naam_sector_en_netwerken_en_de_historie_toont_wie_wat_deed()
    {
        var antwoord = await Post($"{Pad}/wijzigingen", new { naam = "Bouwgroep Noord B.V.", sector = "zakelijke-dienstverlening", netwerken = new[] { "slw" },
            reden = "Nieuwe naam na herstructurering" }, Tokens.Werkgever(), IfMatch(1));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Versie.ShouldBe(5);
        antwoord.Json["naam"]!.GetValue<string>().ShouldBe("Bouwgroep Noord B.V.");
        antwoord.Json["netwerken"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["slw"]);

        var historie = await Get($"{Pad}/historie", Tokens.Werkgever());
        historie.Status.ShouldBe(200, historie.Tekst);
        var regels = historie.Json["gebeurtenissen"]!.AsArray();
        regels.Select(r => r!["type"]!.GetValue<string>()).ShouldBe(
            ["werkgever_geregistreerd", "werkgever_hernoemd", "werkgever_sector_gewijzigd", "werkgever_aangesloten_bij_netwerk", "werkgever_uit_netwerk_getreden"]);
        regels[1]!["door"]!["rol"]!.GetValue<string>().ShouldBe("werkgever");
        regels[1]!["reden"]!.GetValue<string>().ShouldBe("Nieuwe naam na herstructurering");
        regels[1]!["omschrijving"]!.GetValue<string>().ShouldContain("Bouwgroep Noord B.V.");
    }

    [Fact]
    public async Task weigeringen_bij_het_wijzigen()
    {
        (await Post($"{Pad}/wijzigingen", new { naam = "X" }, token: null)).Probleem(401);
        (await Post($"{Pad}/wijzigingen", new { naam = "X" }, Tokens.Werkgever(Testdata.AndereKvk), IfMatch(1))).ProbleemCode(403).ShouldBe("andere-werkgever");
        (await Post($"{Pad}/wijzigingen", new { naam = "X" }, Tokens.Regiopartij(), IfMatch(1))).Probleem(403);
        (await Post("/v1/werkgevers/99999999/wijzigingen", new { naam = "X" }, Tokens.Beheerder(), IfMatch(1))).Probleem(404);
        (await Post($"{Pad}/wijzigingen", new { sector = "ruimtevaart", soort = "half", netwerken = new[] { "vno" } }, Tokens.Beheerder(), IfMatch(1)))
            .OngeldigeVelden().ShouldBe(["sector", "soort", "netwerken[0]"], ignoreOrder: true);
        (await Post($"{Pad}/wijzigingen", new { soort = "publiek" }, Tokens.Beheerder(), IfMatch(1))).OngeldigeVelden().ShouldBe(["soort"]);
        (await Post($"{Pad}/wijzigingen", new { naam = "X" }, Tokens.Beheerder())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post($"{Pad}/wijzigingen", new { naam = "X" }, Tokens.Beheerder(), IfMatch(3))).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post($"{Pad}/wijzigingen", new { naam = "Bouwbedrijf Noord B.V." }, Tokens.Beheerder(), IfMatch(1))).ProbleemCode(409).ShouldBe("geen-wijziging");
        (await Get($"{Pad}/historie", Tokens.Regiopartij())).Probleem(403);
        (await Get($"{Pad}/historie", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get("/v1/werkgevers/99999999/historie", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/werkgevers/123/historie", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["kvkNummer"]);
    }
}

public sealed class Vestigingen_van_een_werkgever(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Pad = "/v1/werkgevers/01234567/vestigingen";

    [Fact]
    public async Task de_regio_van_een_vestiging_volgt_uit_haar_gemeente_ook_na_een_herindeling()
    {
        var registratie = await Post("/v1/werkgevers", Testdata.Werkgever() with { Vestigingen = [new VestigingVerzoek("000012345678", null, "GM0050")] },
            Tokens.Regiopartij());
        registratie.Status.ShouldBe(201, registratie.Tekst);
        registratie.Json["vestigingen"]![0]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM06");

        var toegevoegd = await Post(Pad, new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, Tokens.Werkgever(), IfMatch(1));
        toegevoegd.Status.ShouldBe(200, toegevoegd.Tekst);
        toegevoegd.Json["vestigingen"]![1]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM01");

        (await Post("/v1/gemeenten/GM0050/verplaatsingen", new { arbeidsmarktregio = "AM11", geldigVanaf = "2025-01-01", reden = "Correctie" },
            Tokens.Beheerder(), IfMatch(1))).Status.ShouldBe(200);
        var werkgever = await Get("/v1/werkgevers/01234567", Tokens.Werkgever());
        werkgever.Json["vestigingen"]![0]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM11");
        werkgever.Json["vestigingen"]![0]!["gemeente"]!.GetValue<string>().ShouldBe("GM0050");

        var verhuisd = await Post($"{Pad}/000087654321/verhuizingen", new { gemeente = "GM0080" }, Tokens.Beheerder(), IfMatch(2));
        verhuisd.Status.ShouldBe(200, verhuisd.Tekst);
        verhuisd.Json["vestigingen"]![1]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM02");
        var gesloten = await Post($"{Pad}/000087654321/sluiting", new { reden = "Vestiging dicht" }, Tokens.Werkgever(), IfMatch(3));
        gesloten.Status.ShouldBe(200, gesloten.Tekst);
        gesloten.Json["vestigingen"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task weigeringen_bij_vestigingen()
    {
        await WerkgeverGeregistreerd();

        (await Post(Pad, new { vestigingsnummer = "1", gemeente = "GM9999" }, Tokens.Werkgever(), IfMatch(1))).OngeldigeVelden()
            .ShouldBe(["vestigingsnummer", "gemeente"], ignoreOrder: true);
        (await Post(Pad, new { vestigingsnummer = "000012345678", gemeente = "GM0014" }, Tokens.Werkgever(), IfMatch(1))).ProbleemCode(409).ShouldBe("bestaat-al");
        (await Post(Pad, new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, Tokens.Werkgever(Testdata.AndereKvk), IfMatch(1))).Probleem(403);
        (await Post(Pad, new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, Tokens.Auditor(), IfMatch(1))).Probleem(403);
        (await Post(Pad, new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, token: null)).Probleem(401);
        (await Post($"{Pad}/999912345678/sluiting", new { reden = "r" }, Tokens.Werkgever(), IfMatch(1))).ProbleemCode(404).ShouldBe("vestiging-niet-gevonden");
        (await Post($"{Pad}/12/verhuizingen", new { gemeente = "GM0014" }, Tokens.Werkgever(), IfMatch(1))).OngeldigeVelden().ShouldBe(["vestigingsnummer"]);
        (await Post("/v1/werkgevers/99999999/vestigingen", new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, Tokens.Beheerder(), IfMatch(1)))
            .Probleem(404);
        (await Post(Pad, new { vestigingsnummer = "000087654321", gemeente = "GM0014" }, Tokens.Werkgever(), IfMatch(9))).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk) with { Vestigingen = [new VestigingVerzoek("000012345678", "AM02", "GM0014")] },
            Tokens.Beheerder())).OngeldigeVelden().ShouldBe(["vestigingen[0].arbeidsmarktregio"]);
    }
}

public sealed class Uitschrijven_en_samenvoegen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_uitgeschreven_werkgever_maakt_geen_nieuwe_afspraken_maar_de_oude_blijven_leesbaar()
    {
        var afspraak = await Actief();

        var antwoord = await Post("/v1/werkgevers/01234567/uitschrijving", new { datum = "2025-06-30", reden = "Bedrijf gestopt" }, Tokens.Beheerder(), IfMatch(1));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["status"]!.GetValue<string>().ShouldBe("uitgeschreven");
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Probleem(400)["invalidParams"]![0]!["code"]!.GetValue<string>()
            .ShouldBe("werkgever-niet-actief");
        (await Get($"{Afspraken}/{afspraak.Id}", Tokens.Werkgever())).Status.ShouldBe(200);
        (await Post("/v1/werkgevers/01234567/uitschrijving", new { datum = "2025-07-30", reden = "r" }, Tokens.Beheerder(), IfMatch(2)))
            .ProbleemCode(409).ShouldBe("werkgever-niet-actief");
        (await Post("/v1/werkgevers/01234567/uitschrijving", new { reden = "r" }, Tokens.Werkgever(), IfMatch(2))).Probleem(403);
    }

    [Fact]
    public async Task bij_een_fusie_gaan_de_referenties_mee_naar_de_opvolger_met_hun_herkomst()
    {
        var afspraak = await Actief();
        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk, "Bouwconcern Nederland N.V."), Tokens.Beheerder())).Status.ShouldBe(201);

        var antwoord = await Post("/v1/werkgevers/01234567/samenvoeging", new { opgegaanIn = Testdata.AndereKvk, datum = "2025-07-01", reden = "Fusie" },
            Tokens.Beheerder(), IfMatch(1));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["status"]!.GetValue<string>().ShouldBe("opgegaan");
        antwoord.Json["opgegaanIn"]!.GetValue<string>().ShouldBe(Testdata.AndereKvk);

        var opvolger = Tokens.Werkgever(Testdata.AndereKvk);
        var referenties = await Get($"/v1/werkgevers/{Testdata.AndereKvk}/referenties", opvolger);
        referenties.Status.ShouldBe(200, referenties.Tekst);
        var referentie = referenties.Json["referenties"]!.AsArray().ShouldHaveSingleItem()!;
        referentie["afspraakId"]!.GetValue<Guid>().ShouldBe(afspraak.Id);
        referentie["vorigeWerkgevers"]![0]!["werkgever"]!["kvkNummer"]!.GetValue<string>().ShouldBe(Testdata.Kvk);
        referentie["vorigeWerkgevers"]![0]!["tot"]!.GetValue<string>().ShouldBe("2025-07-01");
        (await Get($"/v1/werkgevers/{Testdata.AndereKvk}/samenwerkingsafspraken", opvolger)).Json["samenwerkingsafspraken"]!.AsArray().Count.ShouldBe(1);
        var gelezen = await Get($"{Afspraken}/{afspraak.Id}", opvolger);
        gelezen.Status.ShouldBe(200, gelezen.Tekst);
        gelezen.Json["werkgever"]!["kvkNummer"]!.GetValue<string>().ShouldBe(Testdata.AndereKvk);
        gelezen.Json["ondertekening"]!["volledig"]!.GetValue<bool>().ShouldBeTrue();
        (await Get($"/v1/werkgevers/{Testdata.AndereKvk}", Tokens.Auditor())).Json["overnames"]![0]!["kvkNummer"]!.GetValue<string>().ShouldBe(Testdata.Kvk);
        (await Get($"{Afspraken}/{afspraak.Id}/historie", Tokens.Auditor())).Json["gebeurtenissen"]!.AsArray().Last()!["type"]!.GetValue<string>()
            .ShouldBe("afspraak_overgegaan");
    }

    [Fact]
    public async Task weigeringen_bij_een_fusie()
    {
        await WerkgeverGeregistreerd();
        object Verzoek(string opgegaanIn = Testdata.AndereKvk) => new { opgegaanIn, datum = "2025-07-01", reden = "Fusie" };

        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), token: null)).Probleem(401);
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Regiopartij(), IfMatch(1))).Probleem(403);
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Werkgever(), IfMatch(1))).Probleem(403);
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Beheerder(), IfMatch(1))).OngeldigeVelden().ShouldBe(["opgegaanIn"]);
        (await Post("/v1/werkgevers/01234567/samenvoeging", new { opgegaanIn = "01234567" }, Tokens.Beheerder(), IfMatch(1))).OngeldigeVelden()
            .ShouldBe(["opgegaanIn", "datum", "reden"], ignoreOrder: true);
        await WerkgeverGeregistreerd(Testdata.AndereKvk);
        (await Post("/v1/werkgevers/99999999/samenvoeging", Verzoek(), Tokens.Beheerder(), IfMatch(1))).Probleem(404);
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Beheerder())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Beheerder(), IfMatch(4))).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Beheerder(), IfMatch(1))).Status.ShouldBe(200);
        (await Post("/v1/werkgevers/01234567/samenvoeging", Verzoek(), Tokens.Beheerder(), IfMatch(2))).ProbleemCode(409).ShouldBe("werkgever-niet-actief");
    }
}

public sealed class Werkgevers_zoeken_en_dubbelen(ApiFixture fixture) : IntegratieTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (kvk, naam) in new[] { ("01234567", "Bouwbedrijf Noord B.V."), ("01299999", "Zorggroep Oost"), ("76543210", "Bakkerij De Gouden Korst") })
        {
            (await Post("/v1/werkgevers", Testdata.Werkgever(kvk, naam), Tokens.Beheerder())).Status.ShouldBe(201);
        }
    }

    [Fact]
    public async Task op_naam_of_begin_van_het_kvk_nummer_met_alleen_wat_een_formulier_nodig_heeft()
    {
        var opNaam = await Get("/v1/werkgevers?zoek=bouwbedrijf", Tokens.Regiopartij());
        opNaam.Status.ShouldBe(200, opNaam.Tekst);
        var treffer = opNaam.Json["werkgevers"]!.AsArray().ShouldHaveSingleItem()!;
        treffer["kvkNummer"]!.GetValue<string>().ShouldBe("01234567");
        treffer.AsObject().Select(p => p.Key).ShouldBe(["kvkNummer", "naam", "status"], ignoreOrder: true);

        (await Get("/v1/werkgevers?zoek=Zorgroep%20Oost", Tokens.Auditor())).Json["werkgevers"]![0]!["kvkNummer"]!.GetValue<string>().ShouldBe("01299999");
        (await Get("/v1/werkgevers?zoek=012", Tokens.Beheerder())).Json["werkgevers"]!.AsArray().Select(w => w!["kvkNummer"]!.GetValue<string>())
            .ShouldBe(["01234567", "01299999"]);
        (await Get("/v1/werkgevers?zoek=012&aantal=1", Tokens.Beheerder())).Json["aantal"]!.GetValue<int>().ShouldBe(1);
        (await Get("/v1/werkgevers?zoek=%25%25%25", Tokens.Beheerder())).Json["aantal"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task wie_mag_zoeken_en_wat_te_kort_is()
    {
        (await Get("/v1/werkgevers?zoek=bouw", Tokens.Werkgever())).Probleem(403);
        (await Get("/v1/werkgevers?zoek=bouw")).Probleem(401);
        (await Get("/v1/werkgevers?zoek=bo&aantal=99", Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["zoek", "aantal"], ignoreOrder: true);
        (await Get("/v1/werkgevers?zoek=0", Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["zoek"]);
        (await Get("/v1/werkgevers", Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["zoek"]);
    }

    [Fact]
    public async Task een_sterk_gelijkende_naam_geeft_een_waarschuwing_die_een_regiopartij_toont_welke()
    {
        var antwoord = await Post("/v1/werkgevers", Testdata.Werkgever("11111111", "BOUWBEDRIJF NOORD BV"), Tokens.Regiopartij());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        var waarschuwing = antwoord.Json["waarschuwingen"]!.AsArray().ShouldHaveSingleItem()!;
        waarschuwing["code"]!.GetValue<string>().ShouldBe("vergelijkbare-naam");
        waarschuwing["werkgevers"]![0]!["kvkNummer"]!.GetValue<string>().ShouldBe("01234567");
        waarschuwing["werkgevers"]![0]!["gelijkenis"]!.GetValue<double>().ShouldBe(1.0);
        (await Get("/v1/werkgevers/11111111", Tokens.Auditor())).Json["waarschuwingen"].ShouldBeNull();
    }

    [Fact]
    public async Task een_werkgever_hoort_alleen_dat_er_een_gelijkende_naam_is_en_een_andere_naam_geeft_geen_waarschuwing()
    {
        var zelf = await Post("/v1/werkgevers", Testdata.Werkgever("22222222", "Bouwbedrijf Noorden"), Tokens.Werkgever("22222222"));
        zelf.Status.ShouldBe(201, zelf.Tekst);
        var waarschuwing = zelf.Json["waarschuwingen"]!.AsArray().ShouldHaveSingleItem()!;
        waarschuwing["werkgevers"]!.AsArray().ShouldBeEmpty();
        waarschuwing["detail"]!.GetValue<string>().ShouldNotContain("01234567");

        var anders = await Post("/v1/werkgevers", Testdata.Werkgever("33333333", "Schoonmaakbedrijf Zuid"), Tokens.Regiopartij());
        anders.Status.ShouldBe(201, anders.Tekst);
        anders.Json["waarschuwingen"].ShouldBeNull();
    }

    [Fact]
    public async Task zoeken_en_de_dubbelvraag_gebruiken_een_index()
    {
        await using var verbinding = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using (var uit = new Npgsql.NpgsqlCommand("set enable_seqscan = off", verbinding)) await uit.ExecuteNonQueryAsync();
        foreach (var (vraag, index) in new[]
                 {
                     ("select 1 from samenwerkingsafspraken.mt_doc_werkgever where data -> 'trigrammen' ?| array['  b', ' bo', 'bou']", "mt_doc_werkgever_idx_trigrammen"),
                     ("select 1 from samenwerkingsafspraken.mt_doc_werkgever as d where d.data ->> 'kvkNummer' like '012%'", "mt_doc_werkgever_idx_kvknummer_prefix"),
                 })
        {
            await using var opdracht = new Npgsql.NpgsqlCommand("explain " + vraag, verbinding);
            await using var lezer = await opdracht.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await lezer.ReadAsync()) plan.Add(lezer.GetString(0));
            string.Join("\n", plan).ShouldContain(index, customMessage: vraag);
        }
    }

    [Fact]
    public async Task het_schema_hangt_van_geen_extensie_af_zodat_een_dump_ervan_overal_terug_te_zetten_is()
    {
        await using var verbinding = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using var opdracht = new Npgsql.NpgsqlCommand(
            """
            select c.relname || ' ' || o.opcname
            from pg_index i
            join pg_class c on c.oid = i.indexrelid
            join pg_namespace n on n.oid = c.relnamespace
            cross join lateral unnest(i.indclass::oid[]) as k(opclass)
            join pg_opclass o on o.oid = k.opclass
            join pg_namespace opn on opn.oid = o.opcnamespace
            where n.nspname in ('samenwerkingsafspraken', 'integriteit') and opn.nspname <> 'pg_catalog'
            """, verbinding);
        var vreemd = new List<string>();
        await using var lezer = await opdracht.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) vreemd.Add(lezer.GetString(0));
        vreemd.ShouldBeEmpty("an index with an operator class from an extension makes a dump of the schema fail to restore where the extension is not installed");
    }
}
