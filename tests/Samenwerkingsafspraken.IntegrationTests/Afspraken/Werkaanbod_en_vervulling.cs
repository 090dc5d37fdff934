using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Werkaanbod;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>The work an agreement offers, how many places were filled per quarter, and the overview per region and nationally.</summary>
public sealed class Werkaanbod_en_vervulling(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly DateTimeOffset EersteKwartaalAfgelopen = new(2025, 4, 10, 10, 0, 0, TimeSpan.FromHours(2));

    private static readonly WerkaanbodVerzoek[] Aanbod =
    [
        new("bouw", "Timmerman", "praktijkroute", 4, new DateOnly(2025, 1, 1)),
        new("schoonmaak-en-facilitair", null, null, 2, new DateOnly(2025, 7, 1)),
    ];

    private async Task<SamenwerkingsafspraakWeergave> MetWerkaanbod(string kvk = Testdata.Kvk, string regio = Testdata.Groningen,
        string oin = Testdata.GemeenteGroningen)
    {
        var regiopartij = Tokens.Regiopartij(oin, regio);
        (await Post("/v1/werkgevers", Testdata.Werkgever(kvk), regiopartij)).Status.ShouldBe(201);
        var concept = await Post(Afspraken, Testdata.Afspraak(kvk, regio, oin) with { Werkaanbod = Aanbod }, regiopartij);
        concept.Status.ShouldBe(201, concept.Tekst);
        var id = concept.Als<SamenwerkingsafspraakWeergave>().Id;
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever(kvk))).Status.ShouldBe(200);
        var actief = await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, regiopartij);
        actief.Status.ShouldBe(200, actief.Tekst);
        return actief.Als<SamenwerkingsafspraakWeergave>();
    }

    private static object Melding(string periode, long versie, params object[] regels) => new { periode, regels, versie };

    private static object Regel(string sector, string? functie, int vervuld) => new { sector, functie, vervuld };

    [Fact]
    public async Task een_afspraak_biedt_werk_aan_en_een_partij_meldt_per_afgelopen_kwartaal_hoeveel_plaatsen_vervuld_waren()
    {
        var afspraak = await MetWerkaanbod();
        afspraak.Werkaanbod.ShouldBe([
            new Werkaanbodregel("bouw", "Timmerman", "praktijkroute", 4, new DateOnly(2025, 1, 1)),
            new Werkaanbodregel("schoonmaak-en-facilitair", null, null, 2, new DateOnly(2025, 7, 1)),
        ]);
        afspraak.Status.ShouldBe(AfspraakStatus.Actief);

        Tijd.Zet(EersteKwartaalAfgelopen);
        var gemeld = await Post($"{Afspraken}/{afspraak.Id}/vervullingen", Melding("2025-K1", afspraak.Versie, Regel("bouw", "timmerman", 3)), Tokens.Werkgever());
        gemeld.Status.ShouldBe(200, gemeld.Tekst);
        var vervulling = gemeld.Als<SamenwerkingsafspraakWeergave>().Vervullingen.ShouldHaveSingleItem();
        vervulling.Periode.ShouldBe("2025-K1");
        vervulling.Regels.ShouldBe([new Vervulling("bouw", "Timmerman", "praktijkroute", 4, 3)]);

        var correctie = await Post($"{Afspraken}/{afspraak.Id}/vervullingen/2025-K1/correcties",
            new { reden = "Een plaatsing te laat doorgegeven", regels = new[] { Regel("bouw", "Timmerman", 4) }, versie = gemeld.Versie }, Tokens.Regiopartij());
        correctie.Status.ShouldBe(200, correctie.Tekst);
        correctie.Als<SamenwerkingsafspraakWeergave>().Vervullingen.Single().ShouldSatisfyAllConditions(
            v => v.Correcties.ShouldBe(1), v => v.Regels.Single().Vervuld.ShouldBe(4));

        var historie = (await Get($"{Afspraken}/{afspraak.Id}/historie", Tokens.Auditor())).Json["gebeurtenissen"]!.AsArray();
        historie.Select(r => r!["type"]!.GetValue<string>()).TakeLast(2).ShouldBe(["vervulling_geregistreerd", "vervulling_gecorrigeerd"]);
        historie[^2]!["omschrijving"]!.GetValue<string>().ShouldBe("Vervulling van het werkaanbod over 2025-K1 geregistreerd: 3 van 4 plaats(en) vervuld.");
        historie[^1]!["reden"]!.GetValue<string>().ShouldBe("Een plaatsing te laat doorgegeven");
    }

    [Fact]
    public async Task het_werkaanbod_verandert_met_een_wijziging_die_iedereen_opnieuw_ondertekent()
    {
        var afspraak = await MetWerkaanbod();
        var inhoud = Testdata.Afspraak() with { Werkaanbod = [Aanbod[0] with { AantalPlaatsen = 6 }] };

        var gewijzigd = await Post($"{Afspraken}/{afspraak.Id}/wijzigingen", new
        {
            reden = "Meer plaatsen", inhoud.Titel, inhoud.WerkgeverContactrol, inhoud.Regiopartijen, inhoud.Werkafspraken, inhoud.Doelgroepen, inhoud.Beroepen,
            inhoud.Doelstellingen, inhoud.Looptijd, inhoud.Werkaanbod, versie = afspraak.Versie,
        }, Tokens.Regiopartij());

        gewijzigd.Status.ShouldBe(200, gewijzigd.Tekst);
        var weergave = gewijzigd.Als<SamenwerkingsafspraakWeergave>();
        weergave.Werkaanbod.ShouldHaveSingleItem().AantalPlaatsen.ShouldBe(6);
        weergave.Ondertekening.Volledig.ShouldBeFalse();
        var verschillen = await Get($"{Afspraken}/{afspraak.Id}/verschillen?van={afspraak.Versie}&tot={weergave.Versie}", Tokens.Auditor());
        verschillen.Json["velden"]!.AsArray().Select(v => v!["veld"]!.GetValue<string>()).ShouldContain("werkaanbod");
    }

    [Fact]
    public async Task weigeringen_bij_het_werkaanbod_en_de_vervulling()
    {
        (await Post(Afspraken, Testdata.Afspraak() with
            {
                Werkaanbod = [new("ruimtevaart", null, "basisbaan", 0, new DateOnly(2030, 1, 1)), new("bouw", null, null, null, null), new("bouw", " ", null, 1,
                    new DateOnly(2025, 2, 1))],
            }, Tokens.Regiopartij()))
            .OngeldigeVelden().ShouldBe(["werkgever", "werkaanbod[0].sector", "werkaanbod[0].variantCode", "werkaanbod[0].aantalPlaatsen", "werkaanbod[0].vanaf",
                "werkaanbod[1].aantalPlaatsen", "werkaanbod[1].vanaf", "werkaanbod[2].functie"], ignoreOrder: true);

        var afspraak = await MetWerkaanbod();
        var pad = $"{Afspraken}/{afspraak.Id}/vervullingen";
        Tijd.Zet(EersteKwartaalAfgelopen);

        (await Post(pad, Melding("2025-K1", afspraak.Versie, Regel("bouw", "Timmerman", 1)))).Probleem(401);
        (await Post(pad, Melding("2025-K1", afspraak.Versie, Regel("bouw", "Timmerman", 1)), Leeuwarden)).ProbleemCode(403).ShouldBe("geen-partij");
        (await Post(pad, Melding("2025-K1", afspraak.Versie, Regel("bouw", "Timmerman", 1)), Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Post($"{Afspraken}/{Guid.NewGuid()}/vervullingen", Melding("2025-K1", 1, Regel("bouw", "Timmerman", 1)), Tokens.Werkgever())).Probleem(404);
        (await Post(pad, new { periode = "2025-K9", regels = new[] { new { sector = "", vervuld = -1 } }, versie = afspraak.Versie }, Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["periode", "regels[0].sector", "regels[0].vervuld"], ignoreOrder: true);
        (await Post(pad, Melding("2025-K2", afspraak.Versie, Regel("bouw", "Timmerman", 1)), Tokens.Werkgever())).ProbleemCode(400).ShouldBe("periode-niet-afgelopen");
        (await Post(pad, Melding("2025-K1", afspraak.Versie, Regel("bouw", "Metselaar", 1), Regel("bouw", "Timmerman", 5)), Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["regels[0].functie", "regels[1].vervuld"]);
        (await Post(pad, new { periode = "2025-K1", regels = new[] { Regel("bouw", "Timmerman", 1) } }, Tokens.Werkgever())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post(pad, Melding("2025-K1", afspraak.Versie - 1, Regel("bouw", "Timmerman", 1)), Tokens.Werkgever())).ProbleemCode(409).ShouldBe("versie-verouderd");

        var gemeld = await Post(pad, Melding("2025-K1", afspraak.Versie, Regel("bouw", "Timmerman", 1)), Tokens.Werkgever());
        gemeld.Status.ShouldBe(200, gemeld.Tekst);
        (await Post(pad, Melding("2025-K1", gemeld.Versie, Regel("bouw", "Timmerman", 2)), Tokens.Werkgever())).ProbleemCode(409).ShouldBe("periode-al-geregistreerd");
        (await Post($"{pad}/2024-K4/correcties", new { reden = "x", regels = new[] { Regel("bouw", "Timmerman", 2) }, versie = gemeld.Versie }, Tokens.Werkgever()))
            .ProbleemCode(404).ShouldBe("periode-niet-geregistreerd");
        (await Post($"{pad}/2025-K1/correcties", new { reden = "x", regels = new[] { Regel("bouw", "Timmerman", 1) }, versie = gemeld.Versie }, Tokens.Werkgever()))
            .ProbleemCode(409).ShouldBe("geen-wijziging");
        (await Post($"{pad}/2025-K1/correcties", new { regels = new[] { Regel("bouw", "Timmerman", 2) }, versie = gemeld.Versie }, Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["reden"]);

        var zonderAanbod = await Actief(Testdata.AndereKvk);
        (await Post($"{Afspraken}/{zonderAanbod.Id}/vervullingen", Melding("2025-K1", zonderAanbod.Versie, Regel("bouw", null, 1)), Tokens.Werkgever(Testdata.AndereKvk)))
            .ProbleemCode(409).ShouldBe("geen-werkaanbod");
        var concept = await Post(Afspraken, Testdata.Afspraak(Testdata.AndereKvk) with { Werkaanbod = Aanbod }, Tokens.Regiopartij());
        (await Post($"{Afspraken}/{concept.Als<SamenwerkingsafspraakWeergave>().Id}/vervullingen", Melding("2025-K1", 1, Regel("bouw", "Timmerman", 1)),
            Tokens.Werkgever(Testdata.AndereKvk))).ProbleemCode(409).ShouldBe("nog-concept");
    }

    [Theory]
    [InlineData("0001-K1")]
    [InlineData("9999-K4")]
    [InlineData("2100-K4")]
    [InlineData("2000-K1")]
    [InlineData("10000-K1")]
    public async Task een_kwartaal_aan_het_eind_van_de_kalender_is_een_400_die_de_periode_noemt_en_legt_niets_vast(string periode)
    {
        var afspraak = await MetWerkaanbod();
        Tijd.Zet(EersteKwartaalAfgelopen);
        var voor = await AantalGebeurtenissen();

        var antwoord = await Post($"{Afspraken}/{afspraak.Id}/vervullingen", Melding(periode, afspraak.Versie, Regel("bouw", "Timmerman", 1)),
            Tokens.Werkgever());

        antwoord.OngeldigeVelden().ShouldBe(["periode"], antwoord.Tekst);
        (await Post($"{Afspraken}/{afspraak.Id}/vervullingen/{periode}/correcties",
                new { reden = "Telfout", regels = new[] { Regel("bouw", "Timmerman", 1) }, versie = afspraak.Versie }, Tokens.Werkgever()))
            .ProbleemCode(404).ShouldBe("periode-niet-geregistreerd");
        (await AantalGebeurtenissen()).ShouldBe(voor);
        (await Get($"{Afspraken}/{afspraak.Id}", Tokens.Auditor())).Versie.ShouldBe(afspraak.Versie);
    }

    private async Task<long> AantalGebeurtenissen()
    {
        await using var session = Service<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    [Fact]
    public async Task het_overzicht_zet_aangeboden_tegen_vervulde_plaatsen_per_regio_en_landelijk_met_export()
    {
        var groningen = await MetWerkaanbod();
        await MetWerkaanbod(Testdata.AndereKvk, Testdata.Friesland, Testdata.GemeenteLeeuwarden);
        Tijd.Zet(new DateTimeOffset(2025, 10, 3, 10, 0, 0, TimeSpan.FromHours(2)));
        (await Post($"{Afspraken}/{groningen.Id}/vervullingen", Melding("2025-K3", groningen.Versie, Regel("bouw", "Timmerman", 3),
            Regel("schoonmaak-en-facilitair", null, 1)), Tokens.Werkgever())).Status.ShouldBe(200);
        await AsynchroneProjectiesBijgewerkt();

        var landelijk = await Get("/v1/werkaanbod", Tokens.Werkgever(Testdata.AndereKvk));
        landelijk.Status.ShouldBe(200, landelijk.Tekst);
        var overzicht = landelijk.Als<Werkaanbodoverzicht>();
        overzicht.Periode.ShouldBe("2025-K3", "standaard het laatste afgelopen kwartaal");
        overzicht.Totaal.ShouldBe(new Werkaanbodrij(null, null, null, 2, 12, 6, 4, 66.7m));
        overzicht.PerSectorEnVariant.ShouldBe([
            new Werkaanbodrij(null, "bouw", "praktijkroute", 2, 8, 4, 3, 75m),
            new Werkaanbodrij(null, "schoonmaak-en-facilitair", null, 2, 4, 2, 1, 50m),
        ]);
        overzicht.PerRegio.ShouldBe([new Werkaanbodrij("AM01", null, null, 1, 6, 6, 4, 66.7m), new Werkaanbodrij("AM02", null, null, 1, 6, 0, 0, null)]);

        var regio = (await Get("/v1/werkaanbod?arbeidsmarktregio=AM02&periode=2025-K1", Tokens.Beheerder())).Als<Werkaanbodoverzicht>();
        regio.Totaal.ShouldBe(new Werkaanbodrij(null, null, null, 1, 4, 0, 0, null), "in het eerste kwartaal alleen het bouwwerk, nog niet gemeld");
        (await Get("/v1/werkaanbod?sector=bouw&variant=praktijkroute", Leeuwarden)).Als<Werkaanbodoverzicht>().Totaal.Aangeboden.ShouldBe(8);

        var csv = (await Download("/v1/werkaanbod/export?formaat=csv&periode=2025-K3", Tokens.Auditor())).CsvRecords();
        csv.Count.ShouldBe(4);
        csv[0]["Arbeidsmarktregio"].ShouldBe("AM01");
        csv[0]["Sector"].ShouldBe("bouw");
        csv[0]["Variant"].ShouldBe("praktijkroute");
        csv[0]["Aangeboden plaatsen"].ShouldBe("4");
        csv[0]["Vervulde plaatsen"].ShouldBe("3");
        csv[0]["Percentage vervuld"].ShouldBe("75");
        var xlsx = await Download("/v1/werkaanbod/export?formaat=xlsx&arbeidsmarktregio=AM01", Tokens.Auditor());
        xlsx.Bestandsnaam.ShouldBe("werkaanbod-AM01-2025-K3-2025-10-03.xlsx");
        using var werkboek = xlsx.Werkboek();
        werkboek.Worksheet(1).Cell(2, 5).GetDouble().ShouldBe(4);
    }

    [Fact]
    public async Task weigeringen_bij_het_overzicht()
    {
        (await Get("/v1/werkaanbod")).Probleem(401);
        (await Get("/v1/werkaanbod?periode=2025-K9&sector=ruimtevaart&arbeidsmarktregio=Groningen&variant=Praktijk%20Route", Tokens.Auditor()))
            .OngeldigeVelden().ShouldBe(["periode", "sector", "arbeidsmarktregio", "variant"], ignoreOrder: true);
        (await Get("/v1/werkaanbod/export?periode=2025-K9", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["periode", "formaat"], ignoreOrder: true);
        (await Get("/v1/werkaanbod?arbeidsmarktregio=AM99", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["arbeidsmarktregio"]);
        (await Get("/v1/werkaanbod/export?formaat=csv&arbeidsmarktregio=AM99", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["arbeidsmarktregio"]);
        (await Get("/v1/werkaanbod/export?formaat=csv")).Probleem(401);
    }
}
