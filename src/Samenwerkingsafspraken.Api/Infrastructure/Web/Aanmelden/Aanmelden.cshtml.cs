using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web.Aanmelden;

[Toegangssleutel("aanmeldenPagina")]
public sealed class AanmeldenModel(WebAuthenticatie.Aanmeldwijze aanmeldwijze) : Webpagina
{
    public WebAuthenticatie.Aanmeldwijze Aanmeldwijze => aanmeldwijze;

    [BindProperty(SupportsGet = true)]
    public string? TerugNaar { get; set; }

    [BindProperty]
    public string? Identiteit { get; set; }

    public bool OngeldigeKeuze { get; private set; }

    public IActionResult OnGet()
    {
        if (aanmeldwijze.OpenIdConnect)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = Bestemming() }, WebAuthenticatie.OpenIdConnect);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The demo identities exist only where the host may offer them; elsewhere this form does not exist.
        if (!aanmeldwijze.Demo) return NotFound();

        var identiteit = Demoidentiteiten.Vind(Identiteit);
        if (identiteit is null)
        {
            OngeldigeKeuze = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(WebAuthenticatie.Cookie, WebAuthenticatie.Principal(identiteit.Claims(), "demo"));
        return LocalRedirect(Bestemming());
    }

    private string Bestemming() => TerugNaar is { Length: > 0 } pad && Url.IsLocalUrl(pad) ? pad : "/";

    public static string Roltekst(string rol) => rol switch
    {
        Rollen.Werkgever => "Werkgevers",
        Rollen.Regiopartij => "Regiopartijen",
        Rollen.Auditor => "Auditors",
        _ => "Beheer",
    };
}
