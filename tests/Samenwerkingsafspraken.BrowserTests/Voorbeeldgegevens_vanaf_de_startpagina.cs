using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(LeegCollectie.Naam)]
public sealed class Voorbeeldgegevens_vanaf_de_startpagina(Leegomgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task een_leeg_register_wordt_met_de_knop_op_de_startpagina_gevuld_met_voorbeeldgegevens()
    {
        await Open("/");
        (await Tekst()).ShouldContain("Het register is leeg.");
        await Schermafbeelding("start-leeg");
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vul het register met voorbeeldgegevens" }).ClickAsync();
        await Toegankelijk();

        // It runs in the background; the start page says so until it is done (a deadline only to end a hung run).
        var tot = DateTime.UtcNow.AddMinutes(5);
        while (!(await Tekst()).Contains("Het register is gevuld met voorbeeldgegevens"))
        {
            (await Tekst()).ShouldNotContain("mislukt");
            if (DateTime.UtcNow > tot) throw new ShouldAssertException($"De voorbeeldgegevens zijn na vijf minuten nog niet klaar: {await Tekst()}");
            await Task.Delay(500);
            await Pagina.ReloadAsync();
        }

        await Toegankelijk();
        var start = await Tekst();
        start.ShouldNotContain("Het register is leeg.");
        (await Pagina.GetByRole(AriaRole.Button, new() { Name = "Vul het register met voorbeeldgegevens" }).CountAsync()).ShouldBe(0);
        var gemaakt = Regex.Match(start, @"(\d+) werkgevers,\s+(\d+) afspraken");
        gemaakt.Success.ShouldBeTrue(start);
        int.Parse(gemaakt.Groups[1].Value).ShouldBeGreaterThan(0);
        int.Parse(gemaakt.Groups[2].Value).ShouldBeGreaterThanOrEqualTo(12);
        await Schermafbeelding("start-voorbeeldgegevens");
    }
}
