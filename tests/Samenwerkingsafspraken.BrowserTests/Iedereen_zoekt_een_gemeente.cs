using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Iedereen_zoekt_een_gemeente(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task wie_een_gemeente_zoekt_op_naam_of_code_ziet_haar_regio_en_daarna_de_gemeenten_van_die_regio()
    {
        await Open("/gemeenten");
        await Pagina.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("groningen");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Toegankelijk();
        var gevonden = await Tekst();
        gevonden.ShouldContain("1 gemeente op");
        gevonden.ShouldContain("GM0014");
        gevonden.ShouldContain("(AM01)");
        await Schermafbeelding("gemeenten-zoeken");

        await Pagina.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"\(AM01\)$") }).First.ClickAsync();
        await Toegankelijk();
        Pagina.Url.ShouldContain("arbeidsmarktregio=AM01");
        var regio = await Tekst();
        regio.ShouldContain("GM0014");
        (await Pagina.Locator("main tbody tr").CountAsync()).ShouldBeGreaterThan(3, "een regio heeft meer gemeenten");

        await Open("/gemeenten?gemeente=GM0014&peildatum=2026-01-01");
        (await Tekst()).ShouldContain("1 gemeente op 1 januari 2026");

        // A name that no gemeente had on the date is said beside the field.
        await Pagina.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("Atlantis");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-gemeente-fout")).ShouldContain("Er is geen gemeente 'Atlantis'");
    }
}
