using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(RegisterCollectie.Naam)]
public sealed class Regiopartij_meldt_en_volgt_het_werkaanbod(Registeromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    private const string Schoonmaak = "55667788";

    [Fact]
    public async Task een_regiopartij_meldt_de_vervulling_van_een_kwartaal_en_ziet_aangeboden_tegen_vervuld_per_regio_en_landelijk()
    {
        var api = new Apiverzoeken(Omgeving);
        await api.WerkgeverInUtrecht(Schoonmaak, "Schoonmaakbedrijf Midden B.V.", "schoonmaak-en-facilitair");
        var afspraak = await api.ActieveAfspraakMetWerkaanbod(Schoonmaak, "Schone start in Utrecht", "schoonmaak-en-facilitair", "Schoonmaker", 6, "2025-07-01");

        await AangemeldAls("Gemeente Utrecht");
        await Open($"/afspraken/{afspraak}");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Vervulling van het werkaanbod melden" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.GetByLabel("Kwartaal").InputValueAsync()).ShouldBe("2025-K4", "het laatste afgelopen kwartaal");
        var veld = Pagina.GetByLabel("Schoonmaak en facilitaire dienstverlening, Schoonmaker: vervuld van 6", new() { Exact = false });

        // More filled than offered is refused beside the line.
        await veld.FillAsync("9");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vervulling melden" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-regels-0-vervuld-fout")).ShouldContain("Er zijn 6 plaatsen");
        (await veld.InputValueAsync()).ShouldBe("9", "het formulier houdt wat is getypt");
        await Schermafbeelding("regiopartij-vervulling-fout");

        await veld.FillAsync("4");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vervulling melden" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe($"/afspraken/{afspraak}");
        (await Tekst()).ShouldContain("De vervulling van het werkaanbod is vastgelegd.");
        await api.ProjectiesBijgewerkt();

        // The overview: the region, then the country, with the export of what is on screen.
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Werkaanbod", Exact = true }).ClickAsync();
        await Toegankelijk();
        await Pagina.GetByLabel("Kwartaal").FillAsync("2025-K4");
        await Pagina.GetByLabel("Arbeidsmarktregio").SelectOptionAsync("AM13");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Toegankelijk();
        var regio = await Tekst();
        regio.ShouldContain("2025-K4, Midden-Utrecht (AM13)");
        regio.ShouldContain("6 plaatsen aangeboden");
        regio.ShouldContain("er 4 vervuld (66,7%)");
        regio.ShouldContain("Schoonmaak en facilitaire dienstverlening");
        await Schermafbeelding("werkaanbod-regio", volledigePagina: true);

        var download = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("werkaanbod-AM13-2025-K4");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("schoonmaak-en-facilitair");

        await Open("/werkaanbod?periode=2025-K4");
        var landelijk = await Tekst();
        landelijk.ShouldContain("2025-K4, landelijk");
        landelijk.ShouldContain("Per arbeidsmarktregio");
        landelijk.ShouldContain("Midden-Utrecht (AM13)");

        // A quarter that does not exist is refused beside its field.
        await Pagina.GetByLabel("Kwartaal").FillAsync("2025-K5");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-periode-fout")).ShouldContain("Een periode is een kwartaal");

        // A quarter already reported is corrected, with a reason; without one the form says so and keeps the number.
        await Open($"/afspraken/{afspraak}/vervulling");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Corrigeren 2025-K4" }).ClickAsync();
        await Toegankelijk();
        var correctie = Pagina.Locator("#veld-regels-0-vervuld");
        await correctie.FillAsync("5");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Correctie vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Pagina.Locator("#veld-reden-fout").IsVisibleAsync()).ShouldBeTrue();
        (await correctie.InputValueAsync()).ShouldBe("5");
        await Pagina.GetByLabel("Reden van de correctie").FillAsync("Een plaatsing werd later gemeld.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Correctie vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe($"/afspraken/{afspraak}");
        (await Tekst()).ShouldContain("De correctie van de vervulling is vastgelegd");

        // Another region's agreement is not Utrecht's to report on, nor to correct.
        await Open($"/afspraken/{Gegevens.Bewezen}/vervulling", 403);
        await Open($"/afspraken/{Gegevens.Bewezen}/vervulling/2025-K4/correctie", 403);
    }
}
