using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Auditor_onderzoekt_het_register(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_auditor_leest_de_variantmatrix_en_volgt_een_vak_naar_de_afspraken()
    {
        await AangemeldAls("SLW");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Variantmatrix" }).First.ClickAsync();
        await Toegankelijk();
        var matrix = await Tekst();
        matrix.ShouldContain("5 afspraken in 2 regio's");
        (await Pagina.Locator("svg.warmtekaart a").CountAsync()).ShouldBe(4, "praktijkroute en externe jobcoaching in AM01 en AM02");
        await Schermafbeelding("auditor-variantmatrix", volledigePagina: true);

        await Pagina.Locator("svg.warmtekaart a[aria-label='Praktijkroute in AM01: 3 afspraken']").ClickAsync();
        await Toegankelijk();
        Pagina.Url.ShouldContain("/regios/AM01/register?variant=praktijkroute");
        (await Tekst()).ShouldContain("3 gevonden met deze filters");

        await Open("/variantmatrix?doelgroep=wajong");
        (await Tekst()).ShouldContain("Geen afspraken met deze filters.");
        await Open("/variantmatrix?sector=bouw");
        (await Tekst()).ShouldContain("2 afspraken in 2 regio's");
        await Open("/variantmatrix?sector=bouw&van=2025-01-01&tot=2025-12-31");
        (await Tekst()).ShouldContain("1 afspraak in 1 regio.");

        var download = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
    }

    [Fact]
    public async Task een_auditor_volgt_de_stamboom_vergelijkt_versies_en_bekijkt_een_afspraak_op_een_datum()
    {
        await AangemeldAls("DNZ");
        await Open($"/afspraken/{Gegevens.Overgenomen}/stamboom");
        var stamboom = await Tekst();
        stamboom.ShouldContain("2 afspraken, te beginnen in AM01");
        stamboom.ShouldContain("Langere reistijden in Friesland");
        (await Pagina.Locator("svg.stamboom a").CountAsync()).ShouldBe(2);
        await Schermafbeelding("auditor-stamboom");

        await Open($"/afspraken/{Gegevens.Bewezen}/verschillen?van=2&tot=10");
        var verschillen = await Tekst();
        verschillen.ShouldContain("Versie 2 en versie 10 naast elkaar");
        verschillen.ShouldContain("Resultaten (gewijzigd)");
        verschillen.ShouldContain("resultaten[2025-K4]: geregistreerd");
        await Schermafbeelding("auditor-verschillen", volledigePagina: true);

        await Open($"/afspraken/{Gegevens.Bewezen}?peildatum=2025-03-01");
        var alsToen = await Tekst();
        alsToen.ShouldContain("U bekijkt de afspraak zoals zij was aan het eind van 2025-03-01 (versie 4 van 10)");
        alsToen.ShouldContain("Er zijn nog geen resultaten geregistreerd.");

        await Open($"/afspraken/{Gegevens.Bewezen}?peildatum=1-3-2025", 400);
        (await Tekst()).ShouldContain("Een peildatum is een datum: JJJJ-MM-DD.");
        await Open($"/afspraken/{Guid.NewGuid()}", 404);
        (await Tekst()).ShouldContain("Pagina niet gevonden");
    }

    [Fact]
    public async Task een_auditor_controleert_de_integriteit_en_haalt_exports_met_de_filters_op_het_scherm()
    {
        await AangemeldAls("SLW");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Integriteit" }).First.ClickAsync();
        await Toegankelijk();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleer nu" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("Intact.");
        await Schermafbeelding("auditor-integriteit");

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Regio's", Exact = true }).First.ClickAsync();
        await Toegankelijk();
        await Schermafbeelding("auditor-regios");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Register Friesland" }).ClickAsync();
        await Toegankelijk();
        await Pagina.GetByLabel("Status").SelectOptionAsync("actief");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var download = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("Samen naar werk in de bouw");
        csv.ShouldNotContain("Zorgbanen in Friesland");

        await Open($"/werkgevers/{Infrastructuur.Gegevens.Bouwbedrijf}/referenties");
        download = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"referenties-{Infrastructuur.Gegevens.Bouwbedrijf}-2026-03-02.xlsx");
    }
}
