using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties.Zoeken;

namespace Samenwerkingsafspraken.IntegrationTests.Referenties;

/// <summary>
/// The national search for what works: the proven agreements of the whole country, for every region and auditor,
/// but of an employer's agreements only what it consented to (or what is the region's own).
/// </summary>
public sealed class Wat_werkt_landelijk(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Zoeken = "/v1/bewezen-afspraken";
    private const string Bouw = "11111111";
    private const string Zorg = "22222222";
    private const string Stil = "44444444";

    private string Groningen => Tokens.Regiopartij();

    /// <summary>
    /// Groningen: a proven building agreement (consented) and a proven one of an employer that did not consent;
    /// Friesland: a proven care agreement (consented); Drenthe: an active agreement that is not proven.
    /// </summary>
    private async Task<(Guid Bouw, Guid Zorg, Guid Stil)> Landschap()
    {
        var bouw = await BewezenIn(Bouw, "Bouwbedrijf Noord B.V.", "bouw", Testdata.Groningen, Testdata.GemeenteGroningen, "Samen naar werk in de bouw",
            "Jobcoach van het SW-bedrijf in de eerste drie maanden.", "banenafspraak");
        var zorg = await BewezenIn(Zorg, "Zorggroep Zuid", "zorg-en-welzijn", Testdata.Friesland, Testdata.GemeenteLeeuwarden, "Leerwerkplekken in de zorg",
            "Een buddy op de afdeling.", "participatiewet");
        var stil = await BewezenIn(Stil, "Stille Bouwers B.V.", "bouw", Testdata.Groningen, Testdata.GemeenteGroningen, "Timmeren met begeleiding",
            "Jobcoach op locatie.", "banenafspraak");
        await WerkgeverGeregistreerd("33333333");
        var drenthe = await Post(Afspraken, Testdata.Afspraak("33333333", Testdata.Drenthe, Testdata.GemeenteAssen), Assen);
        drenthe.Status.ShouldBe(201, drenthe.Tekst);

        await Toestemming(Bouw, true, 1);
        await Toestemming(Zorg, true, 1);
        return (bouw, zorg, stil);
    }

    private async Task<Guid> BewezenIn(string kvk, string naam, string sector, string regio, string oin, string titel, string maatwerk, string doelgroep)
    {
        // Each agreement starts at the start of 2025, also when the one before it moved the clock on: months active and
        // evidence count from the activation, so an agreement activated after its results would not be proven.
        Tijd.Zet(ApiFixture.Starttijd);
        var regiopartij = Tokens.Regiopartij(oin, regio);
        (await Post("/v1/werkgevers", Testdata.Werkgever(kvk, naam, sector), regiopartij)).Status.ShouldBe(201);
        var verzoek = Testdata.Afspraak(kvk, regio, oin) with
        {
            Titel = titel,
            Werkafspraken =
            [
                new WerkafspraakVerzoek("praktijkroute", new() { ["aantalPlaatsen"] = Testdata.Json(4), ["mboKwalificatie"] = Testdata.Json("Timmerman") }, null),
                new WerkafspraakVerzoek("externe-jobcoaching", new() { ["urenPerWeek"] = Testdata.Json(2.5) }, maatwerk),
            ],
            Doelgroepen = [doelgroep],
        };
        var id = (await Post(Afspraken, verzoek, regiopartij)).Als<SamenwerkingsafspraakWeergave>().Id;
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever(kvk))).Status.ShouldBe(200);
        var versie = (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, regiopartij)).Versie;
        foreach (var (kwartaal, maand) in new[] { ("2025-K1", 4), ("2025-K2", 7), ("2025-K3", 10), ("2025-K4", 13) })
        {
            Tijd.Zet(new DateTimeOffset(2025 + (maand - 1) / 12, (maand - 1) % 12 + 1, 5, 10, 0, 0, TimeSpan.FromHours(1)));
            var gemeten = await Post($"{Afspraken}/{id}/resultaten", Resultaten(kwartaal, 2, versie, zes: 2, twaalf: 1), regiopartij);
            gemeten.Status.ShouldBe(200, gemeten.Tekst);
            versie = gemeten.Versie;
        }

        Tijd.Zet(NaEenJaar);
        foreach (var token in new[] { Tokens.Werkgever(kvk), regiopartij })
        {
            var evaluatie = await Post($"{Afspraken}/{id}/evaluaties",
                new { oordeel = "succesvol", lessen = "Korte lijnen werkten.", aanbevolenVoorHergebruik = true, versie }, token);
            evaluatie.Status.ShouldBe(200, evaluatie.Tekst);
            versie = evaluatie.Versie;
        }

        return id;
    }

    private async Task Toestemming(string kvk, bool vindbaar, long versie)
    {
        var antwoord = await Post($"/v1/werkgevers/{kvk}/vindbaarheid", new { vindbaar, versie }, Tokens.Werkgever(kvk));
        antwoord.Status.ShouldBe(200, antwoord.Tekst);
    }

    private static IReadOnlyList<Guid> Ids(Antwoord antwoord)
    {
        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        return antwoord.Json["afspraken"]!.AsArray().Select(a => Guid.Parse(a!["afspraakId"]!.GetValue<string>())).ToList();
    }

    private static Dictionary<string, int> Facet(JsonNode lijst, string naam) =>
        lijst["facetten"]![naam]!.AsArray().ToDictionary(f => f!["waarde"]!.GetValue<string>(), f => f!["aantal"]!.GetValue<int>());

    [Fact]
    public async Task een_andere_regio_vindt_alleen_de_bewezen_afspraken_van_werkgevers_die_toestemming_gaven()
    {
        var (bouw, zorg, stil) = await Landschap();

        var friesland = await Get(Zoeken, Leeuwarden);
        Ids(friesland).ShouldBe([bouw, zorg], ignoreOrder: true);
        friesland.Json["aantal"]!.GetValue<int>().ShouldBe(2);
        Facet(friesland.Json, "arbeidsmarktregios").ShouldBe(new Dictionary<string, int> { ["AM01"] = 1, ["AM02"] = 1 });
        Facet(friesland.Json, "sectoren").ShouldBe(new Dictionary<string, int> { ["bouw"] = 1, ["zorg-en-welzijn"] = 1 });
        Facet(friesland.Json, "varianten").ShouldBe(new Dictionary<string, int> { ["externe-jobcoaching"] = 2, ["praktijkroute"] = 2 });

        Ids(await Get(Zoeken, Assen)).ShouldBe([bouw, zorg], ignoreOrder: true);
        Ids(await Get(Zoeken, Groningen)).ShouldBe([bouw, zorg, stil], ignoreOrder: true, "de eigen regio ziet haar eigen afspraken ook zonder toestemming");

        var auditor = await Get(Zoeken, Tokens.Auditor());
        Ids(auditor).ShouldBe([bouw, zorg, stil], ignoreOrder: true);
        auditor.Json["afspraken"]!.AsArray().Single(a => a!["afspraakId"]!.GetValue<string>() == stil.ToString())!["vindbaar"]!.GetValue<bool>().ShouldBeFalse();

        await Toestemming(Bouw, false, 2);
        Ids(await Get(Zoeken, Leeuwarden)).ShouldBe([zorg], "na het intrekken van de toestemming is de afspraak onzichtbaar voor andere regio's");
        Ids(await Get($"{Zoeken}?zoek=jobcoach", Leeuwarden)).ShouldBeEmpty();
        Ids(await Get(Zoeken, Groningen)).ShouldBe([bouw, zorg, stil], ignoreOrder: true);
    }

    [Fact]
    public async Task elke_treffer_toont_resultaten_tegen_doelen_en_waarom_zij_bewezen_is()
    {
        var (bouw, _, _) = await Landschap();

        var treffer = (await Get($"{Zoeken}?arbeidsmarktregio=AM01", Leeuwarden)).Json["afspraken"]!.AsArray().ShouldHaveSingleItem()!;

        treffer["afspraakId"]!.GetValue<string>().ShouldBe(bouw.ToString());
        treffer["titel"]!.GetValue<string>().ShouldBe("Samen naar werk in de bouw");
        treffer["werkgever"]!["naam"]!.GetValue<string>().ShouldBe("Bouwbedrijf Noord B.V.");
        treffer["realisatie"]!["plaatsingen"]!.GetValue<int>().ShouldBe(8);
        treffer["realisatie"]!["doelPlaatsingen"]!.GetValue<decimal>().ShouldBe(8m);
        treffer["realisatie"]!["percentagePlaatsingen"]!.GetValue<decimal>().ShouldBe(100m);
        treffer["bewijs"]!["bewezen"]!.GetValue<bool>().ShouldBeTrue();
        treffer["bewijs"]!["criteria"]!.AsArray().Select(c => c!["code"]!.GetValue<string>())
            .ShouldBe(["looptijd", "resultaten", "evaluatie-werkgever", "evaluatie-regiopartij"]);
        treffer["bewijs"]!["criteria"]![0]!["bewijs"]!.GetValue<string>().ShouldContain("12 volle maanden");
        treffer["werkafspraken"]!.AsArray().Count.ShouldBe(2);
        treffer["vindbaar"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task woorden_in_titel_en_maatwerk_worden_gevonden_met_nederlandse_woordstammen()
    {
        var (bouw, zorg, stil) = await Landschap();

        var jobcoach = await Get($"{Zoeken}?zoek=jobcoach", Tokens.Auditor());
        Ids(jobcoach).ShouldBe([bouw, stil], ignoreOrder: true, "het maatwerk van beide noemt een jobcoach");
        jobcoach.Json["zoek"]!.GetValue<string>().ShouldBe("jobcoach");
        jobcoach.Json["afspraken"]![0]!["fragment"]!.GetValue<string>().ShouldContain("«Jobcoach»");

        Ids(await Get($"{Zoeken}?zoek=maand", Tokens.Auditor())).ShouldBe([bouw], "'maand' vindt 'maanden': Nederlandse woordstammen");
        Ids(await Get($"{Zoeken}?zoek=leerwerkplek", Leeuwarden)).ShouldBe([zorg], "'leerwerkplek' vindt 'Leerwerkplekken' in de titel");
        Ids(await Get($"{Zoeken}?zoek=zorg", Leeuwarden)).ShouldBe([zorg]);
        Ids(await Get($"{Zoeken}?zoek=" + Uri.EscapeDataString("bouw -timmeren"), Tokens.Auditor())).ShouldBe([bouw]);
        Ids(await Get($"{Zoeken}?zoek=" + Uri.EscapeDataString("\"naar werk\""), Tokens.Auditor())).ShouldBe([bouw]);
        Ids(await Get($"{Zoeken}?zoek=ruimtevaart", Tokens.Auditor())).ShouldBeEmpty();
        (await Get($"{Zoeken}?zoek=ruimtevaart", Tokens.Auditor())).Json["aantal"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task filters_op_variant_sector_doelgroep_regio_en_periode()
    {
        var (bouw, zorg, _) = await Landschap();

        Ids(await Get($"{Zoeken}?sector=zorg-en-welzijn", Leeuwarden)).ShouldBe([zorg]);
        Ids(await Get($"{Zoeken}?doelgroep=banenafspraak", Leeuwarden)).ShouldBe([bouw]);
        Ids(await Get($"{Zoeken}?variant=praktijkroute&arbeidsmarktregio=AM02", Leeuwarden)).ShouldBe([zorg]);
        Ids(await Get($"{Zoeken}?variant=basisbaan", Leeuwarden)).ShouldBeEmpty();
        Ids(await Get($"{Zoeken}?van=2025-06-01&tot=2025-06-30", Leeuwarden)).ShouldBe([bouw, zorg], ignoreOrder: true);
        Ids(await Get($"{Zoeken}?van=2027-01-01", Leeuwarden)).ShouldBeEmpty();
        var gefilterd = (await Get($"{Zoeken}?sector=bouw", Tokens.Auditor())).Json;
        Facet(gefilterd, "sectoren").ShouldBe(new Dictionary<string, int> { ["bouw"] = 2 });
        Facet(gefilterd, "arbeidsmarktregios").ShouldBe(new Dictionary<string, int> { ["AM01"] = 2 });
    }

    [Fact]
    public async Task pagina_na_pagina_via_de_link_volgende_zonder_iets_dubbel_of_over_te_slaan()
    {
        var (bouw, zorg, stil) = await Landschap();

        foreach (var eerste in new[] { $"{Zoeken}?paginagrootte=1", $"{Zoeken}?paginagrootte=1&zoek=werk%20OR%20zorg%20OR%20timmeren" })
        {
            var gezien = new List<Guid>();
            var url = eerste;
            var paginas = 0;
            while (url is not null)
            {
                var pagina = await Get(url, Tokens.Auditor());
                gezien.AddRange(Ids(pagina));
                pagina.Json["aantal"]!.GetValue<int>().ShouldBe(3);
                url = pagina.Json["volgende"]?.GetValue<string>();
                (++paginas).ShouldBeLessThanOrEqualTo(3, eerste);
            }

            gezien.ShouldBe([bouw, zorg, stil], ignoreOrder: true, eerste);
        }

        (await Get($"{Zoeken}?paginagrootte=2", Tokens.Auditor())).Json["volgende"]!.GetValue<string>().ShouldStartWith("/v1/bewezen-afspraken?paginagrootte=2&na=");
    }

    [Fact]
    public async Task een_afspraak_die_niet_bewezen_is_wordt_nooit_gevonden()
    {
        var actief = await Actief();
        await Toestemming(Testdata.Kvk, true, 1);

        Ids(await Get(Zoeken, Tokens.Auditor())).ShouldNotContain(actief.Id);
        Ids(await Get(Zoeken, Groningen)).ShouldBeEmpty();
    }

    [Fact]
    public async Task weigeringen_bij_het_zoeken()
    {
        (await Get(Zoeken)).Probleem(401);
        (await Get(Zoeken, Tokens.Werkgever())).Probleem(403);
        (await Get(Zoeken, Tokens.Beheerder())).Probleem(403);
        (await Get($"{Zoeken}?zoek=x&sector=ruimtevaart&doelgroep=iedereen&arbeidsmarktregio=Groningen&van=gisteren&paginagrootte=0&na=abc", Groningen))
            .OngeldigeVelden().ShouldBe(["zoek", "sector", "doelgroep", "arbeidsmarktregio", "van", "na", "paginagrootte"], ignoreOrder: true);
        (await Get($"{Zoeken}?paginagrootte=veel", Groningen)).Probleem(400);
        (await Get($"{Zoeken}?arbeidsmarktregio=AM99", Groningen)).OngeldigeVelden().ShouldBe(["arbeidsmarktregio"]);
        (await Get($"{Zoeken}?zoek=%E2%80%AEtimmerman", Groningen)).OngeldigeVelden().ShouldBe(["zoek"]);
        (await Get($"{Zoeken}?zoek=timmer%00man", Groningen)).OngeldigeVelden().ShouldBe(["zoek"]);
    }

    [Fact]
    public async Task de_toestemming_is_een_gebeurtenis_van_de_werkgever_zelf()
    {
        await WerkgeverGeregistreerd();
        const string pad = "/v1/werkgevers/01234567/vindbaarheid";

        (await Get("/v1/werkgevers/01234567", Tokens.Werkgever())).Json["vindbaar"]!.GetValue<bool>().ShouldBeFalse("uit tot de werkgever haar geeft");
        var gegeven = await Post(pad, new { vindbaar = true, reden = "Wij delen graag wat werkt" }, Tokens.Werkgever(), IfMatch(1));
        gegeven.Status.ShouldBe(200, gegeven.Tekst);
        gegeven.Json["vindbaar"]!.GetValue<bool>().ShouldBeTrue();
        gegeven.Json["vindbaarSinds"].ShouldNotBeNull();
        gegeven.Versie.ShouldBe(2);

        (await Post(pad, new { vindbaar = true, versie = 2 }, Tokens.Werkgever())).ProbleemCode(409).ShouldBe("geen-wijziging");
        (await Post(pad, new { vindbaar = false, versie = 1 }, Tokens.Werkgever())).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post(pad, new { vindbaar = false }, Tokens.Werkgever())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post(pad, new { vindbaar = false, versie = 2 }, Tokens.Werkgever(Testdata.AndereKvk))).ProbleemCode(403).ShouldBe("andere-werkgever");
        (await Post(pad, new { vindbaar = false, versie = 2 }, Tokens.Regiopartij())).Probleem(403);
        (await Post(pad, new { vindbaar = false, versie = 2 }, Tokens.Beheerder())).Probleem(403);
        (await Post(pad, new { vindbaar = false, versie = 2 })).Probleem(401);
        (await Post("/v1/werkgevers/99999999/vindbaarheid", new { vindbaar = true, versie = 1 }, Tokens.Werkgever("99999999"))).Probleem(404);
        (await Post("/v1/werkgevers/123/vindbaarheid", new { vindbaar = true, versie = 1 }, Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["kvkNummer"]);
        (await Post(pad, new { reden = new string('x', 2001), versie = 2 }, Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["vindbaar", "reden"], ignoreOrder: true);

        var ingetrokken = await Post(pad, new { vindbaar = false, versie = 2 }, Tokens.Werkgever());
        ingetrokken.Status.ShouldBe(200, ingetrokken.Tekst);
        ingetrokken.Json["vindbaar"]!.GetValue<bool>().ShouldBeFalse();

        var historie = (await Get("/v1/werkgevers/01234567/historie", Tokens.Werkgever())).Json["gebeurtenissen"]!.AsArray();
        historie.Select(r => r!["type"]!.GetValue<string>()).ShouldBe(["werkgever_geregistreerd", "vindbaarheid_toegestaan", "vindbaarheid_ingetrokken"]);
        historie[1]!["reden"]!.GetValue<string>().ShouldBe("Wij delen graag wat werkt");
        historie[1]!["door"]!["rol"]!.GetValue<string>().ShouldBe("werkgever");
    }

    /// <summary>
    /// Exactly the statements the endpoint runs, for the kinds of question it gets, planned by PostgreSQL with
    /// sequential scans priced out: each finds an index that serves it, so none reads the whole table.
    /// </summary>
    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("jobcoach", null, null, false)]
    [InlineData(null, "AM01", null, true)]
    [InlineData("zorg", null, "bouw", true)]
    [InlineData(null, null, "bouw", true)]
    public async Task de_zoekvragen_gebruiken_een_index_en_lezen_nooit_de_hele_tabel(string? zoek, string? regio, string? sector, bool alsRegiopartij)
    {
        await Landschap();
        var filter = new Zoekfilter(zoek, null, sector, null, regio, null, null, null, null);
        var bereik = alsRegiopartij ? new Zoekbereik(false, ["AM02"]) : new Zoekbereik(true, []);
        var serializer = Service<IDocumentStore>().Options.Serializer();

        foreach (var vraag in new[] { Zoekopdracht.Pagina(filter, bereik, serializer.ToCleanJson), Zoekopdracht.Facetten(filter, bereik, serializer.ToCleanJson) })
        {
            var plan = await Plan(vraag);
            plan.ShouldNotContain("Seq Scan", customMessage: plan);
            plan.ShouldMatch(@"(using|on) (mt_doc_referentie_(bewezen|regio_bewezen|zoektekst_nl)|pkey_mt_doc_referentie_id)\b", plan);
            if (alsRegiopartij) plan.ShouldContain(WatWerktOpslag.VindbaarIndex, customMessage: plan);
        }
    }

    private async Task<string> Plan(Sqlvraag vraag)
    {
        await using var verbinding = new NpgsqlConnection(Fixture.ConnectionString);
        await verbinding.OpenAsync();
        await using (var uit = new NpgsqlCommand("set enable_seqscan = off", verbinding)) await uit.ExecuteNonQueryAsync();
        await using var opdracht = new NpgsqlCommand("explain " + vraag.Sql, verbinding);
        foreach (var waarde in vraag.Parameters) opdracht.Parameters.Add(new NpgsqlParameter { Value = waarde });
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var regels = new List<string>();
        while (await lezer.ReadAsync()) regels.Add(lezer.GetString(0));
        return string.Join("\n", regels);
    }
}
