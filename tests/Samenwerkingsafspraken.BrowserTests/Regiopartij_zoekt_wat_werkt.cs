using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(RegisterCollectie.Naam)]
public sealed class Regiopartij_zoekt_wat_werkt(Registeromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_andere_regio_vindt_een_bewezen_afspraak_pas_als_de_werkgever_toestemming_gaf_met_resultaten_en_bewijs()
    {
        // Friesland searches the country: Groningen's proven agreement is not findable without the employer's consent.
        await AangemeldAls("Gemeente Leeuwarden");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Wat werkt", Exact = true }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("0 bewezen afspraken gevonden");

        // The employer gives its consent on its own page; a choice left open is refused beside the choice.
        await Context.ClearCookiesAsync();
        await AangemeldAls("Bouwbedrijf Noord B.V.");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Mijn referenties" }).First.ClickAsync();
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Vindbaarheid in 'Wat werkt' instellen" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("niet vindbaar voor andere regio's");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-vindbaar-fout")).ShouldContain("Kies of uw bewezen afspraken vindbaar zijn.");
        await Pagina.GetByLabel("Ja, mijn bewezen afspraken zijn vindbaar voor alle regio's").CheckAsync();
        await Pagina.GetByLabel("Toelichting").FillAsync("Andere regio's mogen van onze aanpak leren.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen" }).ClickAsync();
        await Toegankelijk();
        var vindbaarheid = await Tekst();
        vindbaarheid.ShouldContain("Uw keuze is vastgelegd.");
        vindbaarheid.ShouldContain("vindbaar voor alle regio's, sinds");
        await Schermafbeelding("werkgever-vindbaarheid");

        // The same choice again changes nothing, and says so above the form.
        await Pagina.GetByLabel("Ja, mijn bewezen afspraken zijn vindbaar voor alle regio's").CheckAsync();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Tekst("#melding")).ShouldContain("De toestemming is al gegeven");
        await Open($"/werkgevers/{Infrastructuur.Gegevens.Zorggroep}/vindbaarheid", 403);

        // Now Friesland finds it, with its results against its targets and why it counts as proven.
        await Context.ClearCookiesAsync();
        await AangemeldAls("Gemeente Leeuwarden");
        await Open("/wat-werkt");
        var treffers = await Tekst();
        treffers.ShouldContain("1 bewezen afspraak gevonden");
        treffers.ShouldContain("Samen naar werk in de bouw");
        treffers.ShouldContain("Bouwbedrijf Noord B.V.");
        treffers.ShouldContain("8 plaatsingen tegen een doel van 8");
        treffers.ShouldContain("Bewezen.");
        treffers.ShouldContain("Per variant");
        (await Pagina.GetByRole(AriaRole.Link, new() { Name = "Samen naar werk in de bouw" }).CountAsync()).ShouldBe(0, "Friesland mag de afspraak in Groningen zelf niet openen");
        await Schermafbeelding("regiopartij-wat-werkt", volledigePagina: true);

        // Words, a facet, and a refusal beside the words.
        await Pagina.GetByLabel("Zoekwoorden").FillAsync("jobcoach");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("1 bewezen afspraak gevonden");
        (await Pagina.Locator("main mark").CountAsync()).ShouldBeGreaterThanOrEqualTo(1, "het gevonden woord gemarkeerd");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Bouw", Exact = true }).ClickAsync();
        await Toegankelijk();
        Pagina.Url.ShouldContain("sector=bouw");
        (await Tekst()).ShouldContain("1 bewezen afspraak gevonden");

        await Pagina.GetByLabel("Zoekwoorden").FillAsync("x");
        await Pagina.GetByLabel("Doelgroep").SelectOptionAsync(new SelectOptionValue { Label = "Statushouders" });
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-zoek-fout")).ShouldContain("Zoek op 2 tot 200 tekens.");
        (await Tekst("#foutsamenvatting")).ShouldContain("Zoek op 2 tot 200 tekens.");

        await Context.ClearCookiesAsync();
        await AangemeldAls("Bouwbedrijf Noord B.V.");
        await Open("/wat-werkt", 403);
    }
}
