using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Arbeidsmarktregios;

public sealed class Arbeidsmarktregios_opvragen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_35_regios_zijn_zonder_token_te_lezen()
    {
        var antwoord = await Get("/v1/arbeidsmarktregios");

        antwoord.Status.ShouldBe(200);
        antwoord.Header("API-Version").ShouldBe("1.0.0");
        var regios = antwoord.Json["arbeidsmarktregios"]!.AsArray();
        regios.Count.ShouldBe(35);
        regios.Select(r => r!["code"]!.GetValue<string>()).ShouldContain("AM38");
        regios.Select(r => r!["code"]!.GetValue<string>()).ShouldNotContain("AM04");
    }

    [Fact]
    public async Task een_regio_op_code_met_naam_en_geldigheid()
    {
        var antwoord = await Get("/v1/arbeidsmarktregios/AM36");

        antwoord.Status.ShouldBe(200);
        antwoord.Json["naam"]!.GetValue<string>().ShouldBe("Regio Zwolle");
        antwoord.Json["geldigVanaf"]!.GetValue<string>().ShouldBe("2024-01-01");
    }

    [Fact]
    public async Task een_onbekende_regio_is_404_en_een_ongeldige_code_400()
    {
        (await Get("/v1/arbeidsmarktregios/AM04")).ProbleemCode(404).ShouldBe("niet-gevonden");
        (await Get("/v1/arbeidsmarktregios/groningen")).OngeldigeVelden().ShouldBe(["code"]);
    }

    [Fact]
    public async Task een_pad_met_een_slash_aan_het_eind_wordt_niet_omgeleid()
    {
        var antwoord = await Get("/v1/arbeidsmarktregios/");

        antwoord.Probleem(404);
        antwoord.Header("Location").ShouldBeNull();
    }
}
