using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Opvragen;

namespace Samenwerkingsafspraken.IntegrationTests.Varianten;

public sealed class Catalogus_beheren(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static object NieuweVariant(string code = "buddy") => new
    {
        code,
        naam = "Buddy op de werkvloer",
        omschrijving = "Een collega als vast aanspreekpunt in de eerste maanden.",
        pijler = "route",
        parameters = new object[]
        {
            new { naam = "urenPerMaand", type = "decimaal", verplicht = true, omschrijving = "Uren per maand.", minimum = 1, maximum = 40, standaard = 4 },
            new { naam = "vorm", type = "keuze", verplicht = false, omschrijving = "Hoe.", keuzes = new[] { "collega", "leidinggevende" } },
        },
    };

    [Fact]
    public async Task de_beheerder_voegt_een_variant_toe_en_daarna_kan_die_worden_afgesproken()
    {
        var antwoord = await Post("/v1/varianten", NieuweVariant(), Tokens.Beheerder());

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        antwoord.Header("Location").ShouldBe("/v1/varianten/buddy");
        var variant = (await Get("/v1/varianten/buddy")).Als<VariantWeergave>();
        variant.Pijler.ShouldBe(Pijler.Route);
        variant.Parameters.Select(p => p.Naam).ShouldBe(["urenPerMaand", "vorm"]);

        await WerkgeverGeregistreerd();
        var afspraak = Testdata.Afspraak() with { Werkafspraken = [new WerkafspraakVerzoek("buddy", new() { ["vorm"] = Testdata.Json("collega") }, null)] };
        var opgesteld = await Post(Afspraken, afspraak, Tokens.Regiopartij());
        opgesteld.Status.ShouldBe(201, opgesteld.Tekst);
        opgesteld.Als<SamenwerkingsafspraakWeergave>().Werkafspraken.Single().Parameters["urenPerMaand"].GetDecimal().ShouldBe(4m);
    }

    [Fact]
    public async Task een_wijziging_van_een_variant_geldt_voor_nieuwe_afspraken()
    {
        var wijziging = new
        {
            naam = "Externe jobcoaching", omschrijving = "Begeleiding door een jobcoach van buiten.", pijler = "route", reden = "Intensiever",
            parameters = new object[] { new { naam = "urenPerWeek", type = "decimaal", verplicht = true, omschrijving = "Uren per week.", minimum = 4, maximum = 40 } },
            versie = 1,
        };

        var antwoord = await Post("/v1/varianten/externe-jobcoaching/wijzigingen", wijziging, Tokens.Beheerder());

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        antwoord.Als<VariantWeergave>().Versie.ShouldBe(2);
        await WerkgeverGeregistreerd();
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).OngeldigeVelden().ShouldBe(["werkafspraken[1].parameters.urenPerWeek"]);
    }

    [Fact]
    public async Task een_uitgefaseerde_variant_kan_niet_meer_worden_afgesproken_maar_blijft_leesbaar()
    {
        var bestaand = await Concept();

        var uitgefaseerd = await Post("/v1/varianten/externe-jobcoaching/uitfasering", new { reden = "Opgegaan in nazorg" }, Tokens.Beheerder(), IfMatch(1));

        uitgefaseerd.Status.ShouldBe(200, uitgefaseerd.Tekst);
        uitgefaseerd.Als<VariantWeergave>().Status.ShouldBe(Variantstatus.Uitgefaseerd);
        (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Probleem(400)["invalidParams"]![0]!["code"]!.GetValue<string>()
            .ShouldBe("variant-uitgefaseerd");
        (await Get("/v1/varianten")).Als<VariantLijst>().Varianten.ShouldNotContain(v => v.Code == "externe-jobcoaching");
        (await Get("/v1/varianten?ookUitgefaseerd=true")).Als<VariantLijst>().Varianten.ShouldContain(v => v.Code == "externe-jobcoaching");
        (await Lees(bestaand.Id)).Werkafspraken.ShouldContain(w => w.VariantCode == "externe-jobcoaching");
    }

    [Fact]
    public async Task alleen_de_beheerder_beheert_de_catalogus()
    {
        (await Post("/v1/varianten", NieuweVariant(), Tokens.Regiopartij())).Probleem(403);
        (await Post("/v1/varianten", NieuweVariant(), Tokens.Auditor())).Probleem(403);
        (await Post("/v1/varianten", NieuweVariant(), token: null)).Probleem(401);
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "x", versie = 1 }, Tokens.Werkgever())).Probleem(403);
        (await Get("/v1/varianten/nazorg")).Als<VariantWeergave>().Status.ShouldBe(Variantstatus.Actief);
    }

    [Fact]
    public async Task weigeringen_van_de_catalogus()
    {
        (await Post("/v1/varianten", NieuweVariant("praktijkroute"), Tokens.Beheerder())).ProbleemCode(409).ShouldBe("bestaat-al");
        (await Post("/v1/varianten", new { code = "Geen Code", parameters = new[] { new { naam = "x", type = "kleur" } } }, Tokens.Beheerder()))
            .OngeldigeVelden().ShouldBe(["code", "naam", "omschrijving", "pijler", "parameters[0].omschrijving", "parameters[0].type"], ignoreOrder: true);
        (await Post("/v1/varianten/bestaat-niet/uitfasering", new { reden = "x", versie = 1 }, Tokens.Beheerder())).Probleem(404);
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "x" }, Tokens.Beheerder())).ProbleemCode(428).ShouldBe("versie-vereist");
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "x", versie = 7 }, Tokens.Beheerder())).ProbleemCode(409).ShouldBe("versie-verouderd");
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "x", versie = 1 }, Tokens.Beheerder())).Status.ShouldBe(200);
        (await Post("/v1/varianten/nazorg/uitfasering", new { reden = "x", versie = 2 }, Tokens.Beheerder())).ProbleemCode(409).ShouldBe("uitgefaseerd");
        (await Get("/v1/varianten/bestaat-niet")).Probleem(404);
    }
}
