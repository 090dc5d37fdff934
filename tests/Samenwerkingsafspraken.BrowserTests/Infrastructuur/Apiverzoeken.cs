using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// Data a journey needs beyond the shared set, made through the API as any client would. Each journey uses its own
/// employer and region, so that the journeys leave each other's pages as they were, in any order.
/// </summary>
public sealed class Apiverzoeken(Browseromgeving omgeving)
{
    public const string GemeenteUtrecht = "00000001002220647000";

    public string Utrecht => omgeving.Uitgever.Mint(Authentication.DefaultAudience, Rollen.Regiopartij, "demo-gemeente-utrecht", oin: GemeenteUtrecht,
        regios: ["AM13"], naam: "Accountmanager Werkgeversservicepunt Midden-Utrecht", organisatie: "Gemeente Utrecht");

    public string Werkgever(string kvk) =>
        omgeving.Uitgever.Mint(Authentication.DefaultAudience, Rollen.Werkgever, $"demo-werkgever-{kvk}", kvk: kvk, naam: "HR-adviseur");

    /// <summary>An employer in Utrecht's region; registering it again answers 409, which is as good.</summary>
    public async Task WerkgeverInUtrecht(string kvk, string naam, string sector)
    {
        await Post("/v1/werkgevers", new
        {
            kvkNummer = kvk, naam, sector, soort = "privaat", netwerken = new[] { "slw" },
            vestigingen = new[] { new { vestigingsnummer = "0000" + kvk, arbeidsmarktregio = "AM13" } },
        }, Utrecht, HttpStatusCode.Conflict);
    }

    /// <summary>An active agreement in Utrecht (signed by both parties) that offers work from the given date.</summary>
    public async Task<Guid> ActieveAfspraakMetWerkaanbod(string kvk, string titel, string sector, string functie, int plaatsen, string vanaf)
    {
        var antwoord = await Post("/v1/samenwerkingsafspraken", new
        {
            werkgever = kvk,
            arbeidsmarktregio = "AM13",
            titel,
            regiopartijen = new object[] { new { oin = GemeenteUtrecht, naam = "Gemeente Utrecht", soort = "gemeente", ondertekent = true } },
            werkafspraken = new object[] { new { variantCode = "praktijkroute", parameters = new { aantalPlaatsen = plaatsen, mboKwalificatie = functie } } },
            doelgroepen = new[] { "banenafspraak" },
            doelstellingen = new { plaatsingenPerJaar = 6, duurzamePlaatsingenPerJaar = 4 },
            looptijd = new { startdatum = vanaf, einddatum = "2027-06-30" },
            werkaanbod = new object[] { new { sector, functie, variantCode = "praktijkroute", aantalPlaatsen = plaatsen, vanaf } },
        }, Utrecht);
        var id = Guid.Parse(antwoord!["id"]!.GetValue<string>());
        var versie = (await Post($"/v1/samenwerkingsafspraken/{id}/ondertekeningen", new { versie = 1 }, Werkgever(kvk)))!["versie"]!.GetValue<long>();
        await Post($"/v1/samenwerkingsafspraken/{id}/ondertekeningen", new { versie }, Utrecht);
        return id;
    }

    /// <summary>Concepts in Utrecht for one employer, as many as asked: an employer with more agreements than fit on a page.</summary>
    public async Task Concepten(string kvk, int aantal)
    {
        for (var i = 1; i <= aantal; i++)
        {
            await Post("/v1/samenwerkingsafspraken", new
            {
                werkgever = kvk,
                arbeidsmarktregio = "AM13",
                titel = $"Afspraak {i} in Utrecht",
                regiopartijen = new object[] { new { oin = GemeenteUtrecht, naam = "Gemeente Utrecht", soort = "gemeente", ondertekent = true } },
                werkafspraken = new object[] { new { variantCode = "praktijkroute", parameters = new { aantalPlaatsen = 2, mboKwalificatie = "Logistiek medewerker" } } },
                doelgroepen = new[] { "banenafspraak" },
                doelstellingen = new { plaatsingenPerJaar = 4, duurzamePlaatsingenPerJaar = 2 },
                looptijd = new { startdatum = "2025-01-01", einddatum = "2027-06-30" },
            }, Utrecht);
        }
    }

    /// <summary>Until the asynchronous projections (the werkaanbod) have caught up with what was just recorded.</summary>
    public Task ProjectiesBijgewerkt() =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(omgeving.App.Services.GetRequiredService<IDocumentStore>(), TimeSpan.FromSeconds(60));

    private async Task<JsonNode?> Post(string url, object body, string token, HttpStatusCode? ookGoed = null)
    {
        using var http = new HttpClient { BaseAddress = omgeving.Adres };
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        verzoek.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var antwoord = await http.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        if (antwoord.StatusCode == ookGoed) return null;
        if (!antwoord.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)antwoord.StatusCode} {tekst}");
        return JsonNode.Parse(tekst);
    }
}

/// <summary>
/// The journeys of the national search, the werkaanbod, the import and changing employers, on a database and host of
/// their own: what they add (a consent, agreements in Utrecht, imported agreements, employers) would change what the
/// reading journeys count.
/// </summary>
public sealed class Registeromgeving : Browseromgeving
{
    protected override string Databasenaam => "samenwerkingsafspraken_register";
}

[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class RegisterCollectie : ICollectionFixture<Registeromgeving>
{
    public const string Naam = "register";
}
