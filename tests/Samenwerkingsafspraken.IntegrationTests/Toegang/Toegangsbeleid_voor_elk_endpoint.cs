using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Toegang;

/// <summary>
/// Generated from the endpoint list: every endpoint, called by every kind of caller, answers exactly as its row in
/// the access policy says: anyone for an open row; otherwise 401 without a token, 403 for a role the row does not
/// name (spelled exactly), for a token with no role, an empty one or two, and for another organisation where the
/// row's scope is not "alles". A new endpoint cannot be added without a row: the start fails, and so does this test.
/// </summary>
public sealed class Toegangsbeleid_voor_elk_endpoint(ApiFixture fixture) : IntegratieTest(fixture)
{
    private sealed record Beller(string Naam, string? Token, string? Rol, bool EigenOrganisatie);

    [Fact]
    public async Task elk_endpoint_laat_precies_toe_wat_zijn_regel_zegt()
    {
        var wereld = await BouwWereld();
        var endpoints = Endpoints();
        endpoints.Count.ShouldBeGreaterThan(40);
        var fouten = new List<string>();

        foreach (var (sleutel, methode, patroon) in endpoints)
        {
            var regel = Toegangsbeleid.Voor(sleutel);
            if (regel is null)
            {
                fouten.Add($"{methode} {patroon}: geen regel voor '{sleutel}'");
                continue;
            }

            var url = wereld.Url(patroon);
            var lichaam = methode == "POST" ? wereld.Lichaam(sleutel!)?.ToJsonString() ?? (Wereld.ZonderLichaam.Contains(sleutel!) ? null : "ontbreekt") : null;
            if (lichaam == "ontbreekt")
            {
                fouten.Add($"{methode} {patroon}: geen voorbeeldlichaam voor '{sleutel}' in Voorbeeldverzoeken");
                continue;
            }

            var pagina = IsPagina(patroon);
            foreach (var beller in pagina ? await Bezoekers(patroon) : Bellers(patroon))
            {
                var antwoord = pagina
                    ? await Verstuur(new HttpMethod(methode), url, null, null, beller.Token is null ? null : new Dictionary<string, string> { ["Cookie"] = beller.Token })
                    : await Verstuur(new HttpMethod(methode), url, lichaam, beller.Token);
                var verwacht = Verwacht(regel, beller, sleutel!);
                var goed = (verwacht, pagina) switch
                {
                    (401, false) or (403, false) => antwoord.Status == verwacht && antwoord.ContentType.StartsWith("application/problem+json"),
                    (401, true) => antwoord.Status == 302 && antwoord.Header("Location")?.Contains("/aanmelden") == true,
                    (403, true) => antwoord.Status == 403 && antwoord.ContentType.StartsWith("text/html"),
                    _ => antwoord.Status is not (401 or 403) && antwoord.Status < 500
                         && !(pagina && antwoord.Header("Location")?.Contains("/aanmelden") == true),
                };
                if (!goed) fouten.Add($"{methode} {url} als {beller.Naam}: {antwoord.Status}, verwacht {(verwacht == 0 ? "toegang" : verwacht)} ({sleutel})");
            }
        }

        fouten.ShouldBeEmpty();
    }

    [Fact]
    public void elke_regel_hoort_bij_een_endpoint_en_elk_endpoint_heeft_een_regel()
    {
        var sleutels = Endpoints().Select(e => e.Sleutel).ToHashSet();

        Toegangsbeleid.Regels.Select(r => r.Sleutel).Where(s => !sleutels.Contains(s)).ShouldBeEmpty();
        sleutels.Where(s => Toegangsbeleid.Voor(s) is null).ShouldBeEmpty();
        Toegangsbeleid.Regels.Select(r => r.Sleutel).ShouldBeUnique();
        Toegangsbeleid.Regels.Where(r => !r.Openbaar).ShouldAllBe(r => r.Rollen.Count > 0);
        Toegangsbeleid.Regels.SelectMany(r => r.Rollen.Keys).ShouldAllBe(rol => Rollen.Alle.Contains(rol));
    }

