using System.Net.Http.Headers;
using System.Text;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.IntegrationTests.Referentiedata;

public sealed class Cbs_indelingsbestand_laden(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Pad = "/v1/gemeenten/indelingsbestanden";



    private async Task<Antwoord> Laad(string csv, string query, string? token, string? plan = null, string soort = "text/csv")
    {
        using var client = Host.Server.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, Pad + query) { Content = new StringContent(csv, Encoding.UTF8, soort) };
        if (token is not null) verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (plan is not null) verzoek.Headers.TryAddWithoutValidation("If-Match", $"\"{plan}\"");
        using var antwoord = await client.SendAsync(verzoek);
        var headers = antwoord.Headers.Concat(antwoord.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Antwoord((int)antwoord.StatusCode, headers, antwoord.Content.Headers.ContentType?.ToString() ?? "", await antwoord.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task het_bestand_dat_al_geldt_legt_niets_vast()
    {
        var antwoord = await Laad(Cbsbestanden.Bestand2026(), "?proef=true", Tokens.Beheerder());

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Json["aantalGemeenten"]!.GetValue<int>().ShouldBe(342);
        antwoord.Json["aantalRegios"]!.GetValue<int>().ShouldBe(35);
        antwoord.Json["aantalGebeurtenissen"]!.GetValue<int>().ShouldBe(0);
        antwoord.Json["opmerkingen"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldContain("AM06");
    }

    [Fact]
    public async Task de_proefrun_toont_precies_de_gebeurtenissen_en_het_plan_legt_ze_daarna_vast()
    {
        var proef = await Laad(Cbsbestanden.Bestand2027(), "?proef=true", Tokens.Beheerder());

        proef.Status.ShouldBe(200, proef.Tekst);
        proef.Json["proef"]!.GetValue<bool>().ShouldBeTrue();
        proef.Json["geldigVanaf"]!.GetValue<string>().ShouldBe("2027-01-01");
        proef.Json["gebeurtenissen"]!.AsArray().Select(g => $"{g!["code"]} {g["gebeurtenis"]}").ShouldBe(
        [
            "GM0050 GemeenteVerplaatst", "GM0888 GemeenteHernoemd", "GM0384 GemeenteOpgeheven",
        ]);
        var plan = proef.Json["plan"]!.GetValue<string>();
        proef.Header("ETag").ShouldBe($"\"{plan}\"");
        (await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).Json["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM06");

        var vastgelegd = await Laad(Cbsbestanden.Bestand2027(), "", Tokens.Beheerder(), plan);

        vastgelegd.Status.ShouldBe(200, vastgelegd.Tekst);
        vastgelegd.Json["proef"]!.GetValue<bool>().ShouldBeFalse();
        (await Get("/v1/gemeenten/GM0050?peildatum=2027-01-01")).Json["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM11");
        (await Get("/v1/gemeenten/GM0050?peildatum=2026-12-31")).Json["arbeidsmarktregio"]!["code"]!.GetValue<string>().ShouldBe("AM06");
        (await Get("/v1/gemeenten/GM0888?peildatum=2027-01-01")).Json["naam"]!.GetValue<string>().ShouldBe("Beek");
        (await Get("/v1/gemeenten?peildatum=2027-01-01")).Json["aantal"]!.GetValue<int>().ShouldBe(341);

        var nogEens = await Laad(Cbsbestanden.Bestand2027(), "", Tokens.Beheerder(), plan);
        nogEens.Status.ShouldBe(200, nogEens.Tekst);
        nogEens.Json["aantalGebeurtenissen"]!.GetValue<int>().ShouldBe(0);
        (await Get("/v1/gemeenten/GM0050")).Versie.ShouldBe(2);
    }

    [Fact]
    public async Task zonder_of_met_een_verouderd_plan_wordt_niets_vastgelegd()
    {
        (await Laad(Cbsbestanden.Bestand2027(), "", Tokens.Beheerder())).ProbleemCode(428).ShouldBe("plan-vereist");
        (await Laad(Cbsbestanden.Bestand2027(), "", Tokens.Beheerder(), "0000000000000000")).ProbleemCode(409).ShouldBe("plan-gewijzigd");
        (await Get("/v1/gemeenten/GM0888")).Versie.ShouldBe(1);
    }

    [Fact]
    public async Task weigeringen_bij_het_laden()
    {
        (await Laad(Cbsbestanden.Bestand2027(), "?proef=true", null)).Probleem(401);
        (await Laad(Cbsbestanden.Bestand2027(), "?proef=true", Tokens.Regiopartij())).Probleem(403);
        (await Laad(Cbsbestanden.Bestand2027(), "?proef=true", Tokens.Auditor())).Probleem(403);
        (await Laad("{}", "?proef=true", Tokens.Beheerder(), soort: "application/json")).ProbleemCode(415).ShouldBe("mediatype-niet-ondersteund");
        (await Laad("name,code\n", "?proef=true&jaar=12&geldigVanaf=morgen", Tokens.Beheerder())).OngeldigeVelden()
            .ShouldBe(["jaar", "geldigVanaf", "bestand.year", "bestand.region_code", "bestand.region", "bestand.province_code", "bestand.province"], ignoreOrder: true);
        var kapot = Cbsbestanden.Bestand2027().Replace("Aalsmeer,GM0358", "Aalsmeer,GM358").Replace("Zwolle,GM0193,2027,CR10,Noord-Overijssel,AM36", "Zwolle,GM0193,2027,CR10,Noord-Overijssel,");
        var regels = (await Laad(kapot, "?proef=true", Tokens.Beheerder())).OngeldigeVelden();
        regels.Count.ShouldBe(2);
        regels.ShouldAllBe(r => r.StartsWith("regels["));
    }
}

public sealed class Indeling_in_het_openapi_document(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task het_indelingsbestand_is_een_csv_en_meerstroomschrijvers_beloven_geen_idempotency_key()
    {
        var paden = (await Get("/v1/openapi.json")).Json["paths"]!;

        var laden = paden["/gemeenten/indelingsbestanden"]!["post"]!;
        laden["requestBody"]!["content"]!["text/csv"].ShouldNotBeNull();
        laden["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldNotContain("Idempotency-Key");
        paden["/arbeidsmarktregios/{code}/opheffing"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["code", "If-Match"]);
        paden["/werkgevers/{kvkNummer}/wijzigingen"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldContain("Idempotency-Key");
    }
}
