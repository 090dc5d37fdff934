using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Samenwerkingsafspraken.Benchmarks;

/// <summary>The API as a client uses it: bearer tokens, an Idempotency-Key per command, If-Match with the ETag it got.</summary>
public sealed class Klant(string adres, string oin)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false, UseProxy = false })
    {
        BaseAddress = new Uri(adres),
        Timeout = TimeSpan.FromMinutes(10),
    };

    public static string Kvk(int i) => $"7{i:D7}";

    public string Inhoud(string titel, int plaatsingen) =>
        "\"titel\":\"" + titel + "\",\"regiopartijen\":[{\"oin\":\"" + oin + "\",\"naam\":\"Gemeente\",\"soort\":\"gemeente\",\"ondertekent\":true}]," +
        "\"werkafspraken\":[{\"variantCode\":\"praktijkroute\",\"parameters\":{\"aantalPlaatsen\":4,\"mboKwalificatie\":\"Timmerman\"}}," +
        "{\"variantCode\":\"externe-jobcoaching\",\"parameters\":{\"urenPerWeek\":2.5},\"maatwerk\":\"Jobcoach van het SW-bedrijf\"}]," +
        "\"doelgroepen\":[\"banenafspraak\"],\"doelstellingen\":{\"plaatsingenPerJaar\":" + plaatsingen + ",\"duurzamePlaatsingenPerJaar\":6}," +
        "\"looptijd\":{\"startdatum\":\"2025-01-01\",\"einddatum\":\"2026-12-31\"}";

    public async Task<bool> Registreer(string token, string kvk)
    {
        var (status, _, _) = await Stuur(HttpMethod.Post, "/v1/werkgevers", token,
            "{\"kvkNummer\":\"" + kvk + "\",\"naam\":\"Werkgever " + kvk + " B.V.\",\"sector\":\"bouw\",\"soort\":\"privaat\",\"netwerken\":[\"dnz\"]}", null);
        return status is 201 or 409;
    }

    public async Task<(bool Gelukt, Guid Id)> Opstellen(string token, string kvk, string regio, long n)
    {
        var (status, locatie, _) = await Stuur(HttpMethod.Post, "/v1/samenwerkingsafspraken", token,
            "{\"werkgever\":\"" + kvk + "\",\"arbeidsmarktregio\":\"" + regio + "\"," + Inhoud($"Afspraak {n}", 8) + "}", null);
        return (status == 201, status == 201 ? Guid.Parse(locatie![(locatie!.LastIndexOf('/') + 1)..]) : Guid.Empty);
    }

    public async Task<(int Status, long Versie)> Wijzig(string token, Guid id, long versie, long n)
    {
        var (status, _, etag) = await Stuur(HttpMethod.Post, $"/v1/samenwerkingsafspraken/{id}/wijzigingen", token,
            "{\"reden\":\"Bijgesteld " + n + "\"," + Inhoud($"Afspraak {id} versie {versie + 1}", 8 + (int)(n % 30)) + "}", versie);
        return (status, etag ?? versie);
    }

    public async Task<bool> Lees(string token, string pad) => (await Stuur(HttpMethod.Get, pad, token, null, null)).Status == 200;

    public async Task<string> Tekst(string token, HttpMethod methode, string pad)
    {
        using var verzoek = new HttpRequestMessage(methode, pad);
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var antwoord = await _http.SendAsync(verzoek);
        return await antwoord.Content.ReadAsStringAsync();
    }

    private async Task<(int Status, string? Locatie, long? ETag)> Stuur(HttpMethod methode, string pad, string token, string? body, long? ifMatch)
    {
        using var verzoek = new HttpRequestMessage(methode, pad);
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            verzoek.Content = new StringContent(body, Encoding.UTF8, "application/json");
            verzoek.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (ifMatch is { } versie) verzoek.Headers.TryAddWithoutValidation("If-Match", $"\"{versie}\"");
        using var antwoord = await _http.SendAsync(verzoek, HttpCompletionOption.ResponseContentRead);
        long? etag = antwoord.Headers.ETag is { } e && long.TryParse(e.Tag.Trim('"'), out var v) ? v : null;
        return ((int)antwoord.StatusCode, antwoord.Headers.Location?.ToString(), etag);
    }
}
