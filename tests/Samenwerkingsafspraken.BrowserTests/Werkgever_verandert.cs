using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(RegisterCollectie.Naam)]
public sealed class Werkgever_verandert(Registeromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    private const string Facilitair = "77889900";

    [Fact]
    public async Task de_beheerder_wijzigt_naam_en_netwerken_van_een_werkgever_en_ziet_elke_wijziging_in_de_historie()
    {
        await new Apiverzoeken(Omgeving).WerkgeverInUtrecht(Facilitair, "Facilitair Utrecht B.V.", "schoonmaak-en-facilitair");

        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Open($"/werkgevers/{Facilitair}");
        var gegevens = await Tekst();
        gegevens.ShouldContain("Facilitair Utrecht B.V.");
        gegevens.ShouldContain("Schoonmaak en facilitaire dienstverlening (privaat)");
        gegevens.ShouldContain("Geregistreerd als Facilitair Utrecht B.V.");

        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Naam, sector of netwerken wijzigen" }).ClickAsync();
        await Toegankelijk();

        // An empty name is refused beside the name; what was chosen stays.
        await Pagina.GetByLabel("Naam", new() { Exact = true }).FillAsync("");
        await Pagina.GetByLabel("De Normaalste Zaak (DNZ)").CheckAsync();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Wijziging vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-naam-fout")).ShouldContain("Vul de naam in.");
        (await Pagina.GetByLabel("De Normaalste Zaak (DNZ)").IsCheckedAsync()).ShouldBeTrue();

        await Pagina.GetByLabel("Naam", new() { Exact = true }).FillAsync("Facilitair Midden-Nederland B.V.");
        await Pagina.GetByLabel("Reden (niet verplicht)").FillAsync("Nieuwe naam na de fusie van twee vestigingen.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Wijziging vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe($"/werkgevers/{Facilitair}");
        var na = await Tekst();
        na.ShouldContain("De wijziging is vastgelegd.");
        na.ShouldContain("Facilitair Midden-Nederland B.V.");
        na.ShouldContain("Naam gewijzigd in Facilitair Midden-Nederland B.V.");
        na.ShouldContain("Aangesloten bij DNZ.");
        na.ShouldContain("Nieuwe naam na de fusie van twee vestigingen.");
        await Schermafbeelding("beheerder-werkgever", volledigePagina: true);

        // Nothing changed is said above the form, not recorded.
        await Open($"/werkgevers/{Facilitair}/wijzigen");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Wijziging vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Tekst("#melding")).ShouldContain("De gegevens zijn al precies zo.");

        await Context.ClearCookiesAsync();
        await AangemeldAls("Bouwbedrijf Noord B.V.");
        await Open($"/werkgevers/{Facilitair}", 403);
        await Open($"/werkgevers/{Facilitair}/wijzigen", 403);
        await Open($"/werkgevers/{Infrastructuur.Gegevens.Bouwbedrijf}");
        (await Tekst()).ShouldContain("Geregistreerd als Bouwbedrijf Noord B.V.");
    }

    [Fact]
    public async Task de_beheerder_legt_een_samenvoeging_en_een_uitschrijving_bij_de_kvk_vast()
    {
        const string opgaand = "12121212", opvolger = "34343434", uitgeschreven = "56565656";
        var api = new Apiverzoeken(Omgeving);
        await api.WerkgeverInUtrecht(opgaand, "Schoonmaak Oost B.V.", "schoonmaak-en-facilitair");
        await api.WerkgeverInUtrecht(opvolger, "Schoonmaak Nederland B.V.", "schoonmaak-en-facilitair");
        await api.WerkgeverInUtrecht(uitgeschreven, "Drukkerij West B.V.", "schoonmaak-en-facilitair");

        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Open($"/werkgevers/{opgaand}");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Samenvoegen: deze werkgever gaat op in een ander KvK-nummer" }).ClickAsync();
        await Toegankelijk();

        // Nothing filled in (the date proposes today): every problem at once, beside its field.
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Samenvoeging vastleggen" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        foreach (var veld in new[] { "opgegaanIn", "reden" }) (await Pagina.Locator($"#veld-{veld}-fout").IsVisibleAsync()).ShouldBeTrue(veld);

        await Pagina.GetByLabel("KvK-nummer van de opvolger").FillAsync(opvolger);
        await Pagina.GetByLabel("Datum van de samenvoeging").FillAsync("2026-06-01");
        await Pagina.GetByLabel("Reden").FillAsync("Fusie, ingeschreven bij de KvK.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Samenvoeging vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe($"/werkgevers/{opvolger}");
        (await Tekst()).ShouldContain("De samenvoeging is vastgelegd");
        await Open($"/werkgevers/{opgaand}");
        var opgegaan = await Tekst();
        opgegaan.ShouldContain($"Opgegaan in KvK-nummer {opvolger}");
        opgegaan.ShouldContain("Opgegaan in Schoonmaak Nederland B.V.");

        await Open($"/werkgevers/{uitgeschreven}");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Uitschrijving bij de KvK vastleggen" }).ClickAsync();
        await Toegankelijk();
        await Pagina.GetByLabel("Datum van uitschrijving").FillAsync("2026-09-30");
        await Pagina.GetByLabel("Reden").FillAsync("Opgeheven volgens het Handelsregister.");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Uitschrijving vastleggen" }).ClickAsync();
        await Toegankelijk();
        new Uri(Pagina.Url).AbsolutePath.ShouldBe($"/werkgevers/{uitgeschreven}");
        var na = await Tekst();
        na.ShouldContain("De uitschrijving bij de KvK is vastgelegd.");
        na.ShouldContain("Uitgeschreven bij de KvK per 2026-09-30: Opgeheven volgens het Handelsregister.");

        // Only the beheerder: an employer is refused both pages, also for itself.
        await Context.ClearCookiesAsync();
        await AangemeldAls("Bouwbedrijf Noord B.V.");
        await Open($"/werkgevers/{Infrastructuur.Gegevens.Bouwbedrijf}/samenvoegen", 403);
        await Open($"/werkgevers/{Infrastructuur.Gegevens.Bouwbedrijf}/uitschrijven", 403);
    }

    [Fact]
    public async Task een_regiopartij_registreert_een_werkgever_en_ziet_eerst_dat_de_naam_lijkt_op_een_geregistreerde()
    {
        await AangemeldAls("Gemeente Utrecht");
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Register AM13", Exact = true }).ClickAsync();
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Een werkgever registreren" }).ClickAsync();
        await Toegankelijk();

        // Every missing field is said beside it, at once.
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Toegankelijk();
        (await Pagina.TitleAsync()).ShouldStartWith("Fout: ");
        (await Tekst("#veld-kvkNummer-fout")).ShouldContain("Vul het KvK-nummer in.");
        (await Tekst("#veld-naam-fout")).ShouldContain("Vul de naam in.");

        await Pagina.GetByLabel("KvK-nummer").FillAsync("88990011");
        await Pagina.GetByLabel("Naam", new() { Exact = true }).FillAsync("Bouwbedrijf Noord BV");
        await Pagina.GetByLabel("Sector").SelectOptionAsync("bouw");
        await Pagina.GetByLabel("Vestigingsnummer").FillAsync("000088990011");
        await Pagina.GetByLabel("Gemeente van de vestiging").FillAsync("GM0344");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Registreren" }).ClickAsync();
        await Toegankelijk();
        var vraag = await Tekst("#lijkt-op");
        vraag.ShouldContain("Staat deze werkgever er al in?");
        vraag.ShouldContain("Bouwbedrijf Noord B.V.");
        await Schermafbeelding("regiopartij-werkgever-lijkt-op");

        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Toch registreren" }).ClickAsync();
        await Toegankelijk();
        // A region reads an employer's record once it has a relation with it: it goes on to draw up the agreement.
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/regios/AM13/afspraken/nieuw");
        var vervolg = await Tekst();
        vervolg.ShouldContain("Bouwbedrijf Noord BV (KvK 88990011) is geregistreerd.");
        vervolg.ShouldContain("Stap 2 van 2");
    }
}
