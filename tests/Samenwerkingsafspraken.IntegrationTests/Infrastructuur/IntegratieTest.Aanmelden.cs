using System.Net;
using System.Text.RegularExpressions;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

public abstract partial class IntegratieTest
{
    /// <summary>
    /// Signs in to the web application as one of its demo identities, as a browser does (the form with its antiforgery
    /// token), and gives the session cookie to send with page requests.
    /// </summary>
    protected async Task<string> Sessie(string identiteit)
    {
        using var client = Host.Server.CreateClient();
        using var formulier = await client.GetAsync("/aanmelden");
        var html = await formulier.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty("het aanmeldformulier heeft een antiforgery-token");
        var cookies = Cookies(formulier);

        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/aanmelden")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Identiteit"] = identiteit, ["__RequestVerificationToken"] = token }),
        };
        verzoek.Headers.Add("Cookie", cookies);
        using var aangemeld = await client.SendAsync(verzoek);
        aangemeld.StatusCode.ShouldBe(HttpStatusCode.Redirect, await aangemeld.Content.ReadAsStringAsync());
        return Cookies(aangemeld);
    }

    private static string Cookies(HttpResponseMessage antwoord) =>
        string.Join("; ", antwoord.Headers.TryGetValues("Set-Cookie", out var waarden) ? waarden.Select(c => c.Split(';')[0]) : []);
}
