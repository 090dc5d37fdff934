using Samenwerkingsafspraken.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Samenwerkingsafspraken.Infrastructure.Web.Aanmelden;

[Toegangssleutel("afmeldenPagina")]
public sealed class AfmeldenModel(WebAuthenticatie.Aanmeldwijze aanmeldwijze) : Webpagina
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (aanmeldwijze.OpenIdConnect && User.Identity?.IsAuthenticated == true)
        {
            return SignOut(new AuthenticationProperties { RedirectUri = "/" }, WebAuthenticatie.Cookie, WebAuthenticatie.OpenIdConnect);
        }

        await HttpContext.SignOutAsync(WebAuthenticatie.Cookie);
        return LocalRedirect("/");
    }
}
