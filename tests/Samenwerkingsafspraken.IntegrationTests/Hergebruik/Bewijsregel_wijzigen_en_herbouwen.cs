using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties;

namespace Samenwerkingsafspraken.IntegrationTests.Hergebruik;

/// <summary>
/// The proof rule is configuration; the reference projection is re-decided from the events by a rebuild. This story
/// runs on a database of its own: a host with the default rule, then one with a stricter rule that rebuilds.
/// </summary>
public sealed class Bewijsregel_wijzigen_en_herbouwen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_strengere_regel_en_een_herbouw_beslissen_elke_afspraak_opnieuw()
    {
        var connectionString = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_bewijsregel");
        await using (var standaard = await ApiFixture.StartHost(connectionString, Tijd, Fixture.Uitgever))
        {
            await Bewezen(op: standaard);
            (await Referentie(standaard)).Bewijs.Bewezen.ShouldBeTrue();
        }

        var strenger = new Dictionary<string, string> { ["Bewijsregel:MinimaleMaandenActief"] = "24", ["Bewijsregel:MinimaalPercentageVanDoel"] = "90" };
        await using var streng = await ApiFixture.StartHost(connectionString, Tijd, Fixture.Uitgever, strenger);
        (await Referentie(streng)).Bewijs.Bewezen.ShouldBeTrue("before the rebuild the stored decision stands");

        await Herbouwd("Referentie", op: streng);

        var referentie = await Referentie(streng);
        referentie.Bewijs.Bewezen.ShouldBeFalse();
        var looptijd = referentie.Bewijs.Criteria.Single(c => c.Code == "looptijd");
        looptijd.Voldaan.ShouldBeFalse();
        looptijd.Omschrijving.ShouldContain("24 maanden");
        referentie.Bewijs.Criteria.Single(c => c.Code == "resultaten").Voldaan.ShouldBeTrue();
        (await Verstuur(streng, HttpMethod.Get, "/v1/bewijsregel", null, null)).Json["instellingen"]!["minimaleMaandenActief"]!.GetValue<int>().ShouldBe(24);
    }

    [Fact]
    public async Task alleen_de_beheerder_herbouwt_en_alleen_bekende_projecties()
    {
        (await Post("/v1/beheer/projecties/Referentie/herbouw", new { }, Tokens.Auditor())).Probleem(403);
        (await Post("/v1/beheer/projecties/Referentie/herbouw", new { }, token: null)).Probleem(401);
        (await Post("/v1/beheer/projecties/Onbekend/herbouw", new { }, Tokens.Beheerder())).Probleem(404);
        (await Get("/v1/beheer/projecties", Tokens.Beheerder())).Json["projecties"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldContain("Referentie");
    }

    private async Task<ReferentieWeergave> Referentie(IAlbaHost host) =>
        (await Verstuur(host, HttpMethod.Get, $"/v1/werkgevers/{Testdata.Kvk}/referenties", null, Tokens.Auditor())).Als<ReferentieLijst>().Referenties.Single();
}
