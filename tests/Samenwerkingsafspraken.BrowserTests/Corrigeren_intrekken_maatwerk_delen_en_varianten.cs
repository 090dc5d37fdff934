using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

/// <summary>
/// The remaining forms, as the people who use them: a gemeente corrects a quarter's results, another accepts a request
/// with maatwerk, the employer withdraws a request and shares its referentiedossier with a region (and withdraws that),
/// the beheerder adds, changes and phases out a variant. Each form is first sent with a mistake where it has one.
/// </summary>
[Collection(FormulierCollectie.Naam)]
public sealed class Corrigeren_intrekken_maatwerk_delen_en_varianten(Formulieromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_gemeente_corrigeert_de_resultaten_van_een_kwartaal_met_een_reden()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Gemeente Groningen");
        var adres = $"/afspraken/{Gegevens.Supermarkt}";
        await Open($"{adres}/resultaten/2025-K2/correctie");
        await Veld("plaatsingen").FillAsync("3");
        await Veld("naZesMaandenInWerk").FillAsync("2");
        await Veld("naTwaalfMaandenInWerk").FillAsync("0");
        await Veld("uitval").FillAsync("1");
        await Knop("Correctie vastleggen");
        await Toegankelijk();
        await Geweigerd("reden");
        (await Veld("plaatsingen").InputValueAsync()).ShouldBe("3", "wat de gebruiker typte blijft staan");

        await Veld("reden").FillAsync("Twee plaatsingen werden later gemeld door de jobcoach.");
        await Knop("Correctie vastleggen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=gecorrigeerd"));
        await Toegankelijk();
        var pagina = await Tekst();
        pagina.ShouldContain("De correctie is vastgelegd");
        pagina.ShouldContain("Twee plaatsingen werden later gemeld door de jobcoach.");
        await Schermafbeelding("formulier-correctie", volledigePagina: true);

        // Another region's gemeente may not correct it, on the form or with its own post.
        await AangemeldAls("Gemeente Assen");
        await Open($"{adres}/resultaten/2025-K2/correctie", 403);
    }

    [Fact]
    public async Task drenthe_accepteert_een_verzoek_met_maatwerk_met_een_reden_per_wijziging()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Gemeente Assen");
        await Open("/regios/AM03/hergebruikverzoeken");
        (await Tekst()).ShouldContain("Bouwbedrijf Noord");
        var verzoek = $"/hergebruikverzoeken/{Gegevens.OpenVerzoek}";
        await Open($"{verzoek}/besluit");
        await Pagina.Locator("input[name='besluit'][value='geaccepteerdMetMaatwerk']").CheckAsync();
        await Knop("Verder");
        await Toegankelijk();

        // A change without its reason is refused beside it; what was typed stays.
        await Veld("bron[0].maatwerk").FillAsync("Samen met het leerwerkbedrijf van Assen.");
        await Knop("Accepteren");
        await Toegankelijk();
        (await Pagina.Locator("#foutsamenvatting").IsVisibleAsync()).ShouldBeTrue();
        (await Pagina.Locator("#foutsamenvatting").InnerTextAsync()).ShouldContain("reden", Case.Insensitive);
        (await Veld("bron[0].maatwerk").InputValueAsync()).ShouldBe("Samen met het leerwerkbedrijf van Assen.");

        await Veld("bron[0].reden").FillAsync("In Drenthe begeleidt het leerwerkbedrijf de plaatsingen.");
        await Knop("Accepteren");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=overgenomen"));
        await Toegankelijk();
        var nieuw = await Tekst();
        nieuw.ShouldContain("Het verzoek is geaccepteerd");
        nieuw.ShouldContain("Samen met het leerwerkbedrijf van Assen.");
        await Schermafbeelding("formulier-maatwerk", volledigePagina: true);
    }

    [Fact]
    public async Task de_werkgever_vraagt_hergebruik_en_trekt_het_verzoek_weer_in()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Bouwbedrijf Noord");
        await Open($"/afspraken/{Gegevens.Bewezen}/hergebruik-vragen");
        await Veld("arbeidsmarktregio").SelectOptionAsync("AM36");
        await Veld("toelichting").FillAsync("Wij bouwen in Zwolle.");
        await Knop("Verzoek versturen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=verzocht"));
        var verzoek = new Uri(Pagina.Url).AbsolutePath;

        await Open($"{verzoek}/intrekken");
        await Veld("toelichting").FillAsync("Het project in Zwolle gaat niet door.");
        await Knop("Verzoek intrekken");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=ingetrokken"));
        await Toegankelijk();
        (await Tekst()).ShouldContain("Ingetrokken");
        await Schermafbeelding("formulier-intrekken");

        // Withdrawn is final: the form says so instead of offering to withdraw again.
        await Open($"{verzoek}/intrekken");
        (await Tekst()).ShouldContain("Dit verzoek is niet meer open");
        (await Pagina.GetByRole(AriaRole.Button, new() { Name = "Verzoek intrekken", Exact = true }).CountAsync()).ShouldBe(0);

        await AangemeldAls("Zorggroep Oost");
        await Open($"/hergebruikverzoeken/{Gegevens.OpenVerzoek}/intrekken", 403);
    }

    [Fact]
    public async Task de_werkgever_deelt_zijn_referentiedossier_met_een_regio_en_trekt_de_deling_in()
    {
        Zet(2026, 3, 2);
        var referenties = $"/werkgevers/{Infrastructuur.Gegevens.Bouwbedrijf}/referenties";
        await AangemeldAls("Gemeente Utrecht");
        await Open(referenties, 403);

        await AangemeldAls("Bouwbedrijf Noord");
        await Open(referenties);
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Referenties delen met een regio" }).ClickAsync();
        await Toegankelijk();
        (await Tekst()).ShouldContain("U deelt uw referenties met geen enkele regio.");
        await Knop("Referenties delen");
        await Toegankelijk();
        await Geweigerd("arbeidsmarktregio");
        await Veld("arbeidsmarktregio").SelectOptionAsync("AM13");
        await Veld("toelichting").FillAsync("Wij openen een vestiging in Utrecht.");
        await Verstuurd("Referenties delen", "melding=gedeeld");
        await Toegankelijk();
        var gedeeld = await Tekst();
        gedeeld.ShouldContain("AM13 Midden-Utrecht");
        gedeeld.ShouldContain("Wij openen een vestiging in Utrecht.");
        await Schermafbeelding("werkgever-delen", volledigePagina: true);

        await AangemeldAls("Gemeente Utrecht");
        await Open(referenties);
        (await Tekst()).ShouldContain("Bouwbedrijf Noord");
        await AangemeldAls("Zorggroep Oost");
        await Open($"{referenties}/delen", 403);

        await AangemeldAls("Bouwbedrijf Noord");
        await Open($"{referenties}/delen");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Intrekken voor AM13 Midden-Utrecht" }).ClickAsync();
        await Pagina.WaitForURLAsync(url => url.Contains("melding=ingetrokken"));
        await Toegankelijk();
        (await Tekst()).ShouldContain("U deelt uw referenties met geen enkele regio.");

        await AangemeldAls("Gemeente Utrecht");
        await Open(referenties, 403);
    }

    [Fact]
    public async Task de_beheerder_voegt_een_variant_toe_wijzigt_haar_en_faseert_haar_uit()
    {
        await AangemeldAls("Beheer Samenwerkingsafspraken");
        await Open("/varianten/nieuw");
        await Veld("naam").FillAsync("Digitale vaardigheden");
        await Knop("Variant toevoegen");
        await Toegankelijk();
        await Geweigerd("code", "omschrijving", "pijler");
        (await Veld("naam").InputValueAsync()).ShouldBe("Digitale vaardigheden");

        await Veld("code").FillAsync("digitale-vaardigheden");
        await Veld("omschrijving").FillAsync("Training in digitale vaardigheden op de werkplek.");
        await Pagina.Locator("input[name='pijler'][value='scholing']").CheckAsync();
        // The form opens with one parameter row.
        await Veld("parameters[0].naam").FillAsync("urenPerWeek");
        await Veld("parameters[0].type").SelectOptionAsync("decimaal");
        await Veld("parameters[0].omschrijving").FillAsync("Uren training per week");
        await Veld("parameters[0].minimum").FillAsync("1");
        await Veld("parameters[0].maximum").FillAsync("8");
        await Pagina.Locator("input[name='parameters[0].verplicht']").CheckAsync();
        await Verstuurd("Variant toevoegen", "/varianten/digitale-vaardigheden?melding=toegevoegd");
        await Toegankelijk();
        (await Tekst()).ShouldContain("De variant staat in de catalogus.");

        await Open("/varianten/digitale-vaardigheden/wijzigen");
        await Veld("naam").FillAsync("Digitale vaardigheden op het werk");
        await Knop("Wijziging opslaan");
        await Toegankelijk();
        await Geweigerd("reden");
        await Veld("reden").FillAsync("Op verzoek van SLW: de naam zegt waar de training is.");
        await Verstuurd("Wijziging opslaan", "melding=gewijzigd");
        await Toegankelijk();
        var gewijzigd = await Tekst();
        gewijzigd.ShouldContain("Digitale vaardigheden op het werk");
        gewijzigd.ShouldContain("Op verzoek van SLW: de naam zegt waar de training is.");

        await Open("/varianten/digitale-vaardigheden/uitfaseren");
        await Knop("Variant uitfaseren");
        await Toegankelijk();
        await Geweigerd("reden");
        await Veld("reden").FillAsync("Opgegaan in de variant scholing op de werkplek.");
        await Verstuurd("Variant uitfaseren", "melding=uitgefaseerd");
        await Toegankelijk();
        var uitgefaseerd = await Tekst();
        uitgefaseerd.ShouldContain("Uitgefaseerd");
        uitgefaseerd.ShouldContain("Opgegaan in de variant scholing op de werkplek.");
        await Schermafbeelding("beheerder-variant-historie", volledigePagina: true);

        await AangemeldAls("Gemeente Groningen");
        await Open("/varianten/digitale-vaardigheden/wijzigen", 403);
    }

    private void Zet(int jaar, int maand, int dag) => Omgeving.Tijd.Zet(new DateTimeOffset(jaar, maand, dag, 9, 0, 0, TimeSpan.FromHours(1)));

    private ILocator Veld(string naam) => Pagina.Locator($"[name='{naam}']").First;

    private Task Knop(string naam) => Pagina.GetByRole(AriaRole.Button, new() { Name = naam, Exact = true }).ClickAsync();

    /// <summary>Sends the form and expects the redirect of a success; otherwise says what the page answered instead.</summary>
    private async Task Verstuurd(string knop, string adresBevat)
    {
        var antwoord = await Pagina.RunAndWaitForResponseAsync(() => Knop(knop), r => r.Request.Method == "POST");
        if (antwoord.Status is 302 or 303)
        {
            await Pagina.WaitForURLAsync(url => url.Contains(adresBevat));
            return;
        }

        await Pagina.WaitForLoadStateAsync(LoadState.Load);
        var fouten = await Pagina.Locator("#foutsamenvatting, .utrecht-alert").AllInnerTextsAsync();
        throw new ShouldAssertException($"'{knop}' gaf {antwoord.Status} op {Pagina.Url} in plaats van {adresBevat}: {string.Join(" | ", fouten)}");
    }

    private async Task Geweigerd(params string[] velden)
    {
        (await Pagina.Locator("#foutsamenvatting").IsVisibleAsync()).ShouldBeTrue("de foutsamenvatting staat boven het formulier");
        foreach (var veld in velden)
        {
            var id = "veld-" + veld;
            (await Pagina.Locator($"#foutsamenvatting a[href='#{id}']").CountAsync()).ShouldBeGreaterThanOrEqualTo(1, $"{id} in de foutsamenvatting");
        }
    }

    private new async Task AangemeldAls(string organisatie)
    {
        await Context.ClearCookiesAsync();
        await base.AangemeldAls(organisatie);
    }
}