    [Fact]
    public async Task de_tabel_in_docs_authenticatie_is_de_tabel_in_de_code()
    {
        var endpoints = await Toegangscontrole.Sleutels(Service<EndpointDataSource>(), Host.Services);
        var verwacht = Toegangsbeleid.AlsMarkdown(endpoints.SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["alle"])
            .Select(m => (e.Sleutel!, m, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/')))));
        var document = File.ReadAllText(Path.Combine(Repository.Map, "docs", "authenticatie.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- toegangsbeleid:begin -->\n";
        const string eind = "<!-- toegangsbeleid:eind -->";
        document.ShouldContain(begin);
        var tabel = document[(document.IndexOf(begin, StringComparison.Ordinal) + begin.Length)..document.IndexOf(eind, StringComparison.Ordinal)];

        tabel.ShouldBe(verwacht, "Neem de tabel hieronder over in docs/authenticatie.md, tussen de markeringen:\n\n" + verwacht);
    }

    private List<(string? Sleutel, string Methode, string Patroon)> Endpoints() =>
        Toegangscontrole.Sleutels(Service<EndpointDataSource>(), Host.Services).GetAwaiter().GetResult()
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (e.Sleutel, m, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(e => e.Item3, StringComparer.Ordinal).ToList();

    /// <summary>Who calls: each role for its own organisation and for another, and every kind of token the policy must refuse.</summary>
    private IEnumerable<Beller> Bellers(string patroon)
    {
        var gevraagdeRegio = patroon.StartsWith("/v1/hergebruikverzoeken/{id}", StringComparison.Ordinal);
        yield return new Beller("werkgever", Tokens.Werkgever(), Rollen.Werkgever, true);
        yield return new Beller("andere werkgever", Tokens.Werkgever(Testdata.AndereKvk), Rollen.Werkgever, false);
        yield return gevraagdeRegio
            ? new Beller("regiopartij van de gevraagde regio", Leeuwarden, Rollen.Regiopartij, true)
            : new Beller("regiopartij van de regio", Tokens.Regiopartij(), Rollen.Regiopartij, true);
        yield return new Beller("regiopartij van een regio zonder relatie", Assen, Rollen.Regiopartij, false);
        yield return new Beller("auditor", Tokens.Auditor(), Rollen.Auditor, true);
        yield return new Beller("auditor van een andere organisatie", Tokens.Auditor("DNZ"), Rollen.Auditor, false);
        yield return new Beller("beheerder", Tokens.Beheerder(), Rollen.Beheerder, true);
        yield return new Beller("onbekende rol", Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "medewerker"), (Claimtypen.Kvk, Testdata.Kvk)), null, false);
        yield return new Beller("rol met hoofdletter", Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "Auditor")), null, false);
        yield return new Beller("rol als meervoud", Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, "beheerders")), null, false);
        yield return new Beller("lege rol", Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, ""), (Claimtypen.Kvk, Testdata.Kvk)), null, false);
        yield return new Beller("geen rol", Tokens.MetClaims(("sub", "x"), (Claimtypen.Kvk, Testdata.Kvk)), null, false);
        yield return new Beller("twee rollen", Tokens.MetClaims(("sub", "x"), (Claimtypen.Rol, Rollen.Werkgever), (Claimtypen.Rol, Rollen.Auditor),
            (Claimtypen.Kvk, Testdata.Kvk)), null, false);
        yield return new Beller("geen token", null, null, false);
    }

    /// <summary>
    /// Pages whose scope narrows what they show rather than refusing: another region sees its own regions there; the
    /// registration form names no organisation in its address, so every admitted caller opens it (an employer only
    /// for itself: the command behind it refuses another KvK-nummer, as its API tests prove).
    /// </summary>
    private static readonly IReadOnlySet<string> GefilterdeWeergave = new HashSet<string> { "variantmatrixPagina", "werkgeverRegistrerenPagina" };

    /// <summary>0: admitted (any answer but 401, 403 and 5xx); else the status the policy or the scope check gives (401: sign in, for a page).</summary>
    private static int Verwacht(Toegangsregel regel, Beller beller, string sleutel)
    {
        if (regel.Openbaar) return 0;
        if (beller.Token is null) return 401;
        if (beller.Rol is null || !regel.Rollen.TryGetValue(beller.Rol, out var bereik)) return 403;
        // The national search narrows what another region finds (the consenting employers) instead of refusing it;
        // its own tests prove the narrowing.
        return beller.EigenOrganisatie || bereik is Bereik.Alles or Bereik.VindbaarOfEigenRegio || GefilterdeWeergave.Contains(sleutel) ? 0 : 403;
    }

    /// <summary>A page of the web application: everything but the API, its reference and the health checks.</summary>
    private static bool IsPagina(string patroon) =>
        !patroon.StartsWith("/v1", StringComparison.Ordinal) && !patroon.StartsWith("/documentatie", StringComparison.Ordinal)
        && !patroon.StartsWith("/health", StringComparison.Ordinal);

    private readonly Dictionary<string, string> _sessies = [];

    /// <summary>Who opens a page: each role signed in for its own organisation and for another (a cookie is the "token"), and nobody.</summary>
    private async Task<IEnumerable<Beller>> Bezoekers(string patroon)
    {
        async Task<string> Sessie(string identiteit) => _sessies.TryGetValue(identiteit, out var cookie) ? cookie : _sessies[identiteit] = await this.Sessie(identiteit);

        var gevraagdeRegio = patroon.StartsWith("/hergebruikverzoeken/", StringComparison.Ordinal);
        return
        [
            new Beller("werkgever", await Sessie("werkgever-bouwbedrijf-noord"), Rollen.Werkgever, true),
            new Beller("andere werkgever", await Sessie("werkgever-zorggroep-oost"), Rollen.Werkgever, false),
            new Beller(gevraagdeRegio ? "regiopartij van de gevraagde regio" : "regiopartij van de regio",
                await Sessie(gevraagdeRegio ? "gemeente-leeuwarden" : "gemeente-groningen"), Rollen.Regiopartij, true),
            new Beller("regiopartij van een regio zonder relatie", await Sessie("gemeente-assen"), Rollen.Regiopartij, false),
            new Beller("auditor", await Sessie("auditor-slw"), Rollen.Auditor, true),
            new Beller("auditor van een andere organisatie", await Sessie("auditor-dnz"), Rollen.Auditor, false),
            new Beller("beheerder", await Sessie("beheerder"), Rollen.Beheerder, true),
            new Beller("niet aangemeld", null, null, false),
        ];
    }
}
