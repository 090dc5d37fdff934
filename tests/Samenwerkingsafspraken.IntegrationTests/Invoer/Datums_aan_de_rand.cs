using System.Text.Json;
using System.Text.Json.Nodes;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Invoer;

/// <summary>Every date lies between 2000-01-01 and 2100-12-31, a looptijd is at most ten years, and nothing accepted makes a later step fail.</summary>
public sealed class Datums_aan_de_rand(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static IReadOnlyList<string> Velden(Antwoord antwoord) =>
        antwoord.Probleem(400)["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();

    private async Task<Antwoord> StelOp(string start, string eind)
    {
        var lichaam = JsonSerializer.SerializeToNode(Testdata.Afspraak(), Infrastructure.Json.Options)!;
        lichaam["looptijd"] = new JsonObject { ["startdatum"] = start, ["einddatum"] = eind };
        return await Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij());
    }

    [Theory]
    [InlineData("9990-01-01", "9999-12-31", "looptijd.startdatum")]
    [InlineData("9989-12-31", "9999-12-31", "looptijd.startdatum")]
    [InlineData("0001-01-01", "0001-12-31", "looptijd.startdatum")]
    [InlineData("1999-12-31", "2001-01-01", "looptijd.startdatum")]
    [InlineData("2099-01-01", "2101-01-01", "looptijd.einddatum")]
    public async Task een_looptijd_buiten_het_venster_is_een_400(string start, string eind, string veld)
    {
        await WerkgeverGeregistreerd();

        var antwoord = await Geweigerd(() => StelOp(start, eind));

        Velden(antwoord).ShouldContain(veld);
    }

    [Fact]
    public async Task een_looptijd_tot_het_einde_van_het_venster_wordt_actief_en_blijft_werken()
    {
        await WerkgeverGeregistreerd();
        var concept = await StelOp("2091-01-01", "2100-12-31");
        concept.Status.ShouldBe(201, concept.Tekst);
        var id = concept.Json["id"]!.GetValue<Guid>();

        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        var actief = await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij());
        actief.Status.ShouldBe(200, actief.Tekst);
        actief.Json["status"]!.GetValue<string>().ShouldBe("actief");

        var verlengd = await Geweigerd(() => Post($"{Afspraken}/{id}/verlengingen", new { nieuweEinddatum = "2101-01-01", versie = actief.Versie }, Tokens.Regiopartij()));
        Velden(verlengd).ShouldBe(["nieuweEinddatum"]);
        (await Get($"{Afspraken}/{id}?peildatum=2100-12-31", Tokens.Auditor())).Status.ShouldBe(200);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task een_verlenging_buiten_het_venster_is_een_400(string datum)
    {
        var actief = await Actief();

        var antwoord = await Geweigerd(() => Post($"{Afspraken}/{actief.Id}/verlengingen", new { nieuweEinddatum = datum, versie = actief.Versie }, Tokens.Regiopartij()));

        Velden(antwoord).ShouldBe(["nieuweEinddatum"]);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task een_peildatum_of_periode_buiten_het_venster_is_een_400(string datum)
    {
        var actief = await Actief();

        Velden(await Get($"{Afspraken}/{actief.Id}?peildatum={datum}", Tokens.Auditor())).ShouldBe(["peildatum"]);
        Velden(await Get($"/v1/varianten/gebruik?van={datum}", Tokens.Auditor())).ShouldBe(["van"]);
        Velden(await Get($"/v1/varianten/gebruik/export?formaat=csv&tot={datum}", Tokens.Auditor())).ShouldBe(["tot"]);
    }

    [Fact]
    public async Task een_datumparameter_van_een_werkafspraak_ligt_ook_in_het_venster()
    {
        var variant = new
        {
            code = "proefdatum", naam = "Met een datum", omschrijving = "Een variant met een datumparameter.", pijler = "route",
            parameters = new[] { new { naam = "vanaf", type = "datum", verplicht = true, omschrijving = "Vanaf wanneer." } },
        };
        (await Post("/v1/varianten", variant, Tokens.Beheerder())).Status.ShouldBe(201);
        await WerkgeverGeregistreerd();
        var lichaam = JsonSerializer.SerializeToNode(Testdata.Afspraak(), Infrastructure.Json.Options)!;
        lichaam["werkafspraken"]!.AsArray().Add(new JsonObject { ["variantCode"] = "proefdatum", ["parameters"] = new JsonObject { ["vanaf"] = "9999-12-31" } });

        var antwoord = await Geweigerd(() => Post(Afspraken, lichaam.ToJsonString(), Tokens.Regiopartij()));

        Velden(antwoord).ShouldBe(["werkafspraken[2].parameters.vanaf"]);
    }
}
