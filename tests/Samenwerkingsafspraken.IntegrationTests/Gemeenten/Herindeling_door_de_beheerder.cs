using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Gemeenten;

public sealed class Herindeling_door_de_beheerder(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static string? RegioVan(Antwoord gemeente) => gemeente.Json["arbeidsmarktregio"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task een_gemeente_gaat_vanaf_een_datum_naar_een_andere_regio_en_elke_opvraging_kent_beide()
    {
        var antwoord = await Post("/v1/gemeenten/GM0050/verplaatsingen",
            new { arbeidsmarktregio = "AM11", geldigVanaf = "2027-01-01", reden = "Zeewolde sluit aan bij Flevoland" }, Tokens.Beheerder(), IfMatch(1));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Header("ETag").ShouldBe("\"2\"");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2026-12-31")).ShouldBe("AM06");
        RegioVan(await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).ShouldBe("AM11");
        (await Get("/v1/arbeidsmarktregios/AM11?peildatum=2027-01-01")).Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldContain("GM0050");
        (await Get("/v1/arbeidsmarktregios/AM06?peildatum=2027-01-01")).Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldNotContain("GM0050");
        (await Get("/v1/arbeidsmarktregios/AM06/gemeenten?peildatum=2026-06-01")).Json["gemeenten"]!.AsArray()
            .Select(g => g!["code"]!.GetValue<string>()).ShouldContain("GM0050");
    }

    [Fact]
    public async Task weigeringen_bij_het_verplaatsen()
    {
        object Verzoek(string regio = "AM11") => new { arbeidsmarktregio = regio, geldigVanaf = "2027-01-01", reden = "Herindeling" };

        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek(), token: null)).Probleem(401);
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek(), Tokens.Regiopartij())).Probleem(403);
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek(), Tokens.Auditor())).Probleem(403);
        (await Post("/v1/gemeenten/GM9999/verplaatsingen", Verzoek(), Tokens.Beheerder(), IfMatch(1))).Probleem(404);
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", new { arbeidsmarktregio = "AM99", reden = "" }, Tokens.Beheerder(), IfMatch(1)))
            .OngeldigeVelden().ShouldBe(["arbeidsmarktregio", "geldigVanaf", "reden"], ignoreOrder: true);
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek(), Tokens.Beheerder())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek(), Tokens.Beheerder(), IfMatch(7))).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post("/v1/gemeenten/GM0050/verplaatsingen", Verzoek("AM06"), Tokens.Beheerder(), IfMatch(1))).ProbleemCode(409).ShouldBe("geen-wijziging");
        (await Get("/v1/gemeenten/GM0050")).Versie.ShouldBe(1);
    }

    [Fact]
    public async Task gemeenten_gaan_op_in_een_nieuwe_gemeente_en_de_oude_bestaan_daarna_niet_meer()
    {
        var antwoord = await Post("/v1/gemeenten/herindelingen", new
        {
            code = "GM1999", naam = "Alblasserwaard", provincie = "PV28", geldigVanaf = "2027-01-01", opgeheven = new[] { "GM0512", "GM1978" },
            reden = "Herindeling per 1 januari 2027",
        }, Tokens.Beheerder());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        antwoord.Header("Location").ShouldBe("/v1/gemeenten/GM1999");
        RegioVan(antwoord).ShouldBe("AM35");
        antwoord.Json["ontstaanUit"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["GM0512", "GM1978"]);

        var gorinchem = await Get("/v1/gemeenten/GM0512?peildatum=2027-01-01");
        gorinchem.Json["geldigOpPeildatum"]!.GetValue<bool>().ShouldBeFalse();
        gorinchem.Json["opgegaanIn"]!.GetValue<string>().ShouldBe("GM1999");
        RegioVan(gorinchem).ShouldBeNull();
        RegioVan(await Get("/v1/gemeenten/GM0512?peildatum=2026-12-31")).ShouldBe("AM35");
        (await Get("/v1/arbeidsmarktregios/AM35?peildatum=2027-01-01")).Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>())
            .ShouldBe(["GM1961", "GM1999"]);
        (await Get("/v1/gemeenten?peildatum=2027-01-01")).Json["aantal"]!.GetValue<int>().ShouldBe(341);
        (await Get("/v1/gemeenten?naam=Gorinchem&peildatum=2027-06-01")).Json["aantal"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task een_bestaande_gemeente_neemt_een_andere_op()
    {
        var antwoord = await Post("/v1/gemeenten/herindelingen",
            new { code = "GM0363", geldigVanaf = "2027-01-01", opgeheven = new[] { "GM0384" }, reden = "Diemen gaat op in Amsterdam" }, Tokens.Beheerder());

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["opgenomen"]![0]!["gemeenten"]![0]!.GetValue<string>().ShouldBe("GM0384");
        (await Get("/v1/gemeenten/GM0384?peildatum=2027-01-01")).Json["opgegaanIn"]!.GetValue<string>().ShouldBe("GM0363");
    }

    [Fact]
    public async Task weigeringen_bij_een_herindeling()
    {
        object Verzoek(params string[] opgeheven) =>
            new { code = "GM1999", naam = "Nieuw", provincie = "PV28", geldigVanaf = "2027-01-01", opgeheven, reden = "r" };

        (await Post("/v1/gemeenten/herindelingen", Verzoek("GM0512"), Tokens.Regiopartij())).Probleem(403);
        (await Post("/v1/gemeenten/herindelingen", Verzoek("GM0512"), token: null)).Probleem(401);
        (await Post("/v1/gemeenten/herindelingen", new { code = "1999", opgeheven = new[] { "GM9999", "x" } }, Tokens.Beheerder())).OngeldigeVelden()
            .ShouldBe(["code", "naam", "geldigVanaf", "reden", "opgeheven[0]"], ignoreOrder: true);
        (await Post("/v1/gemeenten/herindelingen", Verzoek("GM0512"), Tokens.Beheerder())).Status.ShouldBe(201);
        (await Post("/v1/gemeenten/herindelingen", Verzoek("GM0512"), Tokens.Beheerder())).ProbleemCode(409).ShouldBe("gemeente-niet-geldig");
        (await Get("/v1/gemeenten/GM1999")).Versie.ShouldBe(1);
    }
}
