using Microsoft.Playwright;
using Samenwerkingsafspraken.BrowserTests.Infrastructuur;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.BrowserTests;

[Collection(BrowserCollectie.Naam)]
public sealed class Beveiliging_van_de_paginas(Browseromgeving omgeving, ITestOutputHelper uitvoer) : BrowserTest(omgeving, uitvoer)
{
    [Fact]
    public async Task wie_niet_is_aangemeld_wordt_naar_aanmelden_gestuurd_en_komt_daarna_terug_waar_hij_was()
    {
        await Pagina.GotoAsync("/regios/AM01/register?status=actief");
        new Uri(Pagina.Url).AbsolutePath.ShouldBe("/aanmelden");
        await Toegankelijk();
        await Schermafbeelding("aanmelden", volledigePagina: true);

        await Pagina.GetByLabel("UWV Groningen", new() { Exact = false }).CheckAsync();
        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Pagina.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/regios/AM01/register?status=actief");
        await Toegankelijk();
    }

    [Fact]
    public async Task een_formulier_zonder_antiforgerytoken_wordt_geweigerd()
    {
        var zonder = await Context.APIRequest.PostAsync("/aanmelden", new() { Form = Formulier("gemeente-groningen") });
        zonder.Status.ShouldBe(400);
        (await zonder.TextAsync()).ShouldContain("Het formulier was verlopen of kwam niet van deze website.");

        // The same post with the token of the page signs in.
        await Pagina.GotoAsync("/aanmelden");
        var token = await Pagina.Locator("input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        var met = await Context.APIRequest.PostAsync("/aanmelden", new() { Form = Formulier("gemeente-groningen").Set("__RequestVerificationToken", token!), MaxRedirects = 0 });
        met.Status.ShouldBe(302);

        // Signing out is a form too: without the token it is refused and the session stays.
        var afmelden = await Context.APIRequest.PostAsync("/afmelden", new() { Form = Context.APIRequest.CreateFormData(), MaxRedirects = 0 });
        afmelden.Status.ShouldBe(400);
        await Pagina.GotoAsync("/");
        (await Pagina.InnerTextAsync("header")).ShouldContain("Aangemeld als");
    }

    [Fact]
    public async Task de_sessiecookie_is_httponly_en_samesite_en_telt_nooit_voor_de_api()
    {
        await AangemeldAls("Gemeente Groningen");
        var sessie = (await Context.CookiesAsync()).Single(c => c.Name == "samenwerkingsafspraken.sessie");
        sessie.HttpOnly.ShouldBeTrue();
        sessie.SameSite.ShouldBe(SameSiteAttribute.Lax);
        (await Context.CookiesAsync()).Single(c => c.Name == "samenwerkingsafspraken.formulier").SameSite.ShouldBe(SameSiteAttribute.Strict);

        // The register the page shows is refused to the same browser through the API: there only a bearer token counts.
        var api = await Context.APIRequest.GetAsync("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken");
        api.Status.ShouldBe(401);
        api.Headers["content-type"].ShouldStartWith("application/problem+json");
        var schrijven = await Context.APIRequest.PostAsync("/v1/werkgevers", new() { DataObject = new { kvkNummer = "99887766" } });
        schrijven.Status.ShouldBe(401);

        await Pagina.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Pagina.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await Pagina.InnerTextAsync("header")).ShouldContain("Aanmelden");
        (await Context.CookiesAsync()).ShouldNotContain(c => c.Name == "samenwerkingsafspraken.sessie");
    }

    [Fact]
    public async Task paginas_hebben_een_eigen_inhoudsbeleid_zonder_inline_script_en_fouten_zijn_nederlandse_paginas()
    {
        var start = await Open("/");
        var beleid = (await start.AllHeadersAsync())["content-security-policy"];
        beleid.ShouldContain("script-src 'self'");
        beleid.ShouldNotContain("unsafe-inline");
        beleid.ShouldContain("frame-ancestors 'none'");
        (await Pagina.Locator("script").CountAsync()).ShouldBe(0, "geen script, ook niet inline: alles werkt zonder JavaScript");
        (await Pagina.Locator("[style]").CountAsync()).ShouldBe(0, "geen style-attributen: het beleid staat ze niet toe");

        await Open("/bestaat-niet", 404);
        (await Tekst()).ShouldContain("Deze pagina bestaat niet, of niet meer.");
        await Schermafbeelding("niet-gevonden");

        var api = await Context.APIRequest.GetAsync("/v1/bestaat-niet");
        api.Status.ShouldBe(404);
        api.Headers["content-type"].ShouldStartWith("application/problem+json");
        api.Headers["content-security-policy"].ShouldBe("default-src 'none'; frame-ancestors 'none'");

        // Without JavaScript every page still works: the filters are plain forms.
        await using var zonderScript = await Omgeving.Browser.NewContextAsync(new() { BaseURL = Omgeving.Adres.ToString(), JavaScriptEnabled = false });
        var pagina = await zonderScript.NewPageAsync();
        await pagina.GotoAsync("/aanmelden");
        await pagina.GetByLabel("SLW", new() { Exact = false }).CheckAsync();
        await pagina.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await pagina.GotoAsync("/variantmatrix");
        await pagina.GetByLabel("Sector").SelectOptionAsync("bouw");
        await pagina.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        (await pagina.InnerTextAsync("main")).ShouldContain("2 afspraken in 2 regio's");
    }

    private IFormData Formulier(string identiteit) => Context.APIRequest.CreateFormData().Set("Identiteit", identiteit);
}
