using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Hergebruik;

public sealed class Weigeringen_bij_hergebruik(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_afspraak_die_nog_niet_bewezen_is_wordt_niet_aangeboden_en_het_antwoord_zegt_waarom()
    {
        var actief = await Actief();

        var antwoord = await VraagHergebruik(actief.Id);

        var probleem = antwoord.Probleem(409);
        probleem["code"]!.GetValue<string>().ShouldBe("niet-bewezen");
        probleem["detail"]!.GetValue<string>().ShouldContain("Er zijn nog geen resultaten geregistreerd.");
    }

    [Fact]
    public async Task een_werkgever_vraagt_geen_hergebruik_van_andermans_afspraak()
    {
        var bron = await Bewezen();
        await WerkgeverGeregistreerd(Testdata.AndereKvk);

        (await VraagHergebruik(bron.Id, kvk: Testdata.AndereKvk)).ProbleemCode(403).ShouldBe("andere-werkgever");
    }

    [Fact]
    public async Task de_eigen_regio_een_onbekende_afspraak_en_een_tweede_open_verzoek_worden_geweigerd()
    {
        var bron = await Bewezen();

        (await VraagHergebruik(bron.Id, regio: Testdata.Groningen)).OngeldigeVelden().ShouldBe(["arbeidsmarktregio"]);
        (await VraagHergebruik(Guid.NewGuid())).OngeldigeVelden().ShouldBe(["bronAfspraak"]);
        (await VraagHergebruik(bron.Id)).Status.ShouldBe(201);
        (await VraagHergebruik(bron.Id)).ProbleemCode(409).ShouldBe("al-verzocht");
        (await VraagHergebruik(bron.Id, regio: Testdata.Drenthe)).Status.ShouldBe(201);
    }

    [Fact]
    public async Task van_gelijktijdige_verzoeken_voor_dezelfde_afspraak_en_regio_blijft_er_een_open()
    {
        var bron = await Bewezen();

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => VraagHergebruik(bron.Id)));

        antwoorden.Count(a => a.Status == 201).ShouldBe(1);
        antwoorden.Where(a => a.Status != 201).ShouldAllBe(a => a.Status == 409);
        (await Get("/v1/arbeidsmarktregios/AM02/hergebruikverzoeken?status=open", Leeuwarden)).Json["aantal"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task ongeldige_verzoeken_noemen_elk_probleem()
    {
        var bron = await Bewezen();

        (await Post("/v1/hergebruikverzoeken", new { arbeidsmarktregio = "AM04", toelichting = new string('t', 2001) }, Tokens.Werkgever()))
            .OngeldigeVelden().ShouldBe(["bronAfspraak", "arbeidsmarktregio", "toelichting"], ignoreOrder: true);
        (await VraagHergebruik(bron.Id, maatwerk: new object[]
            {
                new { variantCode = "basisbaan", soort = "parameter", parameter = "aantalBanen", waarde = 2, reden = "x" },
                new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 99 },
                new { variantCode = "praktijkroute", soort = "omdraaien", reden = "x" },
            }))
            .OngeldigeVelden().ShouldBe(["voorgesteldMaatwerk[0].variantCode", "voorgesteldMaatwerk[1].reden", "voorgesteldMaatwerk[1].waarde",
                "voorgesteldMaatwerk[2].soort"], ignoreOrder: true);
        (await Post("/v1/hergebruikverzoeken", new { bronAfspraak = bron.Id, arbeidsmarktregio = "AM02" }, token: null)).Probleem(401);
        (await Post("/v1/hergebruikverzoeken", new { bronAfspraak = bron.Id, arbeidsmarktregio = "AM02" }, Leeuwarden)).Probleem(403);
    }

    [Fact]
    public async Task alleen_de_gevraagde_regio_beslist()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var url = $"/v1/hergebruikverzoeken/{verzoek.Id}/besluit";

        (await Post(url, Accepteren(verzoek.Versie), Assen)).ProbleemCode(403).ShouldBe("andere-regio");
        (await Post(url, Accepteren(verzoek.Versie), Tokens.Regiopartij())).ProbleemCode(403).ShouldBe("andere-regio");
        (await Post(url, Accepteren(verzoek.Versie), Tokens.Werkgever())).Probleem(403);
        (await Post(url, Accepteren(verzoek.Versie), token: null)).Probleem(401);
        (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}", Leeuwarden)).Als<HergebruikverzoekWeergave>().Status.ShouldBe(Verzoekstatus.Open);
    }

    [Fact]
    public async Task een_besluit_noemt_zijn_versie_en_is_volledig()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var url = $"/v1/hergebruikverzoeken/{verzoek.Id}/besluit";

        (await Post($"/v1/hergebruikverzoeken/{Guid.NewGuid()}/besluit", Accepteren(1), Leeuwarden)).Probleem(404);
        (await Post($"/v1/hergebruikverzoeken/{Guid.Empty}/besluit", Accepteren(1), Leeuwarden)).Probleem(404);
        (await Post(url, new { besluit = "afgewezen", reden = "anders", toelichting = "x" }, Leeuwarden)).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post(url, new { besluit = "afgewezen", reden = "anders", toelichting = "x", versie = 9 }, Leeuwarden)).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post(url, new { besluit = "misschien", versie = 1 }, Leeuwarden)).OngeldigeVelden().ShouldBe(["besluit"]);
        (await Post(url, new { besluit = "afgewezen", reden = "zomaar", versie = 1 }, Leeuwarden)).OngeldigeVelden().ShouldBe(["reden", "toelichting"], ignoreOrder: true);
        (await Post(url, new { besluit = "geaccepteerdMetMaatwerk", regiopartijen = new[] { new { oin = "1" } }, versie = 1 }, Leeuwarden))
            .OngeldigeVelden().ShouldBe(["regiopartijen", "regiopartijen[0].oin", "regiopartijen[0].naam", "regiopartijen[0].soort", "looptijd", "maatwerk"],
                ignoreOrder: true);
        (await Post(url, Accepteren(1, new object[] { new { variantCode = "praktijkroute", soort = "verwijderd", reden = "x" },
            new { variantCode = "externe-jobcoaching", soort = "verwijderd", reden = "y" } }), Leeuwarden)).OngeldigeVelden().ShouldBe(["maatwerk"]);
        (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}", Tokens.Auditor())).Als<HergebruikverzoekWeergave>().Versie.ShouldBe(1);
    }

    [Fact]
    public async Task een_variant_die_sinds_de_bron_is_uitgefaseerd_moet_als_maatwerk_worden_vervangen()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        (await Post("/v1/varianten/externe-jobcoaching/uitfasering", new { reden = "Opgegaan in nazorg", versie = 1 }, Tokens.Beheerder())).Status.ShouldBe(200);
        var url = $"/v1/hergebruikverzoeken/{verzoek.Id}/besluit";

        (await Post(url, Accepteren(verzoek.Versie), Leeuwarden)).OngeldigeVelden().ShouldBe(["werkafspraken[1].variantCode"]);

        var vervangen = await Post(url, Accepteren(verzoek.Versie, new object[]
        {
            new { variantCode = "externe-jobcoaching", soort = "verwijderd", reden = "Uitgefaseerd in de catalogus" },
            new { variantCode = "nazorg", soort = "toegevoegd", parameters = new { duurInMaanden = 12 }, reden = "Opvolger van externe jobcoaching" },
        }), Leeuwarden);
        vervangen.Status.ShouldBe(200, vervangen.Tekst);
        (await Lees(vervangen.Als<HergebruikverzoekWeergave>().NieuweAfspraakId!.Value)).Werkafspraken.Select(w => w.VariantCode)
            .ShouldBe(["praktijkroute", "nazorg"]);
    }

    [Fact]
    public async Task een_derde_regio_ziet_het_dossier_niet_en_een_andere_werkgever_ook_niet()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var dossier = $"/v1/hergebruikverzoeken/{verzoek.Id}/referentiedossier";

        (await Get(dossier, Assen)).Probleem(403);
        (await Get(dossier, Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get(dossier, Tokens.Beheerder())).Probleem(403);
        (await Get(dossier)).Probleem(401);
        (await Get($"/v1/hergebruikverzoeken/{Guid.NewGuid()}/referentiedossier", Tokens.Auditor())).Probleem(404);
        (await Get(dossier, Leeuwarden)).Status.ShouldBe(200);
        (await Get(dossier, Tokens.Werkgever())).Status.ShouldBe(200);
        (await Get(dossier, Tokens.Auditor())).Status.ShouldBe(200);
        (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}", Assen)).Probleem(403);
        (await Get("/v1/arbeidsmarktregios/AM02/hergebruikverzoeken", Assen)).Probleem(403);
        (await Get("/v1/arbeidsmarktregios/AM02/hergebruikverzoeken?status=half", Leeuwarden)).OngeldigeVelden().ShouldBe(["status"]);
        (await Get("/v1/arbeidsmarktregios/AM04/hergebruikverzoeken", Tokens.Auditor())).Probleem(404);
    }

    [Fact]
    public async Task de_referentiehistorie_is_alleen_gedeeld_met_regios_die_gevraagd_zijn()
    {
        var bron = await Bewezen();
        var url = $"/v1/werkgevers/{Testdata.Kvk}/referenties";

        (await Get(url, Leeuwarden)).Probleem(403);
        await VraagHergebruik(bron.Id);
        (await Get(url, Leeuwarden)).Status.ShouldBe(200);
        (await Get(url, Assen)).Probleem(403);
        (await Get(url, Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get(url, Tokens.Beheerder())).Status.ShouldBe(200);
        (await Get(url)).Probleem(401);
        (await Get(url, Tokens.Auditor())).Status.ShouldBe(200);
        (await Get("/v1/werkgevers/99999999/referenties", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/werkgevers/123/referenties", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["kvkNummer"]);
    }

    [Fact]
    public async Task de_stamboom_en_de_doorlooptijden_zijn_niet_voor_iedereen()
    {
        var bron = await Bewezen();

        (await Get($"{Afspraken}/{bron.Id}/stamboom", Tokens.Werkgever())).Status.ShouldBe(200);
        (await Get($"{Afspraken}/{bron.Id}/stamboom", Assen)).Probleem(403);
        (await Get($"{Afspraken}/{bron.Id}/stamboom", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get($"{Afspraken}/{bron.Id}/stamboom")).Probleem(401);
        (await Get($"{Afspraken}/{Guid.NewGuid()}/stamboom", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/hergebruikverzoeken/doorlooptijden", Leeuwarden)).Probleem(403);
        (await Get("/v1/hergebruikverzoeken/doorlooptijden")).Probleem(401);
    }

    [Fact]
    public async Task de_regel_voor_bewezen_is_openbaar()
    {
        var regel = await Get("/v1/bewijsregel");

        regel.Status.ShouldBe(200);
        regel.Json["instellingen"]!["minimaleMaandenActief"]!.GetValue<int>().ShouldBe(12);
        regel.Json["omschrijving"]!.GetValue<string>().ShouldContain("12 maanden");
    }
}
