using Microsoft.Extensions.DependencyInjection;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.IntegrationTests.Schrijven;

/// <summary>
/// Each node holds the regions and the variant catalogue in memory; a change made through another node (or by hand
/// in the database) is seen by the next command, because every command's read batch asks whether the data changed. A
/// lookup takes what the node confirmed less than a second ago, and sees such a change within that second.
/// </summary>
public sealed class Referentiegegevens_in_het_geheugen(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task een_variant_die_op_een_ander_knooppunt_is_uitgefaseerd_wordt_hier_bij_de_volgende_opdracht_geweigerd()
    {
        await WerkgeverGeregistreerd();
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        var cache = Service<Referentiecache>();
        var gelezen = cache.Herladen;

        await using (var ander = await ApiFixture.StartHost(Fixture.ConnectionString, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever))
        {
            (await Verstuur(ander, HttpMethod.Post, "/v1/varianten/externe-jobcoaching/uitfasering", new { reden = "Opgegaan in nazorg", versie = 1 },
                Tokens.Beheerder())).Status.ShouldBe(200);
        }

        var weer = await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij());

        weer.Probleem(400)["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("variant-uitgefaseerd");
        cache.Herladen.ShouldBe(gelezen + 1);
    }

    [Fact]
    public async Task een_regio_die_op_een_ander_knooppunt_is_opgeheven_toont_een_opvraging_hier_binnen_de_leeshorizon()
    {
        await WerkgeverGeregistreerd();
        var afspraak = (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>();
        (await Get($"{Afspraken}/{afspraak.Id}", Tokens.Auditor())).Json["arbeidsmarktregioOpgeheven"].ShouldBeNull();

        await using (var ander = await ApiFixture.StartHost(Fixture.ConnectionString, new TestTijd(ApiFixture.Starttijd), Fixture.Uitgever))
        {
            (await Verstuur(ander, HttpMethod.Post, $"/v1/arbeidsmarktregios/{afspraak.Arbeidsmarktregio}/opheffing",
                new { opvolger = "AM03", geldigVanaf = "2027-01-01", reden = "Samengegaan" }, Tokens.Beheerder(),
                new Dictionary<string, string> { ["If-Match"] = "\"1\"" })).Status.ShouldBe(200);
        }

        // This node did not make the change: a lookup may show what it held for up to a second, and then asks again.
        var opgeheven = await Binnen(TimeSpan.FromSeconds(30), async () =>
            (await Get($"{Afspraken}/{afspraak.Id}", Tokens.Auditor())).Json["arbeidsmarktregioOpgeheven"]);
        opgeheven!["opvolgers"]![0]!.GetValue<string>().ShouldBe("AM03");
    }

    [Fact]
    public async Task een_eigen_wijziging_tijdens_het_lezen_van_de_stempel_laat_de_opvraging_opnieuw_vragen()
    {
        var cache = Service<Referentiecache>();
        await cache.Actueel(CancellationToken.None);
        cache.Recent.ShouldNotBeNull();

        await using var sessie = Service<Marten.IDocumentStore>().QuerySession();
        var batch = sessie.CreateBatchQuery();
        var stempel = cache.Stempel(batch);
        // This node commits a change of the reference data while the batch is under way.
        Service<Referentiewijzigingen>().Vergeet();
        await batch.Execute();
        await cache.Stand(await stempel, sessie, CancellationToken.None);

        cache.Recent.ShouldBeNull("the stamp was asked before the change: it cannot vouch for what a lookup shows after it");
        await cache.Actueel(CancellationToken.None);
        cache.Recent.ShouldNotBeNull();
    }

    private static async Task<System.Text.Json.Nodes.JsonNode?> Binnen(TimeSpan termijn, Func<Task<System.Text.Json.Nodes.JsonNode?>> lees)
    {
        var tot = DateTime.UtcNow + termijn;
        while (true)
        {
            if (await lees() is { } gevonden || DateTime.UtcNow > tot) return await lees();
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task zolang_er_niets_verandert_worden_de_referentiegegevens_niet_opnieuw_gelezen()
    {
        await WerkgeverGeregistreerd();
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        var cache = Service<Referentiecache>();
        var gelezen = cache.Herladen;

        for (var i = 0; i < 3; i++) (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);

        cache.Herladen.ShouldBe(gelezen);
    }
}
