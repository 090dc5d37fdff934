using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Referenties;

/// <summary>
/// "Mijn referenties" for an employer with more agreements than get a card each: a compact table of 25 a page, each row
/// with status, results against targets and proven or not and why; the counts of all of them at the top.
/// </summary>
public sealed partial class Referenties_in_paginas(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task meer_dan_tien_referenties_komen_als_tabel_per_25_met_de_tellingen_van_alle()
    {
        var bron = await Bewezen();
        for (var i = 0; i < 25; i++)
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
        var tekst = Regex.Replace(eerste.Tekst, "\\s+", " ");
        tekst.ShouldContain("27 afspraken in 2 regio&#x27;s, waarvan 1 bewezen");
        tekst.ShouldContain("Afspraak 1 tot en met 25 van 27, de oudste eerst (pagina 1 van 2)");
        Kaarten(eerste.Tekst).ShouldBe(0, "te veel afspraken voor een kaart per afspraak");
        Rijen(eerste.Tekst).ShouldBe(25);
        tekst.ShouldContain($"href=\"/afspraken/{bron.Id}\"");
        tekst.ShouldContain("8 plaatsingen tegen een doel van 8 (100%) over 4 kwartalen", customMessage: "resultaten tegen de doelen");
        tekst.ShouldContain("Bewezen: voldoet aan elk criterium.");
        tekst.ShouldContain("Niet bewezen: Ten minste 12 maanden actief", customMessage: "en waarom niet");
        tekst.ShouldContain($"Hergebruikt in {Testdata.Friesland}.");
        tekst.ShouldContain($"href=\"/afspraken/{bron.Id}/stamboom\"");
        eerste.Tekst.ShouldContain("rel=\"next\" href=\"/werkgevers/01234567/referenties?pagina=2\"");

        var tweede = await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2");
        tweede.Status.ShouldBe(200, tweede.Tekst);
        Rijen(tweede.Tekst).ShouldBe(2);
        Regex.Replace(tweede.Tekst, "\\s+", " ").ShouldContain("Afspraak 26 tot en met 27 van 27");
        tweede.Tekst.ShouldContain($"href=\"/afspraken/{overgenomen}\"", customMessage: "de overname, het laatst opgesteld");
        tweede.Tekst.ShouldContain($"Overgenomen uit {Testdata.Groningen}.");
        tweede.Tekst.ShouldContain("rel=\"prev\" href=\"/werkgevers/01234567/referenties\"");
        tweede.Tekst.ShouldNotContain("rel=\"next\"");

        (await werkgever.Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=3")).Status.ShouldBe(404);
        (await (await AangemeldAls("werkgever-zorggroep-oost")).Open($"/werkgevers/{Testdata.Kvk}/referenties?pagina=2")).Status.ShouldBe(403);
    }

    private static int Kaarten(string html) => Kaart().Matches(html).Count;

    private static int Rijen(string html) => Rij().Matches(html).Count;

    [GeneratedRegex("<tr class=\"utrecht-table__row\">\\s*<th class=\"utrecht-table__header-cell\" scope=\"row\"><a ")]
    private static partial Regex Rij();

    [GeneratedRegex("<section class=\"kaart\"")]
    private static partial Regex Kaart();
}
