using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Werkgevers;

public sealed class Werkgever_registreren(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_regiopartij_registreert_een_werkgever_en_die_is_daarna_op_te_vragen()
    {
        var antwoord = await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        antwoord.Header("Location").ShouldBe("/v1/werkgevers/01234567");
        antwoord.Header("ETag").ShouldBe("\"1\"");

        var opgevraagd = await Get("/v1/werkgevers/01234567", Tokens.Auditor());
        opgevraagd.Status.ShouldBe(200);
        opgevraagd.Json["kvkNummer"]!.GetValue<string>().ShouldBe("01234567");
        opgevraagd.Json["naam"]!.GetValue<string>().ShouldBe("Bouwbedrijf Noord B.V.");
        opgevraagd.Json["vestigingen"]![0]!["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM01");
    }

    [Fact]
    public async Task een_kvk_nummer_met_voorloopnul_blijft_tekst()
    {
        (await Post("/v1/werkgevers", Testdata.Werkgever("00000042"), Tokens.Werkgever("00000042"))).Status.ShouldBe(201);

        (await Get("/v1/werkgevers/00000042", Tokens.Werkgever("00000042"))).Json["kvkNummer"]!.GetValue<string>().ShouldBe("00000042");
    }

    [Fact]
    public async Task een_tweede_registratie_van_hetzelfde_kvk_nummer_is_409()
    {
        await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij());

        var tweede = await Post("/v1/werkgevers", Testdata.Werkgever(naam: "Iemand anders"), Tokens.Beheerder());

        tweede.ProbleemCode(409).ShouldBe("bestaat-al");
        (await Get("/v1/werkgevers/01234567", Tokens.Auditor())).Json["naam"]!.GetValue<string>().ShouldBe("Bouwbedrijf Noord B.V.");
    }

    [Fact]
    public async Task ongeldige_invoer_geeft_400_met_alle_fouten_tegelijk()
    {
        var verzoek = new
        {
            kvkNummer = "1234567",
            naam = new string('x', 201),
            sector = "ruimtevaart",
            soort = "half",
            netwerken = new[] { "vno" },
            vestigingen = new[] { new { vestigingsnummer = "12", arbeidsmarktregio = "AM04" } },
        };

        var velden = (await Post("/v1/werkgevers", verzoek, Tokens.Beheerder())).OngeldigeVelden();

        velden.ShouldBe(
            ["kvkNummer", "naam", "sector", "soort", "netwerken[0]", "vestigingen[0].vestigingsnummer", "vestigingen[0].arbeidsmarktregio"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task kapotte_json_is_400_en_geen_500()
    {
        var antwoord = await Post("/v1/werkgevers", "{\"kvkNummer\": ", Tokens.Beheerder());

        antwoord.ProbleemCode(400).ShouldBe("ongeldige-json");
    }

    [Fact]
    public async Task zonder_token_is_401()
    {
        (await Post("/v1/werkgevers", Testdata.Werkgever(), token: null)).ProbleemCode(401).ShouldBe("niet-geauthenticeerd");
    }

    [Fact]
    public async Task een_werkgever_registreert_alleen_zichzelf()
    {
        var antwoord = await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Werkgever(Testdata.AndereKvk));

        antwoord.ProbleemCode(403).ShouldBe("andere-werkgever");
        (await Get("/v1/werkgevers/01234567", Tokens.Auditor())).Status.ShouldBe(404);
    }

    [Fact]
    public async Task een_auditor_registreert_geen_werkgevers()
    {
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Auditor())).Probleem(403);
    }
}

public sealed class Werkgever_opvragen(ApiFixture fixture) : IntegratieTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
    }

    [Fact]
    public async Task een_werkgever_ziet_zichzelf_maar_geen_andere_werkgever()
    {
        (await Get("/v1/werkgevers/01234567", Tokens.Werkgever())).Status.ShouldBe(200);
        (await Get("/v1/werkgevers/01234567", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
    }

    [Fact]
    public async Task een_onbekende_werkgever_is_404_en_een_ongeldig_kvk_nummer_400()
    {
        (await Get("/v1/werkgevers/99999999", Tokens.Auditor())).Probleem(404);
        (await Get("/v1/werkgevers/123", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["kvkNummer"]);
    }

    [Fact]
    public async Task zonder_token_is_401()
    {
        (await Get("/v1/werkgevers/01234567")).Probleem(401);
    }

    [Fact]
    public async Task een_token_van_een_andere_uitgever_is_401()
    {
        var vreemd = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(Path.Combine(Path.GetTempPath(), $"vreemd-{Guid.NewGuid():N}.pem"));
        var token = vreemd.Mint(Samenwerkingsafspraken.Infrastructure.Security.Authentication.DefaultAudience, "auditor", "indringer");

        (await Get("/v1/werkgevers/01234567", token)).Probleem(401);
    }

    [Fact]
    public async Task een_token_voor_een_andere_audience_is_401()
    {
        var token = Fixture.Uitgever.Mint("een-andere-api", "auditor", "auditor");

        (await Get("/v1/werkgevers/01234567", token)).Probleem(401);
    }
}
