using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Web;

/// <summary>The web application next to the API on the same host: who may open which page, and what the API keeps to itself.</summary>
public sealed class Paginas_en_aanmelden(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public void elke_pagina_noemt_wie_haar_mag_zien()
    {
        var paginas = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        paginas.Count.ShouldBeGreaterThan(10);
        foreach (var pagina in paginas)
        {
            var sleutel = pagina.GetCustomAttribute<ToegangssleutelAttribute>();
            sleutel.ShouldNotBeNull($"{pagina.Name} noemt niet wie haar mag zien");
            Toegangsbeleid.Voor(sleutel.Sleutel).ShouldNotBeNull($"{pagina.Name}: geen regel '{sleutel.Sleutel}' in het toegangsbeleid");
        }

        paginas.Select(p => p.GetCustomAttribute<ToegangssleutelAttribute>()!.Sleutel).ShouldBeUnique();
    }

    [Fact]
    public async Task paginas_zijn_html_met_een_eigen_inhoudsbeleid_en_de_api_houdt_problem_json()
    {
        var start = await Get("/");
        start.Status.ShouldBe(200);
        start.ContentType.ShouldStartWith("text/html");
        start.Header("Content-Security-Policy")!.ShouldContain("script-src 'self'");
        start.Header("Content-Security-Policy")!.ShouldNotContain("unsafe-inline");
        // A page with a form (here the demo data button of an empty registry) also gets antiforgery's "no-cache".
        start.Header("Cache-Control")!.Split(',', StringSplitOptions.TrimEntries).ShouldContain("no-store");

        var pagina = await Get("/afspraken/" + Guid.NewGuid());
        pagina.Status.ShouldBe(302, "wie niet is aangemeld, gaat eerst naar aanmelden");
        new Uri(pagina.Header("Location")!).PathAndQuery.ShouldStartWith("/aanmelden?terugNaar=%2Fafspraken%2F");

        var niet = await Get("/bestaat-niet");
        niet.Status.ShouldBe(404);
        niet.ContentType.ShouldStartWith("text/html");
        niet.Tekst.ShouldContain("Pagina niet gevonden");

        (await Get("/v1/bestaat-niet")).Probleem(404);
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken")).Probleem(401);
    }

    [Fact]
    public async Task een_aanmeldformulier_zonder_antiforgerytoken_wordt_als_html_geweigerd()
    {
        var zonderToken = await Verstuur(Host, HttpMethod.Post, "/aanmelden", null, null);
        zonderToken.Status.ShouldBe(400);
        zonderToken.ContentType.ShouldStartWith("text/html");
    }
}
