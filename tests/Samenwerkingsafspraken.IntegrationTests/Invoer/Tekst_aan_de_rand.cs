using System.Text.Json;
using System.Text.Json.Nodes;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Invoer;

/// <summary>
/// The text rules, applied to every text a client sends before anything else looks at it: no control characters (tab
/// and line breaks only in multi-line fields), no bidi overrides or isolates, NFC, a length limit per field.
/// </summary>
public sealed class Tekst_aan_de_rand(ApiFixture fixture) : IntegratieTest(fixture)
{
    private async Task<JsonNode> AfspraakLichaam()
    {
        await WerkgeverGeregistreerd();
        return JsonSerializer.SerializeToNode(Testdata.Afspraak(), Infrastructure.Json.Options)!;
    }

    private static IReadOnlyList<string> Velden(Antwoord antwoord, string code) =>
        antwoord.Probleem(400)["invalidParams"]!.AsArray().Where(p => p!["code"]!.GetValue<string>() == code)
            .Select(p => p!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task een_nul_teken_in_een_titel_is_een_400_die_het_veld_noemt_en_niets_vastlegt()
    {
        var lichaam = await AfspraakLichaam();
        lichaam["titel"] = "Samen\u0000naar werk";

        var antwoord = await Geweigerd(() => Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij()));

        Velden(antwoord, "ongeldig-teken").ShouldBe(["titel"]);
    }

    [Fact]
    public async Task elk_veld_met_een_verboden_teken_wordt_tegelijk_genoemd_ook_in_parameters_en_sleutels()
    {
        var lichaam = await AfspraakLichaam();
        lichaam["titel"] = "Titel\u202Ekeerom";
        lichaam["regiopartijen"]![0]!["naam"] = "Gemeente\u0007";
        lichaam["werkafspraken"]![0]!["parameters"]!["mboKwalificatie"] = "Timmer\u0000man";
        lichaam["werkafspraken"]![1]!["parameters"]!["uren\u2066PerWeek"] = 2;
        lichaam["beroepen"]![0] = "timmer\u0085man";

        var antwoord = await Geweigerd(() => Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij()));

        Velden(antwoord, "ongeldig-teken").ShouldBe(
            ["titel", "regiopartijen[0].naam", "werkafspraken[0].parameters.mboKwalificatie", "werkafspraken[1].parameters", "beroepen[0]"],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    public async Task bidi_stuurtekens_worden_geweigerd(string teken)
    {
        var antwoord = await Geweigerd(() => Post("/v1/werkgevers", Testdata.Werkgever(naam: $"Bouw{teken}bedrijf"), Tokens.Regiopartij()));

        Velden(antwoord, "ongeldig-teken").ShouldBe(["naam"]);
    }

    [Fact]
    public async Task regeleinden_en_tabs_mogen_alleen_in_velden_van_meerdere_regels()
    {
        var lichaam = await AfspraakLichaam();
        lichaam["werkafspraken"]![1]!["maatwerk"] = "Eerste regel.\r\n\tTweede regel.";
        lichaam["titel"] = "Eerste\nTweede";

        var geweigerd = await Geweigerd(() => Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij()));
        Velden(geweigerd, "ongeldig-teken").ShouldBe(["titel"]);

        lichaam["titel"] = "Een regel";
        var aangenomen = await Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij());
        aangenomen.Status.ShouldBe(201, aangenomen.Tekst);
        aangenomen.Json["werkafspraken"]![1]!["maatwerk"]!.GetValue<string>().ShouldBe("Eerste regel.\r\n\tTweede regel.");
    }

    [Fact]
    public async Task tekst_wordt_als_nfc_vastgelegd()
    {
        var lichaam = await AfspraakLichaam();
        lichaam["titel"] = "Cafe\u0301 en re\u0301integratie";

        var antwoord = await Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        antwoord.Json["titel"]!.GetValue<string>().ShouldBe("Caf\u00e9 en r\u00e9integratie");
        var historie = await Get($"{Afspraken}/{antwoord.Json["id"]}/historie", Tokens.Auditor());
        historie.Json["gebeurtenissen"]![0]!["gegevens"]!["inhoud"]!["titel"]!.GetValue<string>().ShouldBe("Caf\u00e9 en r\u00e9integratie");
    }

    [Fact]
    public async Task een_veld_zonder_eigen_grens_heeft_de_algemene_grens()
    {
        var lichaam = await AfspraakLichaam();
        lichaam["werkafspraken"]![0]!["variantCode"] = new string('a', 5000);

        var antwoord = await Geweigerd(() => Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij()));

        Velden(antwoord, "te-lang").ShouldContain("werkafspraken[0].variantCode");
    }

    [Fact]
    public async Task verboden_tekens_in_de_query_en_het_pad_worden_niet_teruggegeven()
    {
        var query = await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?variant=praktijk%00route&status=%E2%80%AEactief", Tokens.Auditor());
        Velden(query, "ongeldig-teken").ShouldBe(["variant", "status"], ignoreOrder: true);
        query.Tekst.ShouldNotContain("\u202E");

        var pad = await Post("/v1/beheer/projecties/Referentie%E2%80%AE/herbouw", null, Tokens.Beheerder());
        Velden(pad, "ongeldig-teken").ShouldBe(["naam"]);
        pad.Tekst.ShouldNotContain("\u202E");
    }

    [Fact]
    public async Task een_correlatie_id_met_stuurtekens_wordt_geweigerd_en_niet_vastgelegd()
    {
        var antwoord = await Geweigerd(() => Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij(),
            new Dictionary<string, string> { ["X-Correlation-ID"] = "abc\u202Edef" }));

        Velden(antwoord, "ongeldig-teken").ShouldBe(["X-Correlation-ID"]);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u202E")]
    [InlineData("\u0085")]
    public async Task een_bestand_als_body_volgt_de_tekstregels_ook(string teken)
    {
        var bestand = Cbsbestanden.Bestand2026().Replace(",2026,", ",2027,").Replace("Beek (L.),", $"Be{teken}ek,");

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, "/v1/gemeenten/indelingsbestanden", bestand, "text/csv", Tokens.Beheerder()));
        Velden(antwoord, "ongeldig-teken").ShouldBe(["body"]);

        (await Geweigerd(() => VerstuurRuw(HttpMethod.Post, "/v1/gemeenten/indelingsbestanden", "name,code", "application/json", Tokens.Beheerder())))
            .ProbleemCode(415).ShouldBe("mediatype-niet-ondersteund");
    }
}
