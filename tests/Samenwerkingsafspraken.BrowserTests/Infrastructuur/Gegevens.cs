using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>What the data set made, for the journeys to find it again.</summary>
public sealed record Gegevensset(
    Guid Bewezen, Guid Overgenomen, Guid ZorgGroningen, Guid ZorgFriesland, Guid Supermarkt, Guid GeaccepteerdVerzoek, Guid OpenVerzoek);

/// <summary>
/// The browser tests' data, made through the API as any client would: HTTP with bearer tokens of the demo identities'
/// organisations, domain time moved over a year so that one agreement becomes proven and is reused in two regions.
/// </summary>
public sealed class Gegevens(HttpClient http, LocalIssuer uitgever, TestTijd tijd)
{
    public const string Bouwbedrijf = "01234567";
    public const string Zorggroep = "76543210";
    public const string Supermarkten = "11223344";
    public const string GemeenteGroningen = "00000001001589623000";
    public const string UwvGroningen = "00000001003214345000";
    public const string GemeenteLeeuwarden = "00000001001563891000";
    public const string GemeenteAssen = "00000001001598377000";

    private string Groningen => uitgever.Mint(Authentication.DefaultAudience, Rollen.Regiopartij, "demo-gemeente-groningen", oin: GemeenteGroningen,
        regios: ["AM01"], naam: "Accountmanager werkgeversdienstverlening", organisatie: "Gemeente Groningen");

    private string Leeuwarden => uitgever.Mint(Authentication.DefaultAudience, Rollen.Regiopartij, "demo-gemeente-leeuwarden", oin: GemeenteLeeuwarden,
        regios: ["AM02"], naam: "Accountmanager Werkgeversservicepunt Fryslân", organisatie: "Gemeente Leeuwarden");

    private string Werkgever(string kvk) => uitgever.Mint(Authentication.DefaultAudience, Rollen.Werkgever, $"demo-werkgever-{kvk}", kvk: kvk, naam: "HR-adviseur");

    public async Task<Gegevensset> Maak()
    {
        Zet(2025, 1, 6);
        await Post("/v1/werkgevers", Werkgeververzoek(Bouwbedrijf, "Bouwbedrijf Noord B.V.", "bouw", ["dnz"]), Groningen);
        await Post("/v1/werkgevers", Werkgeververzoek(Zorggroep, "Zorggroep Oost", "zorg-en-welzijn", ["slw"]), Groningen);
        await Post("/v1/werkgevers", Werkgeververzoek(Supermarkten, "Landelijke Supermarkten N.V.", "handel", ["dnz", "slw"]), Groningen);

        // An agreement in Groningen that becomes proven over a year.
        var bewezen = await Opstellen(Bouwbedrijf, "AM01", GemeenteGroningen, "Gemeente Groningen", "Samen naar werk in de bouw", Groningen);
        var versie = await Ondertekend(bewezen, 1, Werkgever(Bouwbedrijf), Groningen);
        foreach (var (kwartaal, maand, plaatsingen) in new[] { ("2025-K1", 4, 2), ("2025-K2", 7, 1), ("2025-K3", 10, 3), ("2025-K4", 13, 2) })
        {
            tijd.Zet(new DateTimeOffset(2025 + (maand - 1) / 12, (maand - 1) % 12 + 1, 5, 10, 0, 0, TimeSpan.FromHours(1)));
            versie = await Versie(Post($"/v1/samenwerkingsafspraken/{bewezen}/resultaten",
                new { periode = kwartaal, plaatsingen, naZesMaandenInWerk = plaatsingen, naTwaalfMaandenInWerk = plaatsingen / 2, uitval = 0, versie }, Groningen));
        }

        Zet(2026, 1, 15);
        foreach (var token in new[] { Werkgever(Bouwbedrijf), Groningen })
        {
            versie = await Versie(Post($"/v1/samenwerkingsafspraken/{bewezen}/evaluaties",
                new { oordeel = "succesvol", lessen = "Een vaste jobcoach en korte lijnen met de uitvoerder werkten.", aanbevolenVoorHergebruik = true, versie }, token));
        }

        // Other employers' agreements: in Groningen, and one in Friesland that Groningen may not see.
        Zet(2025, 3, 3);
        var zorgGroningen = await Opstellen(Zorggroep, "AM01", GemeenteGroningen, "Gemeente Groningen", "Zorgbanen in Groningen", Groningen);
        var zorgFriesland = await Opstellen(Zorggroep, "AM02", GemeenteLeeuwarden, "Gemeente Leeuwarden", "Zorgbanen in Friesland", Leeuwarden);
        var supermarkt = await Opstellen(Supermarkten, "AM01", GemeenteGroningen, "Gemeente Groningen", "Vakkenvullen met een jobcoach", Groningen);
        var supermarktversie = await Ondertekend(supermarkt, 1, Werkgever(Supermarkten), Groningen);
        tijd.Zet(new DateTimeOffset(2025, 7, 4, 10, 0, 0, TimeSpan.FromHours(2)));
        await Post($"/v1/samenwerkingsafspraken/{supermarkt}/resultaten",
            new { periode = "2025-K2", plaatsingen = 1, naZesMaandenInWerk = 0, naTwaalfMaandenInWerk = 0, uitval = 1, versie = supermarktversie }, Groningen);

        // Reuse: accepted with maatwerk in Friesland, waiting in Drenthe.
        Zet(2026, 2, 2);
        var geaccepteerd = await Verzoek(bewezen, "AM02");
        Zet(2026, 2, 5);
        var overgenomen = await Accepteer(geaccepteerd);
        await Ondertekend(overgenomen, 1, Werkgever(Bouwbedrijf), Leeuwarden);
        Zet(2026, 2, 10);
        var open = await Verzoek(bewezen, "AM03");

        Zet(2026, 3, 2);
        return new Gegevensset(bewezen, overgenomen, zorgGroningen, zorgFriesland, supermarkt, geaccepteerd, open);
    }

