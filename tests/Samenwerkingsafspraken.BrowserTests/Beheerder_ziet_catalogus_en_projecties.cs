using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Beheerder_ziet_catalogus_en_projecties(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task de_beheerder_leest_de_variantencatalogus_en_herbouwt_een_projectie_als_achtergrondtaak()
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

        // Rebuilding is the API's background job: the page starts it and then shows its state until it is done.
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Herbouw Referentie", Exact = true }).ClickAsync();
        await Pagina.WaitForURLAsync(url => url.Contains("taak="));
        await Toegankelijk();
        (await Tekst()).ShouldContain("Herbouw van Referentie");
        var tot = DateTime.UtcNow.AddMinutes(2);
        while (!(await Pagina.InnerTextAsync("#herbouw-stand")).Contains("is herbouwd uit alle gebeurtenissen"))
        {
            (await Pagina.InnerTextAsync("#herbouw-stand")).ShouldNotContain("mislukt");
            if (DateTime.UtcNow > tot) throw new ShouldAssertException($"De herbouw is na twee minuten nog niet klaar: {await Pagina.InnerTextAsync("#herbouw-stand")}");
            await Task.Delay(250);
            await Pagina.ReloadAsync();
        }

        await Toegankelijk();
        await Schermafbeelding("beheerder-herbouw");

        await Open("/variantmatrix", 403);
        await Open("/regios/AM01/register", 403);
    }
}
