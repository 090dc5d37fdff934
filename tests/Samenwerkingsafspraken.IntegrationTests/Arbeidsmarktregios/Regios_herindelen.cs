using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Arbeidsmarktregios;

public sealed class Regios_herindelen(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static IReadOnlyList<string> Gemeenten(Antwoord regio) => regio.Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>()).ToList();

    [Fact]
    public async Task een_regio_heet_vanaf_een_datum_anders()
    {
        var antwoord = await Post("/v1/arbeidsmarktregios/AM38/hernoemingen", new { naam = "Regio Foodvalley", geldigVanaf = "2027-01-01", reden = "Nieuwe naam", versie = 1 },
            Tokens.Beheerder());

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        (await Get("/v1/arbeidsmarktregios/AM38?peildatum=2026-12-31")).Json["naam"]!.GetValue<string>().ShouldBe("Food Valley");
        (await Get("/v1/arbeidsmarktregios/AM38?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Regio Foodvalley");
        (await Get("/v1/arbeidsmarktregios?peildatum=2027-02-01")).Json["arbeidsmarktregios"]!.AsArray()
            .Single(r => r!["code"]!.GetValue<string>() == "AM38")!["naam"]!.GetValue<string>().ShouldBe("Regio Foodvalley");
    }

    [Fact]
    public async Task een_opgeheven_regio_geeft_haar_gemeenten_aan_de_opvolger_en_haar_afspraken_wijzen_ernaar()
    {
        var afspraak = await Actief();
        // Read once before: this node now holds the regions as confirmed a moment ago, and must drop them when it
        // abolishes one itself.
        (await Get($"{Afspraken}/{afspraak.Id}", Tokens.Regiopartij())).Json["arbeidsmarktregioOpgeheven"].ShouldBeNull();

        var antwoord = await Post("/v1/arbeidsmarktregios/AM01/opheffing", new { opvolger = "AM03", geldigVanaf = "2027-01-01", reden = "Groningen en Drenthe samen" },
            Tokens.Beheerder(), IfMatch(1));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["geldigTot"]!.GetValue<string>().ShouldBe("2027-01-01");
        antwoord.Json["opvolgers"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["AM03"]);
        Gemeenten(await Get("/v1/arbeidsmarktregios/AM03?peildatum=2027-01-01")).Count.ShouldBe(6 + 14);
        Gemeenten(await Get("/v1/arbeidsmarktregios/AM01?peildatum=2026-12-31")).Count.ShouldBe(14);
        (await Get("/v1/gemeenten/GM0014?peildatum=2027-01-01")).Json["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM03");
        (await Get("/v1/arbeidsmarktregios?peildatum=2027-01-01")).Json["aantal"]!.GetValue<int>().ShouldBe(34);

        var gelezen = await Get($"{Afspraken}/{afspraak.Id}", Tokens.Regiopartij());
        gelezen.Status.ShouldBe(200, gelezen.Tekst);
        gelezen.Json["arbeidsmarktregio"]!.GetValue<string>().ShouldBe("AM01");
        gelezen.Json["arbeidsmarktregioOpgeheven"]!["geldigTot"]!.GetValue<string>().ShouldBe("2027-01-01");
        gelezen.Json["arbeidsmarktregioOpgeheven"]!["opvolgers"]![0]!.GetValue<string>().ShouldBe("AM03");
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Auditor())).Json["samenwerkingsafspraken"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task een_regio_splitst_in_een_bestaande_en_een_nieuwe_regio()
    {
        var antwoord = await Post("/v1/arbeidsmarktregios/AM35/splitsing", new
        {
            geldigVanaf = "2027-01-01", reden = "Gorinchem splitst", versie = 1,
            delen = new object[]
            {
                new { arbeidsmarktregio = "AM23", gemeenten = new[] { "GM0512", "GM1978" } },
                new { arbeidsmarktregio = "AM39", naam = "Vijfheerenlanden", gemeenten = new[] { "GM1961" } },
            },
        }, Tokens.Beheerder());

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["opvolgers"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["AM23", "AM39"]);
        var nieuw = await Get("/v1/arbeidsmarktregios/AM39?peildatum=2027-01-01");
        nieuw.Json["naam"]!.GetValue<string>().ShouldBe("Vijfheerenlanden");
        nieuw.Json["voorgangers"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["AM35"]);
        Gemeenten(nieuw).ShouldBe(["GM1961"]);
        Gemeenten(await Get("/v1/arbeidsmarktregios/AM23?peildatum=2027-01-01")).ShouldContain("GM0512");
        (await Get("/v1/arbeidsmarktregios/AM39?peildatum=2026-12-31")).Json["geldigOpPeildatum"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task regios_gaan_samen_in_een_nieuwe_regio()
    {
        var antwoord = await Post("/v1/arbeidsmarktregios/samenvoegingen",
            new { regios = new[] { "AM23", "AM35" }, arbeidsmarktregio = "AM39", naam = "Zuid-Holland Zuid", geldigVanaf = "2027-01-01", reden = "Samen verder" },
            Tokens.Beheerder());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        antwoord.Header("Location").ShouldBe("/v1/arbeidsmarktregios/AM39");
        Gemeenten(antwoord).Count.ShouldBe(10);
        antwoord.Json["voorgangers"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["AM23", "AM35"]);
        (await Get("/v1/arbeidsmarktregios/AM23")).Json["geldigTot"]!.GetValue<string>().ShouldBe("2027-01-01");
    }

    [Fact]
    public async Task de_beheerder_stelt_een_regio_vast_en_wijst_een_centrumgemeente_aan()
    {
        var nieuw = await Post("/v1/arbeidsmarktregios", new { code = "AM39", naam = "Proefregio", geldigVanaf = "2027-01-01", reden = "Nieuwe regio" },
            Tokens.Beheerder());
        nieuw.Status.ShouldBe(201, nieuw.Tekst);
        nieuw.Header("Location").ShouldBe("/v1/arbeidsmarktregios/AM39");
        (await Post("/v1/arbeidsmarktregios", new { code = "AM39", naam = "Nog eens", geldigVanaf = "2027-01-01", reden = "r" }, Tokens.Beheerder()))
            .ProbleemCode(409).ShouldBe("bestaat-al");

        var centrum = await Post("/v1/arbeidsmarktregios/AM01/centrumgemeenten", new { gemeente = "GM0014", geldigVanaf = "2024-01-01", reden = "Centrumgemeente" },
            Tokens.Beheerder(), IfMatch(1));
        centrum.Status.ShouldBe(200, centrum.Tekst);
        (await Get("/v1/arbeidsmarktregios/AM01")).Json["centrumgemeente"]!.GetValue<string>().ShouldBe("GM0014");
        (await Post("/v1/arbeidsmarktregios/AM01/centrumgemeenten", new { gemeente = "GM0080", geldigVanaf = "2025-01-01", reden = "r" }, Tokens.Beheerder(),
            IfMatch(2))).ProbleemCode(409).ShouldBe("gemeente-buiten-regio");
    }

    [Fact]
    public async Task weigeringen_bij_het_herindelen_van_regios()
    {
        object Opheffing(string opvolger = "AM03") => new { opvolger, geldigVanaf = "2027-01-01", reden = "r" };

        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing(), token: null)).Probleem(401);
        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing(), Tokens.Regiopartij(), IfMatch(1))).Probleem(403);
        (await Post("/v1/arbeidsmarktregios/AM01/hernoemingen", new { naam = "X", geldigVanaf = "2027-01-01", reden = "r" }, Tokens.Werkgever(), IfMatch(1)))
            .Probleem(403);
        (await Post("/v1/arbeidsmarktregios/AM04/opheffing", Opheffing(), Tokens.Beheerder(), IfMatch(1))).Probleem(404);
        (await Post("/v1/arbeidsmarktregios/AM04/hernoemingen", new { naam = "X", geldigVanaf = "2027-01-01", reden = "r" }, Tokens.Beheerder(), IfMatch(1)))
            .Probleem(404);
        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", new { opvolger = "AM01" }, Tokens.Beheerder(), IfMatch(1))).OngeldigeVelden()
            .ShouldBe(["opvolger", "geldigVanaf", "reden"], ignoreOrder: true);
        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing(), Tokens.Beheerder())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing(), Tokens.Beheerder(), IfMatch(5))).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post("/v1/arbeidsmarktregios/AM35/splitsing", new { delen = new[] { new { arbeidsmarktregio = "AM39", gemeenten = new[] { "GM9999" } } } },
            Tokens.Beheerder(), IfMatch(1))).OngeldigeVelden().ShouldBe(["delen[0].naam", "delen[0].gemeenten[0]", "geldigVanaf", "reden"], ignoreOrder: true);
        (await Post("/v1/arbeidsmarktregios/AM35/splitsing", new
        {
            delen = new[] { new { arbeidsmarktregio = "AM23", gemeenten = new[] { "GM0014" } } }, geldigVanaf = "2027-01-01", reden = "r",
        }, Tokens.Beheerder(), IfMatch(1))).ProbleemCode(409).ShouldBe("gemeente-buiten-regio");
        (await Post("/v1/arbeidsmarktregios/samenvoegingen", new { regios = new[] { "AM04" }, arbeidsmarktregio = "AM39" }, Tokens.Beheerder()))
            .OngeldigeVelden().ShouldBe(["regios[0]", "naam", "geldigVanaf", "reden"], ignoreOrder: true);

        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing(), Tokens.Beheerder(), IfMatch(1))).Status.ShouldBe(200);
        (await Post("/v1/arbeidsmarktregios/AM01/opheffing", Opheffing("AM02"), Tokens.Beheerder(), IfMatch(2))).ProbleemCode(409).ShouldBe("regio-opgeheven");
        (await Post("/v1/arbeidsmarktregios/samenvoegingen", new { regios = new[] { "AM02" }, arbeidsmarktregio = "AM01", geldigVanaf = "2028-01-01", reden = "r" },
            Tokens.Beheerder())).ProbleemCode(409).ShouldBe("regio-niet-geldig");
    }

    [Fact]
    public async Task van_twee_gelijktijdige_herindelingen_wint_er_een()
    {
        var opheffingen = await Task.WhenAll(
            Post("/v1/arbeidsmarktregios/AM35/opheffing", new { opvolger = "AM23", geldigVanaf = "2027-01-01", reden = "r" }, Tokens.Beheerder(), IfMatch(1)),
            Post("/v1/arbeidsmarktregios/AM35/opheffing", new { opvolger = "AM19", geldigVanaf = "2027-01-01", reden = "r" }, Tokens.Beheerder(), IfMatch(1)));

        opheffingen.Select(o => o.Status).Order().ShouldBe([200, 409]);
        (await Get("/v1/arbeidsmarktregios/AM35")).Versie.ShouldBe(2);
    }
}
