using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(RegisterCollectie.Naam)]
public sealed class Werkgever_vestigingen_en_referenties_in_paginas(Registeromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    private const string Logistiek = "55667788";

    [Fact]
    public async Task de_beheerder_voegt_een_vestiging_toe_verhuist_en_sluit_haar_en_de_regio_ziet_de_referenties_per_pagina()
    {
        var api = new Apiverzoeken(Omgeving);
        await api.WerkgeverInUtrecht(Logistiek, "Logistiek Utrecht B.V.", "logistiek");
        await api.Concepten(Logistiek, 26);

        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Open($"/werkgevers/{Logistiek}");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Vestigingen beheren" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Vestigingen: Logistiek Utrecht B.V.");

        // Both problems at once, each beside its field, and what was typed stays.
        await Pagina.GetByLabel("Vestigingsnummer").FillAsync("1234");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vestiging toevoegen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-vestigingsnummer-fout")).ShouldContain("12 cijfers");
        (await Pagina.Locator("#veld-gemeente-fout").CountAsync()).ShouldBe(1);
        (await Pagina.GetByLabel("Vestigingsnummer").InputValueAsync()).ShouldBe("1234");

        await Pagina.GetByLabel("Vestigingsnummer").FillAsync("000055667799");
        await Pagina.GetByLabel("Gemeente").SelectOptionAsync("GM0344");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vestiging toevoegen" }).ClickAsync();
        await Toegankelijk();
        var toegevoegd = await Tekst();
        toegevoegd.ShouldContain("De vestiging is toegevoegd.");
        (await Tekst("table")).ShouldContain("Utrecht (GM0344)");
        await Schermafbeelding("werkgever-vestigingen", volledigePagina: true);

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Verhuizen of sluiten (vestiging 000055667799)" }).ClickAsync();
        await Toegankelijk();
        await Pagina.GetByLabel("Nieuwe gemeente").SelectOptionAsync("GM0014");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verhuizing vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("De verhuizing is vastgelegd.");
        var rij = await Tekst("table");
        rij.ShouldContain("Groningen (GM0014)");
        rij.ShouldContain("AM01", customMessage: "de regio volgt uit de gemeente");

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Verhuizen of sluiten (vestiging 000055667799)" }).ClickAsync();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vestiging sluiten" }).ClickAsync();
        await Toegankelijk();
        (await Tekst("#veld-reden-fout")).ShouldContain("Geef de reden van de sluiting.");
        await Pagina.GetByLabel("Reden van de sluiting").FillAsync("Samengevoegd met de vestiging in Utrecht.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vestiging sluiten" }).ClickAsync();
        (await Tekst()).ShouldContain("De vestiging is gesloten.");
        await Open($"/werkgevers/{Logistiek}");
        (await Tekst()).ShouldContain("Samengevoegd met de vestiging in Utrecht.");

        // The region reads the references of an employer with 26 agreements in it: a compact table, 25 a page.
        await Context.ClearCookiesAsync();
        await AangemeldAls("Gemeente Utrecht");
        await Open($"/werkgevers/{Logistiek}/referenties");
        await Toegankelijk();
        var eerste = await Tekst();
        eerste.ShouldContain("26 afspraken in 1 regio, waarvan 0 bewezen");
        eerste.ShouldContain("Afspraak 1 tot en met 25 van 26, de oudste eerst (pagina 1 van 2)");
        eerste.ShouldContain("Nog geen resultaten; doel 4 plaatsingen per jaar.");
        eerste.ShouldContain("Niet bewezen: ");
        (await Pagina.Locator("main tbody tr").CountAsync()).ShouldBe(25);
        await Schermafbeelding("referenties-per-pagina", volledigePagina: true);
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("Afspraak 26 tot en met 26 van 26");
        (await Pagina.Locator("main tbody tr").CountAsync()).ShouldBe(1);
        new Uri(Pagina.Url).Query.ShouldBe("?pagina=2");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Afspraak 26 in Utrecht" }).ClickAsync();
        (await Tekst()).ShouldContain("Bewezen of niet", customMessage: "de details op de pagina van de afspraak");

        await Open($"/werkgevers/{Logistiek}/vestigingen", 403);
    }
}
