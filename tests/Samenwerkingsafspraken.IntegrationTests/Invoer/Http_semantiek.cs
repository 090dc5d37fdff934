using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Invoer;

/// <summary>ETags compared strongly, 304 for what the client already has, and one answer for an unknown region or employer everywhere.</summary>
public sealed class Http_semantiek(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Theory]
    [InlineData("W/\"{0}\"")]
    [InlineData("w/\"{0}\"")]
    public async Task een_zwakke_etag_in_if_match_wordt_geweigerd(string sjabloon)
    {
        var actief = await Actief();
        var headers = new Dictionary<string, string> { ["If-Match"] = string.Format(sjabloon, actief.Versie) };

        var antwoord = await Geweigerd(() => Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true }, Tokens.Werkgever(), headers));

        var probleem = antwoord.Probleem(400);
        probleem["invalidParams"]![0]!["name"]!.GetValue<string>().ShouldBe("If-Match");
        probleem["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("zwakke-etag");
    }

    [Fact]
    public async Task een_sterke_etag_in_if_match_werkt()
    {
        var actief = await Actief();

        var antwoord = await Post($"{Afspraken}/{actief.Id}/evaluaties", new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true },
            Tokens.Werkgever(), IfMatch(actief.Versie));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
    }

    [Fact]
    public async Task wie_de_actuele_versie_al_heeft_krijgt_304_zonder_inhoud()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var bronnen = new[]
        {
            ($"{Afspraken}/{bron.Id}", Tokens.Auditor()),
            ($"{Afspraken}/{bron.Id}?versie=2", Tokens.Auditor()),
            ($"/v1/werkgevers/{Testdata.Kvk}", Tokens.Werkgever()),
            ($"/v1/hergebruikverzoeken/{verzoek.Id}", Leeuwarden),
            ("/v1/varianten/praktijkroute", (string?)null),
            ($"/v1/werkgevers/{Testdata.Kvk}/referentiedelingen", Tokens.Werkgever()),
            // Views over several streams or computed from one: their ETag is a hash of what they show.
            ($"/v1/hergebruikverzoeken/{verzoek.Id}/referentiedossier", Leeuwarden),
            ($"{Afspraken}/{bron.Id}/stamboom", Tokens.Auditor()),
            ($"{Afspraken}/{bron.Id}/historie", Tokens.Auditor()),
            ($"{Afspraken}/{bron.Id}/verschillen?van=1&tot=2", Tokens.Auditor()),
            ($"/v1/werkgevers/{Testdata.Kvk}/historie", Tokens.Werkgever()),
        };

        foreach (var (url, token) in bronnen)
        {
            var eerst = await Get(url, token);
            eerst.Status.ShouldBe(200, url);
            var etag = eerst.Header("ETag");
            etag.ShouldNotBeNull(url);

            var opnieuw = await Get(url, token, new Dictionary<string, string> { ["If-None-Match"] = etag });
            opnieuw.Status.ShouldBe(304, url);
            opnieuw.Tekst.ShouldBeEmpty(url);
            opnieuw.Header("ETag").ShouldBe(etag, url);

            (await Get(url, token, new Dictionary<string, string> { ["If-None-Match"] = "W/" + etag })).Status.ShouldBe(304, url);
            (await Get(url, token, new Dictionary<string, string> { ["If-None-Match"] = "\"999\", " + etag })).Status.ShouldBe(304, url);
            (await Get(url, token, new Dictionary<string, string> { ["If-None-Match"] = "\"999\"" })).Status.ShouldBe(200, url);
        }
    }

    [Fact]
    public async Task een_samengestelde_weergave_geeft_geen_304_meer_zodra_er_iets_bij_komt()
    {
        var actief = await Actief();
        var url = $"{Afspraken}/{actief.Id}/historie";
        var eerst = await Get(url, Tokens.Auditor());
        var etag = eerst.Header("ETag")!;

        (await Post($"{Afspraken}/{actief.Id}/evaluaties", new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true },
            Tokens.Werkgever(), IfMatch(actief.Versie))).Status.ShouldBe(200);

        var daarna = await Get(url, Tokens.Auditor(), new Dictionary<string, string> { ["If-None-Match"] = etag });
        daarna.Status.ShouldBe(200);
        daarna.Header("ETag").ShouldNotBe(etag);
        (await Get(url, Tokens.Werkgever(Testdata.AndereKvk), new Dictionary<string, string> { ["If-None-Match"] = daarna.Header("ETag")! })).Probleem(403);
    }

    [Fact]
    public async Task een_304_wordt_alleen_gegeven_aan_wie_mag_lezen()
    {
        var actief = await Actief();

        var antwoord = await Get($"{Afspraken}/{actief.Id}", Tokens.Werkgever(Testdata.AndereKvk),
            new Dictionary<string, string> { ["If-None-Match"] = $"\"{actief.Versie}\"" });

        antwoord.Probleem(403);
    }

    [Fact]
    public async Task een_onbekende_regio_in_een_filter_is_overal_een_400()
    {
        await Actief();

        foreach (var url in new[]
                 {
                     "/v1/varianten/gebruik?arbeidsmarktregio=AM99",
                     "/v1/varianten/gebruik/export?formaat=csv&arbeidsmarktregio=AM99",
                     $"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken?arbeidsmarktregio=AM99",
                 })
        {
            var antwoord = await Get(url, Tokens.Auditor());
            var probleem = antwoord.Probleem(400);
            probleem["invalidParams"]![0]!["name"]!.GetValue<string>().ShouldBe("arbeidsmarktregio", url);
            probleem["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("onbekende-regio", url);
        }
    }

    [Fact]
    public async Task een_onbekende_werkgever_in_een_filter_is_overal_een_400()
    {
        await Actief();

        foreach (var url in new[]
                 {
                     "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?werkgever=99999999",
                     "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken/export?formaat=csv&werkgever=99999999",
                 })
        {
            var probleem = (await Get(url, Tokens.Auditor())).Probleem(400);
            probleem["invalidParams"]![0]!["name"]!.GetValue<string>().ShouldBe("werkgever", url);
            probleem["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("onbekende-werkgever", url);
        }
    }

    [Fact]
    public async Task een_onbekende_regio_of_werkgever_in_het_pad_is_overal_een_404()
    {
        foreach (var url in new[]
                 {
                     "/v1/arbeidsmarktregios/AM99",
                     "/v1/arbeidsmarktregios/AM99/samenwerkingsafspraken",
                     "/v1/arbeidsmarktregios/AM99/samenwerkingsafspraken/export?formaat=csv",
                     "/v1/arbeidsmarktregios/AM99/hergebruikverzoeken",
                     "/v1/werkgevers/99999999",
                     "/v1/werkgevers/99999999/samenwerkingsafspraken",
                     "/v1/werkgevers/99999999/referenties",
                     "/v1/werkgevers/99999999/referenties/export?formaat=csv",
                     "/v1/werkgevers/99999999/referentiedelingen",
                 })
        {
            (await Get(url, Tokens.Auditor())).Probleem(404);
        }
    }

    [Fact]
    public async Task een_regio_en_een_gemeente_geven_304_tot_er_iets_verandert_dat_de_lezer_ziet_ook_uit_een_andere_stroom()
    {
        static Dictionary<string, string> Heeft(string etag) => new() { ["If-None-Match"] = etag };
        const string regio = "/v1/arbeidsmarktregios/AM11?peildatum=2027-01-01";
        const string gemeente = "/v1/gemeenten/GM0050?peildatum=2027-01-01";

        var regioEerst = await Get(regio);
        var gemeenteEerst = await Get(gemeente);
        var regioTag = regioEerst.Header("ETag")!;
        var gemeenteTag = gemeenteEerst.Header("ETag")!;
        regioTag.ShouldMatch("^\"[0-9]+-[0-9a-f]{16}\"$");
        gemeenteTag.ShouldMatch("^\"1-[0-9a-f]{16}\"$");

        foreach (var (url, tag) in new[] { (regio, regioTag), (gemeente, gemeenteTag) })
        {
            var opnieuw = await Get(url, headers: Heeft(tag));
            opnieuw.Status.ShouldBe(304, url);
            opnieuw.Tekst.ShouldBeEmpty(url);
            opnieuw.Header("ETag").ShouldBe(tag, url);
            (await Get(url, headers: Heeft("W/" + tag))).Status.ShouldBe(304, url);
        }

        // Another peildatum is another representation.
        (await Get("/v1/arbeidsmarktregios/AM11?peildatum=2026-06-01", headers: Heeft(regioTag))).Status.ShouldBe(200);

        // The ETag as received names the version in If-Match: Zeewolde moves from AM06 to AM11, a write to the gemeente's stream.
        var verplaatst = await Post("/v1/gemeenten/GM0050/verplaatsingen",
            new { arbeidsmarktregio = "AM11", geldigVanaf = "2027-01-01", reden = "Zeewolde sluit aan bij Flevoland" }, Tokens.Beheerder(),
            new Dictionary<string, string> { ["If-Match"] = gemeenteTag });
        verplaatst.Status.ShouldBe(200, verplaatst.Tekst);

        // The region's own stream did not change, but what a reader of it sees did: no 304 on the old tag.
        var regioDaarna = await Get(regio, headers: Heeft(regioTag));
        regioDaarna.Status.ShouldBe(200, regioDaarna.Tekst);
        regioDaarna.Versie.ShouldBe(regioEerst.Versie);
        regioDaarna.Header("ETag").ShouldNotBe(regioTag);
        regioDaarna.Json["gemeenten"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldContain("GM0050");

        var gemeenteDaarna = await Get(gemeente, headers: Heeft(gemeenteTag));
        gemeenteDaarna.Status.ShouldBe(200);
        gemeenteDaarna.Versie.ShouldBe(2);

        // A stale compound tag is a stale version; a tag that is neither a number nor number-hash is refused.
        var verouderd = await Post("/v1/arbeidsmarktregios/AM11/hernoemingen", new { naam = "Regio Flevoland", geldigVanaf = "2027-01-01", reden = "Nieuwe naam" },
            Tokens.Beheerder(), new Dictionary<string, string> { ["If-Match"] = $"\"{regioEerst.Versie + 1}-0123456789abcdef\"" });
        verouderd.ProbleemCode(409).ShouldBe("versie-verouderd");
        foreach (var onzin in new[] { "\"1-\"", "\"1-XYZ\"", "\"-1\"", "\"a-1\"" })
        {
            var fout = await Post("/v1/arbeidsmarktregios/AM11/hernoemingen", new { naam = "Regio Flevoland", geldigVanaf = "2027-01-01", reden = "Nieuwe naam" },
                Tokens.Beheerder(), new Dictionary<string, string> { ["If-Match"] = onzin });
            fout.Probleem(400)["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("ongeldig-formaat", onzin);
        }

        var hernoemd = await Post("/v1/arbeidsmarktregios/AM11/hernoemingen", new { naam = "Regio Flevoland", geldigVanaf = "2027-01-01", reden = "Nieuwe naam" },
            Tokens.Beheerder(), new Dictionary<string, string> { ["If-Match"] = regioDaarna.Header("ETag")! });
        hernoemd.Status.ShouldBe(200, hernoemd.Tekst);
    }
}
