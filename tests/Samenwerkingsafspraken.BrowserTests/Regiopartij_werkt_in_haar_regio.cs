using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Regiopartij_werkt_in_haar_regio(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_gemeente_filtert_het_register_van_haar_regio_opent_een_afspraak_en_ziet_geen_andere_regio()
    {
        await AangemeldAls("Gemeente Groningen");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Register AM01", Exact = true }).ClickAsync();
        await Toegankelijk();
        var register = await Tekst();
        register.ShouldContain("Samen naar werk in de bouw");
        register.ShouldContain("Zorgbanen in Groningen");
        register.ShouldContain("Vakkenvullen met een jobcoach");
        register.ShouldNotContain("Zorgbanen in Friesland");
        await Schermafbeelding("regiopartij-register", volledigePagina: true);

        await Pagina.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Concept" });
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Toegankelijk();
        Pagina.Url.ShouldContain("status=concept");
        register = await Tekst();
        register.ShouldContain("Zorgbanen in Groningen");
        register.ShouldNotContain("Samen naar werk in de bouw");

        await Pagina.GotoAsync("/regios/AM01/register");
        await Pagina.GetByLabel("Zoek in titel of werkgever").FillAsync("supermarkten");
        await Pagina.GetByLabel("Sector").SelectOptionAsync(new SelectOptionValue { Label = "Groot- en detailhandel" });
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Toegankelijk();
        register = await Tekst();
        register.ShouldContain("1 gevonden met deze filters");
        register.ShouldContain("Vakkenvullen met een jobcoach");

        var download = await Pagina.RunAndWaitForDownloadAsync(() => Pagina.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("register-AM01-");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("Vakkenvullen met een jobcoach");
        csv.ShouldNotContain("Samen naar werk in de bouw");

        await Open($"/afspraken/{Gegevens.Bewezen}");
        var afspraak = await Tekst();
        afspraak.ShouldContain("Partijen en ondertekeningen");
        afspraak.ShouldContain("Door alle vereiste partijen ondertekend.");
        afspraak.ShouldContain("Praktijkroute");
        afspraak.ShouldContain("Timmerman");
        afspraak.ShouldContain("Jobcoach van het SW-bedrijf in de eerste drie maanden.");
        afspraak.ShouldContain("Resultaten per kwartaal");
        afspraak.ShouldContain("Een vaste jobcoach en korte lijnen met de uitvoerder werkten.");
        afspraak.ShouldContain("Door Accountmanager werkgeversdienstverlening, regiopartij namens Gemeente Groningen (OIN 00000001001589623000)");
        (await Pagina.Locator(".tijdlijn__item").CountAsync()).ShouldBe(10);
        await Schermafbeelding("regiopartij-afspraak", volledigePagina: true);

        await Pagina.GetByLabel("Versie", new() { Exact = true }).SelectOptionAsync("2");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Toon versie" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("U bekijkt de afspraak zoals zij was na versie 2 (versie 2 van 10)");

        await Open("/regios/AM02/register", 403);
        (await Tekst()).ShouldContain("Het register van AM02 is voor de regiopartijen van die regio en voor auditors.");
        await Open($"/afspraken/{Gegevens.ZorgFriesland}", 403);
        await Open("/regios/AM02/hergebruikverzoeken", 403);
        await Open("/variantmatrix?sector=onbekend", 400);
        (await Tekst()).ShouldContain("sector");
    }

    [Fact]
    public async Task een_gevraagde_regio_ziet_haar_verzoeken_met_wachttijd_en_het_referentiedossier()
    {
        await AangemeldAls("Gemeente Assen");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Hergebruikverzoeken AM03", Exact = true }).ClickAsync();
        await Toegankelijk();
        var inbox = await Tekst();
        inbox.ShouldContain("Bouwbedrijf Noord B.V.");
        inbox.ShouldContain("wacht al 20 dagen");
        await Schermafbeelding("regiopartij-hergebruikverzoeken");

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Referentiedossier van Bouwbedrijf Noord B.V., Samen naar werk in de bouw" }).ClickAsync();
        await Toegankelijk();
        var dossier = await Tekst();
        dossier.ShouldContain("vraagt AM03 om Samen naar werk in de bouw over te nemen uit AM01 (versie 10)");
        dossier.ShouldContain("Langere reistijden");
        dossier.ShouldContain("Bewezen.");
        dossier.ShouldContain("2 afspraken, waarvan 1 bewezen");
        await Schermafbeelding("regiopartij-referentiedossier", volledigePagina: true);

        // The source agreement in Groningen is not Assen's to open; the dossier carries what it needs.
        await Open($"/afspraken/{Gegevens.Bewezen}", 403);
        await Open($"/hergebruikverzoeken/{Gegevens.GeaccepteerdVerzoek}", 403);
    }

    [Fact]
    public async Task de_regio_die_accepteerde_ziet_het_besluit_en_de_overgenomen_afspraak_met_haar_herkomst()
    {
        await AangemeldAls("Gemeente Leeuwarden");
        await Open("/regios/AM02/hergebruikverzoeken?status=geaccepteerd");
        (await Tekst()).ShouldContain("besloten na 3 dagen");
        await Open($"/hergebruikverzoeken/{Gegevens.GeaccepteerdVerzoek}");
        (await Tekst()).ShouldContain("Regionale mbo-partner");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "De overgenomen afspraak in AM02" }).ClickAsync();
        await Toegankelijk();
        var afspraak = await Tekst();
        afspraak.ShouldContain("Overgenomen uit versie 10 van de afspraak in AM01");
        afspraak.ShouldContain("Langere reistijden in Friesland");
        afspraak.ShouldContain("Met het Friesland College.");
    }
}
