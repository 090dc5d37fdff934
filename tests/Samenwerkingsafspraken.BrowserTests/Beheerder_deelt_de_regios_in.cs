using System.Text;
using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Samenwerkingsafspraken.Referentiedata;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

/// <summary>
/// The beheerder's journeys that change the delineation, on a registry of their own: the regions and gemeenten as
/// imported at the first start, and nothing else, so that what these journeys change counts in no other journey.
/// </summary>
public sealed class Indelingsomgeving : Browseromgeving
{
    protected override string Databasenaam => "samenwerkingsafspraken_indeling";

    protected override bool MetGegevens => false;
}

[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class IndelingCollectie : ICollectionFixture<Indelingsomgeving>
{
    public const string Naam = "indeling";
}

[Collection(IndelingCollectie.Naam)]
public sealed class Beheerder_deelt_de_regios_in(Indelingsomgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task de_beheerder_verplaatst_een_gemeente_en_splitst_een_regio_vanaf_een_datum()
    {
        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Indeling in regio's" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/beheer/indeling");

        // A gemeente by its code, then the form: a missing reason is said beside it, what was chosen stays.
        await Pagina.GetByLabel("Gemeente", new() { Exact = true }).FillAsync("GM0233");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/gemeenten/GM0233/verplaatsen");
        (await Tekst()).ShouldContain("Vandaag hoort Ermelo bij AM06");
        await Pagina.GetByLabel("Naar arbeidsmarktregio").SelectOptionAsync("AM11");
        await Pagina.GetByLabel("Geldig vanaf").FillAsync("2030-01-01");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verplaatsing vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-reden-fout")).ShouldContain("Vul de reden in");
        (await Pagina.GetByLabel("Naar arbeidsmarktregio").InputValueAsync()).ShouldBe("AM11");

        await Pagina.GetByLabel("Reden").FillAsync("Ermelo sluit aan bij Flevoland.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verplaatsing vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/gemeenten");
        (await Tekst()).ShouldContain("Flevoland (AM11)");

        // A region split: first what changes, then the parts; a new region is named.
        await Open("/regios/AM06/beheren");
        await Toegankelijk();
        await Pagina.GetByLabel("Splitsen: gemeenten gaan naar andere of nieuwe regio's").CheckAsync();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Toegankelijk();
        await Pagina.Locator("#veld-delen-0-arbeidsmarktregio").FillAsync("AM41");
        await Pagina.Locator("#veld-delen-0-gemeenten").FillAsync("GM0243, GM0273");
        await Pagina.GetByLabel("Geldig vanaf").FillAsync("2030-01-01");
        await Pagina.GetByLabel("Reden").FillAsync("Noordwest-Veluwe gaat zelfstandig verder.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Tekst("#veld-delen-0-naam-fout")).ShouldContain("Geef de nieuwe regio van dit deel een naam.");
        (await Pagina.Locator("#veld-delen-0-gemeenten").InputValueAsync()).ShouldBe("GM0243, GM0273");

        await Pagina.Locator("#veld-delen-0-naam").FillAsync("Noordwest-Veluwe");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/beheer/indeling");
        (await Tekst()).ShouldContain("De splitsing is vastgelegd.");
        await Schermafbeelding("beheerder-indeling", volledigePagina: false);

        await Open("/gemeenten?gemeente=GM0243&peildatum=2030-01-01");
        (await Tekst()).ShouldContain("Noordwest-Veluwe (AM41)");
        await Open("/gemeenten?gemeente=GM0243&peildatum=2029-12-31");
        (await Tekst()).ShouldContain("(AM06)");

        // Nobody else finds these pages.
        await Context.ClearCookiesAsync();
        await AangemeldAls("Gemeente Groningen");
        await Open("/beheer/indeling", 403);
        await Open("/regios/AM06/beheren", 403);
    }

    [Fact]
    public async Task de_proefrun_van_het_cbs_bestand_toont_elke_gebeurtenis_voordat_het_wordt_geladen()
    {
        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Open("/beheer/indeling");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "CBS-indelingsbestand laden" }).ClickAsync();
        await Toegankelijk();

        await Pagina.GetByLabel("Het CBS-bestand").SetInputFilesAsync(new FilePayload
        {
            Name = "gebieden-in-nederland-2027.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Bestand2027()),
        });
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Controleren (proefrun)" }).ClickAsync();
        await Toegankelijk();
        var plan = await Tekst("#plan");
        plan.ShouldContain("GemeenteVerplaatst");
        plan.ShouldContain("GemeenteHernoemd");
        plan.ShouldContain("GemeenteOpgeheven");
        (await Tekst()).ShouldContain("Er is nog niets vastgelegd.");
        await Schermafbeelding("beheerder-cbs-proefrun", volledigePagina: true);

        await Pagina.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("gebeurtenissen vastleggen$") }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/beheer/indeling");
        (await Tekst()).ShouldContain("Het CBS-bestand is geladen");

        await Open("/gemeenten?gemeente=GM0888&peildatum=2027-01-01");
        (await Tekst()).ShouldNotContain("Beek (L.)");
        (await Tekst()).ShouldContain("Beek");
    }

    private static string Bestand2027()
    {
        using var stroom = typeof(ReferentiedataImport).Assembly.GetManifestResourceStream($"Samenwerkingsafspraken.Referentiedata.{ReferentiedataImport.Gemeentebestand}")!;
        var bestand2026 = new StreamReader(stroom).ReadToEnd();

        // Next year's file as CBS might publish it: Beek loses its suffix, Zeewolde goes to Flevoland, Diemen goes into Amsterdam.
        return string.Join("\n", bestand2026.Split('\n')
            .Where(r => !r.StartsWith("Diemen,", StringComparison.Ordinal))
            .Select(r => r.Replace(",2026,", ",2027,"))
            .Select(r => r.StartsWith("Beek (L.),", StringComparison.Ordinal) ? "Beek" + r["Beek (L.)".Length..] : r)
            .Select(r => r.StartsWith("Zeewolde,", StringComparison.Ordinal) ? r.Replace("AM06,Veluwe Stedendriehoek", "AM11,Flevoland") : r));
    }
}
