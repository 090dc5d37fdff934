using System.Text;
using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(RegisterCollectie.Naam)]
public sealed class Regiopartij_importeert_afspraken(Registeromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    private const string Logistiek = "66778899";

    private const string Kop = "kenmerk,werkgever,titel,startdatum,einddatum,doelgroepen,plaatsingenPerJaar,duurzamePlaatsingenPerJaar," +
                               "regiopartij1Oin,regiopartij1Naam,regiopartij1Soort,regiopartij1Ondertekent,werkafspraak1Variant,werkafspraak1Parameters";

    private static string Regel(string kenmerk, string titel, string start, string eind, string variant) =>
        $"\"{kenmerk}\",\"{Logistiek}\",\"{titel}\",\"{start}\",\"{eind}\",\"banenafspraak, participatiewet\",\"4\",\"3\"," +
        $"\"{Apiverzoeken.GemeenteUtrecht}\",\"Gemeente Utrecht\",\"gemeente\",\"ja\",\"{variant}\",\"aantalPlaatsen=2; mboKwalificatie=Logistiek medewerker\"";

    [Fact]
    public async Task een_regiopartij_downloadt_het_sjabloon_ziet_elke_fout_per_regel_en_kolom_en_importeert_dan_alles_een_keer()
    {
        await new Apiverzoeken(Omgeving).WerkgeverInUtrecht(Logistiek, "Logistiek Centrum Utrecht B.V.", "logistiek");

        await AangemeldAls("Gemeente Utrecht");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Register AM13", Exact = true }).ClickAsync();
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Afspraken importeren uit een bestand" }).ClickAsync();
        await Toegankelijk();

        var sjabloon = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        (await File.ReadAllTextAsync((await sjabloon.PathAsync())!)).ShouldContain("werkafspraak1Variant");

        // Without a file, and then with a file full of mistakes: every problem, by row and column, and nothing recorded.
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleren (proefrun)" }).ClickAsync();
        await Toegankelijk();
        (await Tekst("#veld-bestand-fout")).ShouldContain("Kies het bestand met uw afspraken");

        var fout = string.Join("\n", Kop, Regel("U-1", "Magazijnwerk met begeleiding", "2025-06-01", "2025-01-01", "praktijkroute"),
            Regel("U-2", "Orderpicken in Nieuwegein", "2025-06-01", "2026-05-31", "bestaat-niet"));
        await Kies("fout.csv", fout);
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleren (proefrun)" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-bestand-fout")).ShouldContain("in 2 regels. Er is niets vastgelegd");
        var problemen = await Tekst("#problemen");
        problemen.ShouldContain("einddatum");
        problemen.ShouldContain("werkafspraak1Variant");
        await Schermafbeelding("regiopartij-import-fouten", volledigePagina: true);

        // A good file: the dry run shows what it would make, the real run makes it, the same file again makes nothing.
        var goed = string.Join("\n", Kop, Regel("U-1", "Magazijnwerk met begeleiding", "2025-06-01", "2026-05-31", "praktijkroute"),
            Regel("U-2", "Orderpicken in Nieuwegein", "2025-06-01", "2026-05-31", "praktijkroute"));
        await Kies("afspraken.csv", goed);
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleren (proefrun)" }).ClickAsync();
        await Toegankelijk();
        var proef = await Tekst();
        proef.ShouldContain("Proefrun: het bestand is in orde");
        proef.ShouldContain("Orderpicken in Nieuwegein");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "2 afspraken importeren" }).ClickAsync();
        await Toegankelijk();
        var import = await Tekst();
        import.ShouldContain("De import is vastgelegd: 2 afspraken als concept.");
        await Schermafbeelding("regiopartij-import", volledigePagina: true);
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Magazijnwerk met begeleiding" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("Magazijnwerk met begeleiding");

        await Open("/regios/AM13/import");
        await Kies("afspraken-nogmaals.csv", goed);
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleren (proefrun)" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("Dit bestand was al geïmporteerd");

        await Open("/regios/AM01/import", 403);
    }

    private Task Kies(string naam, string inhoud) =>
        Pagina.GetByLabel("Het bestand").SetInputFilesAsync(new FilePayload { Name = naam, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(inhoud) });
}
