using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

/// <summary>
/// The forms, as the people who use them: an agreement drawn up by a gemeente, signed by every party, a year of results
/// and both evaluations (so it becomes proven), the employer's request to reuse it in another region, and that region's
/// decision. Each form is first sent with a mistake: the problem must stand beside its field and in the error summary,
/// with what was typed kept. On a host and database of their own, whose domain time these journeys move.
/// </summary>
[Collection(FormulierCollectie.Naam)]
public sealed class Formulieren_van_opstellen_tot_hergebruik(Formulieromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_afspraak_wordt_opgesteld_door_allen_ondertekend_bewezen_en_in_een_andere_regio_overgenomen()
    {
        Zet(2025, 1, 6);
        await AangemeldAls("Gemeente Groningen");
        await Open("/regios/AM01/afspraken/nieuw");
        await Pagina.GetByLabel("Zoek een werkgever").FillAsync("Zorggroep");
        await Knop("Zoeken");
        await Toegankelijk();
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Kies Zorggroep Oost" }).ClickAsync();
        await Toegankelijk();

        // Sent with nothing but an occupation: every problem at once, each beside its field and in the summary.
        await Veld("beroepen").FillAsync("verzorgende");
        await Knop("Afspraak opstellen");
        await Toegankelijk();
        await Geweigerd("titel", "werkafspraken", "doelgroepen", "looptijd-startdatum");
        (await Veld("beroepen").InputValueAsync()).ShouldBe("verzorgende", "wat de gebruiker typte blijft staan");
        (await Pagina.TitleAsync()).ShouldStartWith("Fout:");
        await Schermafbeelding("formulier-fouten", volledigePagina: true);

        await Veld("titel").FillAsync("Zorg dichtbij in Groningen");
        await Veld("nieuweVariant").SelectOptionAsync("externe-jobcoaching");
        await Knop("Werkafspraak toevoegen");
        await Toegankelijk();
        await Veld("werkafspraken[0].parameters[urenPerWeek]").FillAsync("3");
        await Veld("werkafspraken[0].maatwerk").FillAsync("Een jobcoach van de zorggroep zelf.");
        await Pagina.Locator("input[name='doelgroepen'][value='banenafspraak']").CheckAsync();
        await Veld("doelstellingen.plaatsingenPerJaar").FillAsync("8");
        await Veld("doelstellingen.duurzamePlaatsingenPerJaar").FillAsync("6");
        await Veld("looptijd.startdatum").FillAsync("2025-01-01");
        await Veld("looptijd.einddatum").FillAsync("2026-12-31");
        await Knop("Werkaanbod toevoegen");
        await Toegankelijk();
        (await Veld("titel").InputValueAsync()).ShouldBe("Zorg dichtbij in Groningen", "een rij toevoegen bewaart wat er al stond");
        await Veld("werkaanbod[0].sector").SelectOptionAsync("zorg-en-welzijn");
        await Veld("werkaanbod[0].functie").FillAsync("Helpende");
        await Veld("werkaanbod[0].aantalPlaatsen").FillAsync("4");
        await Veld("werkaanbod[0].vanaf").FillAsync("2025-03-01");
        await Knop("Afspraak opstellen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=opgesteld"));
        await Toegankelijk();
        var adres = new Uri(Pagina.Url).AbsolutePath;
        (await Tekst()).ShouldContain("De afspraak is opgesteld als concept.");
        (await Tekst()).ShouldContain("Een jobcoach van de zorggroep zelf.");
        (await Tekst()).ShouldContain("4 plaatsen in Zorg en welzijn (Helpende) vanaf 1 maart 2025");

        await Ondertekend("Gemeente Groningen", adres, alleen: true);
        await Ondertekend("Zorggroep Oost", adres, alleen: false);

        // A year later: four quarters of results, the first one sent with a count that is no number.
        Zet(2026, 1, 15);
        await AangemeldAls("Gemeente Groningen");
        foreach (var (kwartaal, plaatsingen) in new[] { ("2025-K1", 2), ("2025-K2", 1), ("2025-K3", 3), ("2025-K4", 2) })
        {
            await Open($"{adres}/resultaten");
            await Veld("periode").SelectOptionAsync(kwartaal);
            await Veld("plaatsingen").FillAsync(kwartaal == "2025-K1" ? "twee" : plaatsingen.ToString());
            await Veld("naZesMaandenInWerk").FillAsync(plaatsingen.ToString());
            await Veld("naTwaalfMaandenInWerk").FillAsync((plaatsingen / 2).ToString());
            await Veld("uitval").FillAsync("0");
            await Knop("Resultaten registreren");
            if (kwartaal == "2025-K1")
            {
                await Toegankelijk();
                await Geweigerd("plaatsingen");
                (await Veld("plaatsingen").InputValueAsync()).ShouldBe("twee");
                await Veld("plaatsingen").FillAsync(plaatsingen.ToString());
                await Knop("Resultaten registreren");
            }

            await Pagina.WaitForURLAsync(url => url.Contains("melding=resultaten"));
        }

        await Geevalueerd(adres);
        await AangemeldAls("Zorggroep Oost");
        await Geevalueerd(adres);
        await Open(adres);
        (await Tekst()).ShouldContain("Bewezen.");

        // The employer asks Utrecht to reuse it; without a region the form says so.
        Zet(2026, 2, 2);
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Hergebruik vragen in een andere regio" }).ClickAsync();
        await Toegankelijk();
        await Veld("toelichting").FillAsync("Wij openen een vestiging in Utrecht.");
        await Knop("Verzoek versturen");
        await Toegankelijk();
        await Geweigerd("arbeidsmarktregio");
        (await Veld("toelichting").InputValueAsync()).ShouldBe("Wij openen een vestiging in Utrecht.");
        await Veld("arbeidsmarktregio").SelectOptionAsync("AM13");
        await Knop("Verzoek versturen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=verzocht"));
        await Toegankelijk();
        var verzoek = new Uri(Pagina.Url).AbsolutePath;

        // Utrecht first declines without a reason (refused beside the field), then accepts it as it is.
        Zet(2026, 2, 9);
        await AangemeldAls("Gemeente Utrecht");
        await Open("/regios/AM13/hergebruikverzoeken");
        (await Tekst()).ShouldContain("Zorggroep Oost");
        await Open($"{verzoek}/besluit");
        await Pagina.Locator("input[name='besluit'][value='afgewezen']").CheckAsync();
        await Knop("Verder");
        await Toegankelijk();
        await Knop("Afwijzen");
        await Toegankelijk();
        await Geweigerd("reden");
        await Schermafbeelding("formulier-besluit-fout", volledigePagina: true);

        await Open($"{verzoek}/besluit");
        await Pagina.Locator("input[name='besluit'][value='geaccepteerd']").CheckAsync();
        await Knop("Verder");
        await Toegankelijk();
        await Schermafbeelding("formulier-besluit", volledigePagina: true);
        await Knop("Accepteren");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=overgenomen"));
        await Toegankelijk();
        var overgenomen = await Tekst();
        overgenomen.ShouldContain("Het verzoek is geaccepteerd");
        overgenomen.ShouldContain("Overgenomen uit versie");
        overgenomen.ShouldContain("Een jobcoach van de zorggroep zelf.");

        // Another region's agreement stays closed to Utrecht, form or page.
        await Open(adres, 403);
        await Open($"{adres}/ondertekenen", 403);
    }

    [Fact]
    public async Task wie_een_verouderd_formulier_verstuurt_ziet_wat_er_intussen_veranderde_en_kan_verder()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Gemeente Groningen");
        var adres = $"/afspraken/{Gegevens.Supermarkt}";
        await Open($"{adres}/evalueren");
        await Pagina.Locator("input[name='oordeel'][value='succesvol']").CheckAsync();
        await Veld("lessen").FillAsync("De jobcoach op de winkelvloer maakte het verschil.");
        await Pagina.Locator("input[name='aanbevolenVoorHergebruik'][value='true']").CheckAsync();

        // Meanwhile a colleague records a quarter's results in another tab.
        var collega = await Context.NewPageAsync();
        await collega.GotoAsync($"{adres}/resultaten");
        await collega.Locator("[name='periode']").SelectOptionAsync("2025-K3");
        foreach (var veld in new[] { "plaatsingen", "naZesMaandenInWerk", "naTwaalfMaandenInWerk", "uitval" }) await collega.Locator($"[name='{veld}']").FillAsync("1");
        await collega.GetByRole(AriaRole.Button, new() { Name = "Resultaten registreren", Exact = true }).ClickAsync();
        await collega.WaitForURLAsync(url => url.Contains("melding=resultaten"));
        await collega.CloseAsync();

        var antwoord = await Pagina.RunAndWaitForResponseAsync(() => Knop("Evaluatie vastleggen"),
            r => r.Request.Method == "POST" && r.Url.Contains("/evalueren"));
        antwoord.Status.ShouldBe(409);
        await Toegankelijk();
        var conflict = await Pagina.InnerTextAsync("#versieconflict");
        conflict.ShouldContain("Iemand anders was u voor");
        conflict.ShouldContain("2025-K3");
        (await Veld("lessen").InputValueAsync()).ShouldBe("De jobcoach op de winkelvloer maakte het verschil.", "de invoer blijft staan");
        await Schermafbeelding("formulier-conflict", volledigePagina: true);

        // Sent again at the current version, it is recorded.
        await Knop("Evaluatie vastleggen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=geevalueerd"));
        (await Tekst()).ShouldContain("De jobcoach op de winkelvloer maakte het verschil.");
    }

    [Fact]
    public async Task een_wijziging_toont_eerst_het_verschil_verlengen_weigert_een_vroegere_datum_en_beeindigen_sluit_de_afspraak()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Gemeente Groningen");
        var zorg = $"/afspraken/{Gegevens.ZorgGroningen}";
        await Open($"{zorg}/wijzigen");
        await Veld("titel").FillAsync("Zorgbanen in Groningen en Haren");
        await Veld("werkafspraken[0].parameters[aantalPlaatsen]").FillAsync("6");
        await Veld("reden").FillAsync("Meer plaatsen na de uitbreiding van de zorggroep.");
        await Knop("Bekijk de wijziging");
        await Toegankelijk();
        var verschil = await Tekst();
        verschil.ShouldContain("Titel: van");
        verschil.ShouldContain("Zorgbanen in Groningen en Haren");
        verschil.ShouldContain("van 4 naar 6");
        (await Pagina.TitleAsync()).ShouldStartWith("Wijziging controleren");
        await Schermafbeelding("formulier-wijziging", volledigePagina: true);
        await Knop("Wijziging opslaan");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=gewijzigd"));
        await Toegankelijk();
        (await Pagina.InnerTextAsync("h1")).ShouldBe("Zorgbanen in Groningen en Haren");

        var supermarkt = $"/afspraken/{Gegevens.Supermarkt}";
        await Open($"{supermarkt}/verlengen");
        await Veld("nieuweEinddatum").FillAsync("2026-06-30");
        await Knop("Verlengen");
        await Toegankelijk();
        await Geweigerd("nieuweEinddatum");
        await Veld("nieuweEinddatum").FillAsync("2027-06-30");
        await Knop("Verlengen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=verlengd"));
        (await Tekst()).ShouldContain("30 juni 2027");

        await Open($"{zorg}/beeindigen");
        await Knop("Afspraak beëindigen");
        await Toegankelijk();
        await Geweigerd("reden");
        await Pagina.Locator("input[name='reden']").First.CheckAsync();
        await Veld("toelichting").FillAsync("De zorggroep stopt in Groningen.");
        await Knop("Afspraak beëindigen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=beeindigd"));
        await Toegankelijk();
        (await Tekst()).ShouldContain("De zorggroep stopt in Groningen.");
        (await Pagina.GetByRole(AriaRole.Link, new() { Name = "Wijzigen", Exact = true }).CountAsync()).ShouldBe(0, "een beëindigde afspraak wijzigt niemand meer");
    }

    [Fact]
    public async Task resultaten_registreren_gaat_met_alleen_het_toetsenbord()
    {
        Zet(2026, 3, 2);
        await AangemeldAls("Gemeente Groningen");
        await Open($"/afspraken/{Gegevens.Supermarkt}/resultaten");

        // From the top of the page: the skip link, then Tab until the quarter's list.
        await Druk("Tab");
        (await Focus()).ShouldBe("A:Direct naar de inhoud");
        await Druk("Enter");
        await TabTot("SELECT:periode", 40);
        for (var i = 0; i < 8 && await Pagina.EvaluateAsync<string>("document.activeElement.value") != "2025-K4"; i++) await Druk("ArrowDown");
        (await Pagina.EvaluateAsync<string>("document.activeElement.value")).ShouldBe("2025-K4");
        foreach (var (veld, waarde) in new[] { ("plaatsingen", "2"), ("naZesMaandenInWerk", "1"), ("naTwaalfMaandenInWerk", "0"), ("uitval", "1") })
        {
            await TabTot($"INPUT:{veld}", 5);
            await Pagina.Keyboard.TypeAsync(waarde);
        }

        await Druk("Enter");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=resultaten"));
        await Toegankelijk();
        (await Tekst()).ShouldContain("De resultaten zijn vastgelegd.");
    }

    private void Zet(int jaar, int maand, int dag) => Omgeving.Tijd.Zet(new DateTimeOffset(jaar, maand, dag, 9, 0, 0, TimeSpan.FromHours(1)));

    private ILocator Veld(string naam) => Pagina.Locator($"[name='{naam}']").First;

    private Task Knop(string naam) => Pagina.GetByRole(AriaRole.Button, new() { Name = naam, Exact = true }).ClickAsync();

    /// <summary>Each field's problem beside it (its form field marked invalid, with a message) and linked from the error summary.</summary>
    private async Task Geweigerd(params string[] velden)
    {
        (await Pagina.Locator("#foutsamenvatting").IsVisibleAsync()).ShouldBeTrue("de foutsamenvatting staat boven het formulier");
        foreach (var veld in velden)
        {
            var id = "veld-" + veld;
            (await Pagina.Locator($"#foutsamenvatting a[href='#{id}']").CountAsync()).ShouldBeGreaterThanOrEqualTo(1, $"{id} in de foutsamenvatting");
            var bijVeld = Pagina.Locator($".utrecht-form-field:has(#{id}) .utrecht-form-field-error-message, fieldset#{id} .utrecht-form-field-error-message");
            (await bijVeld.CountAsync()).ShouldBeGreaterThanOrEqualTo(1, $"een melding naast {id}");
        }
    }

    private async Task Ondertekend(string organisatie, string adres, bool alleen)
    {
        await AangemeldAls(organisatie);
        await Open(adres);
        await Pagina.GetByRole(AriaRole.Link, new() { Name = "Ondertekenen", Exact = true }).ClickAsync();
        await Toegankelijk();
        await Knop("Ondertekenen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=ondertekend"));
        await Toegankelijk();
        var tekst = await Tekst();
        tekst.ShouldContain("Uw handtekening is vastgelegd.");
        if (alleen) tekst.ShouldNotContain("Door alle vereiste partijen ondertekend.");
        else tekst.ShouldContain("Door alle vereiste partijen ondertekend.");
    }

    private async Task Geevalueerd(string adres)
    {
        await Open($"{adres}/evalueren");
        await Pagina.Locator("input[name='oordeel'][value='succesvol']").CheckAsync();
        await Veld("lessen").FillAsync("Een jobcoach uit het eigen team werkte.");
        await Pagina.Locator("input[name='aanbevolenVoorHergebruik'][value='true']").CheckAsync();
        await Knop("Evaluatie vastleggen");
        await Pagina.WaitForURLAsync(url => url.Contains("melding=geevalueerd"));
    }

    private new async Task AangemeldAls(string organisatie)
    {
        await Context.ClearCookiesAsync();
        await base.AangemeldAls(organisatie);
    }

    private Task Druk(string toets) => Pagina.Keyboard.PressAsync(toets);

    private Task<string> Focus() => Pagina.EvaluateAsync<string>(
        "(() => { const e = document.activeElement; return e.tagName + ':' + (e.tagName === 'A' ? (e.innerText || '').trim() : (e.name || '')); })()");

    private async Task TabTot(string doel, int hoogstens)
    {
        for (var i = 0; i < hoogstens; i++)
        {
            await Druk("Tab");
            if (await Focus() == doel) return;
        }

        throw new ShouldAssertException($"Na {hoogstens} keer Tab nog geen focus op {doel} (nu: {await Focus()}).");
    }
}
