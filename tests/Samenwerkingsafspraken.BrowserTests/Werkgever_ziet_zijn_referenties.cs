using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Werkgever_ziet_zijn_referenties(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_werkgever_ziet_al_zijn_afspraken_met_resultaten_bewijs_en_stamboom_en_niet_die_van_een_ander()
    {
        await Open("/");
        await Schermafbeelding("start");
        await AangemeldAls("Bouwbedrijf Noord B.V.");
        await Toegankelijk();

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Mijn referenties" }).First.ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Mijn referenties");
        var tekst = await Tekst();
        tekst.ShouldContain("Samen naar werk in de bouw");
        tekst.ShouldContain("2 afspraken in 2 regio's, waarvan 1 bewezen");
        tekst.ShouldContain("Bewezen.");
        tekst.ShouldContain("Ten minste 12 maanden actief");
        tekst.ShouldContain("8 plaatsingen tegen een doel van 8");
        (await Pagina.Locator("svg[role='img'][aria-labelledby]").CountAsync()).ShouldBeGreaterThanOrEqualTo(1, "een grafiek van de resultaten");
        (await Pagina.Locator("table:has(caption:text('Resultaten per kwartaal'))").CountAsync()).ShouldBeGreaterThanOrEqualTo(1, "de cijfers naast de grafiek");
        (await Pagina.Locator("svg.stamboom a").CountAsync()).ShouldBeGreaterThanOrEqualTo(2, "de stamboom als plaatje: bron en overname");
        await Schermafbeelding("werkgever-referenties", volledigePagina: true);

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Samen naar werk in de bouw" }).First.ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("Door alle vereiste partijen ondertekend");

        await Open($"/werkgevers/{Infrastructuur.Gegevens.Zorggroep}/referenties", 403);
        (await Tekst()).ShouldContain("Geen toegang");
        await Open($"/afspraken/{Gegevens.ZorgGroningen}", 403);
        (await Tekst()).ShouldContain("Deze afspraak is van een andere werkgever of regio.");
        await Schermafbeelding("geen-toegang");
    }
}
