using System.Text.Json;
using System.Text.Json.Nodes;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Invoer;

/// <summary>What a body must be: JSON as application/json, each key once, numbers as numbers, every type error at once and in Dutch.</summary>
public sealed class Strikte_json(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Json = "application/json";

    private static IReadOnlyList<(string Naam, string Code)> Problemen(Antwoord antwoord) =>
        antwoord.Probleem(400)["invalidParams"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["code"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task een_sleutel_die_twee_keer_voorkomt_wordt_geweigerd_waar_hij_ook_staat()
    {
        await WerkgeverGeregistreerd();
        var lichaam = JsonSerializer.Serialize(Testdata.Afspraak(), Infrastructure.Json.Options);
        var dubbel = lichaam.Replace("\"titel\":\"Samen naar werk in de bouw\"", "\"titel\":\"Onschuldig\",\"titel\":\"Samen naar werk in de bouw\"")
            .Replace("\"urenPerWeek\":2.5", "\"urenPerWeek\":2.5,\"urenPerWeek\":40")
            .Replace("\"einddatum\":\"2026-12-31\"", "\"einddatum\":\"2026-12-31\",\"Einddatum\":\"2034-12-31\"");
        dubbel.ShouldNotBe(lichaam);

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, Afspraken, dubbel, Json, Tokens.Regiopartij()));

        Problemen(antwoord).ShouldBe(
            [("titel", "dubbele-sleutel"), ("werkafspraken[1].parameters.urenPerWeek", "dubbele-sleutel"), ("looptijd.einddatum", "dubbele-sleutel")],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task een_schrijfopdracht_zonder_application_json_is_een_415(string? contentType)
    {
        var lichaam = JsonSerializer.Serialize(Testdata.Werkgever(), Infrastructure.Json.Options);

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, "/v1/werkgevers", lichaam, contentType, Tokens.Regiopartij()));

        antwoord.ProbleemCode(415).ShouldBe("mediatype-niet-ondersteund");
    }

    [Fact]
    public async Task een_getal_als_tekst_wordt_geweigerd()
    {
        var actief = await Actief();
        var lichaam = $$"""{"periode": "2025-K1", "plaatsingen": "3", "naZesMaandenInWerk": 1, "naTwaalfMaandenInWerk": 0, "uitval": 0, "versie": {{actief.Versie}}}""";

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, $"{Afspraken}/{actief.Id}/resultaten", lichaam, Json, Tokens.Regiopartij()));

        Problemen(antwoord).ShouldBe([("plaatsingen", "verkeerd-type")]);
    }

    [Fact]
    public async Task elke_typefout_komt_tegelijk_terug_in_het_nederlands_zonder_dotnet_typenamen()
    {
        var actief = await Actief();
        var lichaam = """{"periode": 2025, "plaatsingen": "3", "naZesMaandenInWerk": true, "naTwaalfMaandenInWerk": 99999999999, "uitval": 1.5, "versie": "x"}""";

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, $"{Afspraken}/{actief.Id}/resultaten", lichaam, Json, Tokens.Regiopartij()));

        Problemen(antwoord).Select(p => p.Naam).ShouldBe(["periode", "plaatsingen", "naZesMaandenInWerk", "naTwaalfMaandenInWerk", "uitval", "versie"],
            ignoreOrder: true);
        foreach (var woord in new[] { "System.", "Int32", "Int64", "String", "Nullable", "JSON value could not", "Path:" })
        {
            antwoord.Tekst.ShouldNotContain(woord);
        }
    }

    [Fact]
    public async Task onbekende_velden_worden_genoemd_in_plaats_van_stil_genegeerd()
    {
        var lichaam = JsonSerializer.SerializeToNode(Testdata.Werkgever(), Infrastructure.Json.Options)!;
        lichaam["kvknummer2"] = "12345678";

        var antwoord = await Geweigerd(() => Post("/v1/werkgevers", lichaam.ToJsonString(), Tokens.Regiopartij()));

        Problemen(antwoord).ShouldBe([("kvknummer2", "onbekend-veld")]);
    }

    [Fact]
    public async Task een_te_groot_verzoek_is_een_413_met_een_eigen_code()
    {
        var lichaam = "{\"naam\": \"" + new string('x', 1_100_000) + "\"}";

        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, "/v1/werkgevers", lichaam, Json, Tokens.Regiopartij()));

        antwoord.ProbleemCode(413).ShouldBe("verzoek-te-groot");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"naam\": \"x\",}")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public async Task kapotte_of_lege_json_is_een_400_met_een_nederlandse_reden(string lichaam)
    {
        var antwoord = await Geweigerd(() => VerstuurRuw(HttpMethod.Post, "/v1/werkgevers", lichaam, Json, Tokens.Regiopartij()));

        var probleem = antwoord.Probleem(400);
        probleem["invalidParams"]!.AsArray().ShouldNotBeEmpty();
        antwoord.Tekst.ShouldNotContain("System.");
        antwoord.Tekst.ShouldNotContain("LineNumber");
    }

    [Fact]
    public async Task het_openapi_document_zegt_gewone_getallen_verplichte_velden_en_413_en_415_bij_elke_schrijfopdracht()
    {
        var document = (await Get("/v1/openapi.json")).Json;

        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (naam, schema) in schemas)
        {
            foreach (var (veld, eigenschap) in schema!["properties"]?.AsObject() ?? [])
            {
                var type = eigenschap!["type"];
                if (type is JsonArray soorten && soorten.Any(s => s!.GetValue<string>() is "integer" or "number"))
                {
                    soorten.Select(s => s!.GetValue<string>()).ShouldNotContain("string", $"{naam}.{veld}");
                }

                (eigenschap["pattern"]?.GetValue<string>() ?? "").Contains("(?:0|[1-9]").ShouldBeFalse($"{naam}.{veld}");
            }
        }

        var resultaten = schemas["ResultatenVerzoek"]!;
        resultaten["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(
            ["periode", "plaatsingen", "naZesMaandenInWerk", "naTwaalfMaandenInWerk", "uitval"], ignoreOrder: true);
        resultaten["properties"]!["plaatsingen"]!["type"]!.ToJsonString().ShouldBe("\"integer\"");
        resultaten["properties"]!["plaatsingen"]!["nullable"].ShouldBeNull();

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                if (methode != "post" || operatie!["requestBody"] is null) continue;
                var antwoorden = operatie["responses"]!.AsObject();
                antwoorden.ContainsKey("413").ShouldBeTrue($"POST {pad}");
                antwoorden.ContainsKey("415").ShouldBeTrue($"POST {pad}");
            }
        }
    }
}
