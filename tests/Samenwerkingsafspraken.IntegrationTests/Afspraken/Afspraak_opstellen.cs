using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

public sealed class Afspraak_opstellen(ApiFixture fixture) : IntegratieTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
    }

    [Fact]
    public async Task een_regiopartij_stelt_een_concept_op_in_haar_eigen_regio()
    {
        var antwoord = await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        var afspraak = antwoord.Als<SamenwerkingsafspraakWeergave>();
        antwoord.Header("Location").ShouldBe($"/v1/samenwerkingsafspraken/{afspraak.Id}");
        afspraak.Status.ShouldBe(AfspraakStatus.Concept);
        afspraak.Versie.ShouldBe(1);
        afspraak.Werkgever.Naam.ShouldBe("Bouwbedrijf Noord B.V.");
        afspraak.Werkgever.Sector.ShouldBe("bouw");
        afspraak.Ondertekening.Volledig.ShouldBeFalse();
        afspraak.Ondertekening.Ontbrekend.Select(p => p.Identificatie).ShouldBe([Testdata.Kvk, Testdata.GemeenteGroningen]);
    }

    [Fact]
    public async Task weggelaten_parameters_krijgen_de_standaardwaarde_van_de_variant()
    {
        var afspraak = (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>();

        var jobcoaching = afspraak.Werkafspraken.Single(w => w.VariantCode == "externe-jobcoaching");
        jobcoaching.Parameters["urenPerWeek"].GetDecimal().ShouldBe(2.5m);
        jobcoaching.Parameters["duurInMaanden"].GetInt32().ShouldBe(12);
        afspraak.Werkafspraken.Single(w => w.VariantCode == "praktijkroute").Parameters["praktijkverklaring"].GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task de_opgestelde_afspraak_is_op_te_vragen_met_haar_versie_als_etag()
    {
        var id = (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;

        var opgevraagd = await Get($"/v1/samenwerkingsafspraken/{id}", Tokens.Werkgever());

        opgevraagd.Status.ShouldBe(200);
        opgevraagd.Header("ETag").ShouldBe("\"1\"");
        opgevraagd.Als<SamenwerkingsafspraakWeergave>().Titel.ShouldBe("Samen naar werk in de bouw");
    }

    [Fact]
    public async Task elk_probleem_staat_tegelijk_in_het_antwoord()
    {
        var verzoek = new
        {
            werkgever = "99999999",
            arbeidsmarktregio = "AM04",
            titel = new string('t', 201),
            regiopartijen = new[] { new { oin = "123", naam = "", soort = "ministerie", ondertekent = false } },
            werkafspraken = new object[]
            {
                new { variantCode = "teleportatie" },
                new { variantCode = "praktijkroute", parameters = new { aantalPlaatsen = -1, kleur = "blauw" }, maatwerk = new string('m', 4001) },
                new { variantCode = "externe-jobcoaching", parameters = new { urenPerWeek = "veel" } },
            },
            doelgroepen = new[] { "iedereen" },
            doelstellingen = new { plaatsingenPerJaar = -5, duurzamePlaatsingenPerJaar = 1_000_000 },
            looptijd = new { startdatum = "2026-01-01", einddatum = "2025-01-01" },
        };

        var velden = (await Post("/v1/samenwerkingsafspraken", verzoek, Tokens.Regiopartij())).OngeldigeVelden();

        velden.ShouldBe(
        [
            "werkgever", "arbeidsmarktregio", "titel",
            "regiopartijen", "regiopartijen[0].oin", "regiopartijen[0].naam", "regiopartijen[0].soort",
            "werkafspraken[0].variantCode",
            "werkafspraken[1].maatwerk", "werkafspraken[1].parameters.kleur", "werkafspraken[1].parameters.aantalPlaatsen",
            "werkafspraken[1].parameters.mboKwalificatie",
            "werkafspraken[2].parameters.urenPerWeek",
            "doelgroepen[0]",
            "doelstellingen.plaatsingenPerJaar",
            "doelstellingen.duurzamePlaatsingenPerJaar", "doelstellingen.duurzamePlaatsingenPerJaar",
            "looptijd.einddatum",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task een_afspraak_zonder_werkafspraken_is_ongeldig()
    {
        var verzoek = Testdata.Afspraak() with { Werkafspraken = [] };

        (await Post("/v1/samenwerkingsafspraken", verzoek, Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["werkafspraken"]);
    }

    [Fact]
    public async Task een_looptijd_van_meer_dan_tien_jaar_is_ongeldig()
    {
        var verzoek = Testdata.Afspraak(start: new DateOnly(2025, 1, 1), eind: new DateOnly(2036, 1, 1));

        (await Post("/v1/samenwerkingsafspraken", verzoek, Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["looptijd.einddatum"]);
    }

    [Fact]
    public async Task een_regiopartij_van_een_andere_regio_krijgt_403()
    {
        var antwoord = await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij(Testdata.GemeenteLeeuwarden, Testdata.Friesland));

        antwoord.ProbleemCode(403).ShouldBe("andere-regio");
    }

    [Fact]
    public async Task een_werkgever_stelt_zelf_geen_afspraak_op()
    {
        (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Werkgever())).Probleem(403);
    }

    [Fact]
    public async Task zonder_token_is_401()
    {
        (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), token: null)).Probleem(401);
    }

    [Fact]
    public async Task een_onbekende_afspraak_is_404()
    {
        (await Get($"/v1/samenwerkingsafspraken/{Guid.NewGuid()}", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/samenwerkingsafspraken/geen-guid", Tokens.Auditor())).Probleem(404);
    }

    [Fact]
    public async Task een_andere_werkgever_en_een_andere_regio_zien_de_afspraak_niet()
    {
        var id = (await Post("/v1/samenwerkingsafspraken", Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;

        (await Get($"/v1/samenwerkingsafspraken/{id}", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get($"/v1/samenwerkingsafspraken/{id}", Tokens.Regiopartij(Testdata.GemeenteLeeuwarden, Testdata.Friesland))).Probleem(403);
        (await Get($"/v1/samenwerkingsafspraken/{id}", Tokens.Beheerder())).Probleem(403);
        (await Get($"/v1/samenwerkingsafspraken/{id}", Tokens.Auditor())).Status.ShouldBe(200);
    }
}
