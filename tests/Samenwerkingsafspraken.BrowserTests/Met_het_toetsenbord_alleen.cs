using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

/// <summary>WCAG 2.1.1: everything works from a keyboard. This journey uses no mouse: Tab, arrow keys, Space and Enter.</summary>
[Collection(BrowserCollectie.Naam)]
public sealed class Met_het_toetsenbord_alleen(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task aanmelden_het_register_filteren_en_een_afspraak_openen_gaat_met_alleen_het_toetsenbord()
    {
        await Open("/aanmelden");

        // The skip link is the first stop, and it takes focus to the content.
        await Druk("Tab");
        (await Focus()).ShouldBe("A:Direct naar de inhoud");
        (await Pagina.Locator(".utrecht-skip-link").BoundingBoxAsync())!.Y.ShouldBeGreaterThanOrEqualTo(0, "de skiplink is zichtbaar zodra zij focus heeft");
        await Druk("Enter");
        (await Pagina.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("inhoud");

        // Into the first group of identities; arrows move within it to the gemeente of Groningen.
        await TabTot("INPUT:", 10);
        (await Pagina.EvaluateAsync<string>("document.activeElement.type")).ShouldBe("radio");
        while (await Pagina.EvaluateAsync<string>("document.activeElement.value") != "gemeente-groningen") await Druk("ArrowDown");
        await Druk("Space");
        await TabTot("BUTTON:Aanmelden", 15);
        await Druk("Enter");
        await Pagina.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await Pagina.InnerTextAsync("header")).ShouldContain("Gemeente Groningen");

        // From the menu to the register.
        await TabTot("A:Register AM01", 15);
        await Druk("Enter");
        await Pagina.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/regios/AM01/register");
        await Toegankelijk();

        // Type in the search field and submit the filter form with Enter.
        await TabTot("INPUT:", 30);
        (await Pagina.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("zoek");
        await Pagina.Keyboard.TypeAsync("bouw");
        await Druk("Enter");
        await Pagina.WaitForURLAsync(url => url.Contains("zoek=bouw"));
        (await Tekst()).ShouldContain("1 gevonden met deze filters");
        await Schermafbeelding("toetsenbord-register");

        // To the agreement in the table, and open it.
        await TabTot("A:Samen naar werk in de bouw", 40);
        await Druk("Enter");
        await Pagina.WaitForURLAsync(url => url.Contains($"/afspraken/{Gegevens.Bewezen}"));
        await Toegankelijk();
        (await Pagina.InnerTextAsync("h1")).ShouldBe("Samen naar werk in de bouw");
    }

    private Task Druk(string toets) => Pagina.Keyboard.PressAsync(toets);

    /// <summary>The focused element as "TAG:its text", to know where the keyboard is.</summary>
    private Task<string> Focus() => Pagina.EvaluateAsync<string>(
        "(() => { const e = document.activeElement; return e.tagName + ':' + (e.tagName === 'INPUT' ? '' : (e.innerText || '').trim()); })()");

    private async Task TabTot(string doel, int hoogstens)
    {
        for (var i = 0; i < hoogstens; i++)
        {
            await Druk("Tab");
            var focus = await Focus();
            if (doel.EndsWith(':') ? focus.StartsWith(doel, StringComparison.Ordinal) : focus == doel) return;
        }

        throw new ShouldAssertException($"Na {hoogstens} keer Tab nog geen focus op {doel} (nu: {await Focus()}).");
    }
}
