using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

public sealed class Beheerder_ziet_catalogus_en_projecties(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task de_beheerder_leest_de_variantencatalogus_en_de_stand_van_de_projecties()
    {
        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Variantencatalogus" }).First.ClickAsync();
        await Toegankelijk();
        var catalogus = await Tekst();
        catalogus.ShouldContain("Praktijkroute");
        catalogus.ShouldContain("Parameters van Praktijkroute");
        await Schermafbeelding("beheerder-variantencatalogus");

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Projecties" }).First.ClickAsync();
        await Toegankelijk();
        var projecties = await Tekst();
        projecties.ShouldContain("Variantgebruik");
        projecties.ShouldContain("asynchroon");
        projecties.ShouldContain("Referentie");
        await Schermafbeelding("beheerder-projecties");

        await Open("/variantmatrix", 403);
        await Open("/regios/AM01/register", 403);
    }
}