    private void Zet(int jaar, int maand, int dag) => tijd.Zet(new DateTimeOffset(jaar, maand, dag, 9, 0, 0, TimeSpan.FromHours(1)));

    private static object Werkgeververzoek(string kvk, string naam, string sector, string[] netwerken) =>
        new { kvkNummer = kvk, naam, sector, soort = "privaat", netwerken, vestigingen = new[] { new { vestigingsnummer = "0000" + kvk, arbeidsmarktregio = "AM01" } } };

    private async Task<Guid> Opstellen(string kvk, string regio, string oin, string partij, string titel, string token)
    {
        var antwoord = await Post("/v1/samenwerkingsafspraken", new
        {
            werkgever = kvk,
            arbeidsmarktregio = regio,
            titel,
            werkgeverContactrol = "Vaste contactpersoon HR",
            regiopartijen = new object[]
            {
                new { oin, naam = partij, soort = "gemeente", ondertekent = true, contactrol = "Accountmanager werkgeversservicepunt" },
                new { oin = UwvGroningen, naam = "UWV", soort = "uwv", ondertekent = false },
            },
            werkafspraken = new object[]
            {
                new { variantCode = "praktijkroute", parameters = new { aantalPlaatsen = 4, mboKwalificatie = "Timmerman" } },
                new { variantCode = "externe-jobcoaching", parameters = new { urenPerWeek = 2.5 }, maatwerk = "Jobcoach van het SW-bedrijf in de eerste drie maanden." },
            },
            doelgroepen = new[] { "banenafspraak", "participatiewet" },
            beroepen = new[] { "timmerman" },
            doelstellingen = new { plaatsingenPerJaar = 8, duurzamePlaatsingenPerJaar = 6 },
            looptijd = new { startdatum = "2025-01-01", einddatum = "2026-12-31" },
        }, token);
        return Guid.Parse(antwoord["id"]!.GetValue<string>());
    }

    private async Task<long> Ondertekend(Guid id, long versie, string werkgever, string regiopartij)
    {
        versie = await Versie(Post($"/v1/samenwerkingsafspraken/{id}/ondertekeningen", new { versie }, werkgever));
        return await Versie(Post($"/v1/samenwerkingsafspraken/{id}/ondertekeningen", new { versie }, regiopartij));
    }

    private async Task<Guid> Verzoek(Guid bron, string regio)
    {
        var antwoord = await Post("/v1/hergebruikverzoeken", new
        {
            bronAfspraak = bron,
            arbeidsmarktregio = regio,
            toelichting = "Deze afspraak werkt in Groningen; wij willen haar ook hier gebruiken.",
            voorgesteldMaatwerk = new[] { new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 4, reden = "Langere reistijden" } },
        }, Werkgever(Bouwbedrijf));
        return Guid.Parse(antwoord["id"]!.GetValue<string>());
    }

    private async Task<Guid> Accepteer(Guid verzoek)
    {
        var antwoord = await Post($"/v1/hergebruikverzoeken/{verzoek}/besluit", new
        {
            besluit = "geaccepteerdMetMaatwerk",
            regiopartijen = new[] { new { oin = GemeenteLeeuwarden, naam = "Gemeente Leeuwarden", soort = "gemeente", ondertekent = true } },
            looptijd = new { startdatum = "2026-03-01", einddatum = "2027-12-31" },
            maatwerk = new object[]
            {
                new { variantCode = "externe-jobcoaching", soort = "parameter", parameter = "urenPerWeek", waarde = 4, reden = "Langere reistijden in Friesland" },
                new { variantCode = "praktijkroute", soort = "maatwerk", maatwerk = "Met het Friesland College.", reden = "Regionale mbo-partner" },
            },
            versie = 1,
        }, Leeuwarden);
        return Guid.Parse(antwoord["nieuweAfspraakId"]!.GetValue<string>());
    }

    private static async Task<long> Versie(Task<JsonNode> antwoord) => (await antwoord)["versie"]!.GetValue<long>();

    private async Task<JsonNode> Post(string url, object body, string token)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        verzoek.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var antwoord = await http.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        if (!antwoord.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)antwoord.StatusCode} {tekst}");
        return JsonNode.Parse(tekst)!;
    }
}
