using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Security;

namespace Samenwerkingsafspraken.Infrastructure.Web;

/// <summary>What every page model shares: who is signed in, and a refusal from the shared checks shown as an HTML error page.</summary>
public abstract class Webpagina : PageModel
{
    public const string FoutSleutel = "samenwerkingsafspraken.fout";

    public Gebruiker Gebruiker => Gebruiker.Van(User);

    /// <summary>
    /// The problem that a shared check answered (the same one the API would send as problem+json), shown on the error
    /// page with its status and its Dutch explanation.
    /// </summary>
    protected IActionResult Weigering(IResult probleem)
    {
        var details = probleem is ProblemHttpResult p ? p.ProblemDetails : (probleem as IValueHttpResult)?.Value as ProblemDetails;
        var status = details?.Status ?? (probleem as IStatusCodeHttpResult)?.StatusCode ?? 500;
        var fouten = details?.Extensions.TryGetValue("invalidParams", out var lijst) == true ? lijst as IReadOnlyList<OngeldigeParameter> : null;
        HttpContext.Items[FoutSleutel] = new Foutmelding(status, details?.Detail, fouten ?? []);
        return StatusCode(status);
    }
}

public sealed record Foutmelding(int Status, string? Detail, IReadOnlyList<OngeldigeParameter> Fouten);
