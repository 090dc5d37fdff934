using System.Net;
using System.Text.RegularExpressions;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public abstract partial class IntegratieTest
{
    /// <summary>A browser without a browser: one signed-in person who opens pages and sends their forms, keeping the cookies it is given.</summary>
    protected async Task<Bezoeker> AangemeldAls(string identiteit) => new(Host, await Sessie(identiteit));
}

/// <summary>
/// Opens pages and sends forms over HTTP with a session cookie, as a browser does: the antiforgery token comes from a
/// page this person may open (every signed-in page has one, in its sign-out form), because a token belongs to the
/// person, not to the form.
/// </summary>
public sealed partial class Bezoeker(IAlbaHost host, string sessie)
{
    private readonly Dictionary<string, string> _cookies = sessie.Split("; ", StringSplitOptions.RemoveEmptyEntries)
        .Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);

    public async Task<Antwoord> Open(string url) => await Stuur(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>The hidden fields of the first form on a page (its version, its key, the antiforgery token).</summary>
    public static Dictionary<string, string> VerborgenVelden(string html) =>
        Invoerelement().Matches(html).Select(m => m.Value)
            .Where(e => Attribuut(e, "type") == "hidden" && Attribuut(e, "name") is not null)
            .GroupBy(e => Attribuut(e, "name")!).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(Attribuut(g.First(), "value") ?? ""));

    /// <summary>Opens the form, fills in the fields over its hidden ones, and sends it.</summary>
    public async Task<Antwoord> VulInEnVerstuur(string url, IDictionary<string, string> velden)
    {
        var formulier = await Open(url);
        formulier.Status.ShouldBe(200, formulier.Tekst);
        var alles = VerborgenVelden(formulier.Tekst);
        foreach (var (naam, waarde) in velden) alles[naam] = waarde;
        return await Verstuur(url, alles);
    }

    /// <summary>Sends a form to a page this person may not open, with a token taken from one they may (the start page).</summary>
    public async Task<Antwoord> VerstuurMetToken(string url, IDictionary<string, string> velden)
    {
        var start = await Open("/");
        var token = VerborgenVelden(start.Tekst).GetValueOrDefault(Antiforgeryveld);
        token.ShouldNotBeNullOrEmpty("een aangemelde pagina heeft een afmeldformulier met een antiforgery-token");
        return await Verstuur(url, new Dictionary<string, string>(velden) { [Antiforgeryveld] = token });
    }

    public const string Antiforgeryveld = "__RequestVerificationToken";

    public async Task<Antwoord> Verstuur(string url, IDictionary<string, string> velden) =>
        await Stuur(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(velden) });

    /// <summary>Sends a form with a file (multipart/form-data), as a browser sends an upload.</summary>
    public async Task<Antwoord> VerstuurBestand(string url, IDictionary<string, string> velden, string bestandsveld, string bestandsnaam, string inhoud,
        string soort = "text/csv")
    {
        var formulier = new MultipartFormDataContent();
        foreach (var (naam, waarde) in velden) formulier.Add(new StringContent(waarde), naam);
        var bestand = new StringContent(inhoud, System.Text.Encoding.UTF8);
        bestand.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(soort);
        formulier.Add(bestand, bestandsveld, bestandsnaam);
        return await Stuur(new HttpRequestMessage(HttpMethod.Post, url) { Content = formulier });
    }

    private async Task<Antwoord> Stuur(HttpRequestMessage verzoek)
    {
        using var client = host.Server.CreateClient();
        using (verzoek)
        {
            verzoek.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            using var antwoord = await client.SendAsync(verzoek);
            if (antwoord.Headers.TryGetValues("Set-Cookie", out var gezet))
            {
                foreach (var cookie in gezet.Select(c => c.Split(';')[0].Split('=', 2))) _cookies[cookie[0]] = cookie[1];
            }

            var headers = antwoord.Headers.Concat(antwoord.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Antwoord((int)antwoord.StatusCode, headers, antwoord.Content.Headers.ContentType?.ToString() ?? "",
                await antwoord.Content.ReadAsStringAsync());
        }
    }

    private static string? Attribuut(string element, string naam) =>
        Regex.Match(element, $"\\s{naam}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Invoerelement();
}
