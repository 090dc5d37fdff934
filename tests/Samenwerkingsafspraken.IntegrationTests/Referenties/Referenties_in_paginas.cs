using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Referenties;

/// <summary>
/// "Mijn referenties" for an employer with more agreements than fit on a page: pages of ten cards, the counts of all
/// of them at the top, and a card's lineage drawn also when the agreements it links to are on another page.
/// </summary>
public sealed partial class Referenties_in_paginas(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task de_referenties_komen_per_tien_met_de_tellingen_van_alle_en_de_stamboom_over_de_paginas_heen()
    {
        var bron = await Bewezen();
        for (var i = 0; i < 11; i++)
        {
            (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Status.ShouldBe(201);
        }

        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var besluit = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie), Leeuwarden);
        besluit.Status.ShouldBe(200, besluit.Tekst);
        var overgenomen = besluit.Als<HergebruikverzoekWeergave>().NieuweAfspraakId!.Value;

        var werkgever = await AangemeldAls("werkgever-bouwbedrijf-noord");
        var eerste = await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties");
        eerste.Status.ShouldBe(200, eerste.Tekst);
        Regex.Replace(eerste.Tekst, "\\s+", " ").ShouldContain("13 afspraken in 2 regio&#x27;s, waarvan 1 bewezen");
        Regex.Replace(eerste.Tekst, "\\s+", " ").ShouldContain("Afspraak 1 tot en met 10 van 13");
        Kaarten(eerste.Tekst).ShouldBe(10);
        eerste.Tekst.ShouldContain($"href=\"/afspraken/{bron.Id}\"");
        eerste.Tekst.ShouldContain("grafiek stamboom", customMessage: "de stamboom van de bron");
        eerste.Tekst.ShouldContain($"/afspraken/{overgenomen}", customMessage: "de overname op pagina 2 staat in de stamboom op pagina 1");
        eerste.Tekst.ShouldContain("rel=\"next\" href=\"/werkgevers/01234567/referenties?pagina=2\"");

        var tweede = await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2");
        tweede.Status.ShouldBe(200, tweede.Tekst);
        Kaarten(tweede.Tekst).ShouldBe(3);
        Regex.Replace(tweede.Tekst, "\\s+", " ").ShouldContain("Afspraak 11 tot en met 13 van 13");
        tweede.Tekst.ShouldContain("rel=\"prev\" href=\"/werkgevers/01234567/referenties\"");
        tweede.Tekst.ShouldNotContain("rel=\"next\"");
        tweede.Tekst.ShouldContain("Overgenomen uit", customMessage: "de overname kent haar bron, die op pagina 1 staat");

        (await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=3")).Status.ShouldBe(404);
        (await (await AangemeldAls("werkgever-zorggroep-oost")).Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2")).Status.ShouldBe(403);
    }

    private static int Kaarten(string html) => Kaart().Matches(html).Count;

    [GeneratedRegex("<section class=\"kaart\"")]
    private static partial Regex Kaart();
}
