using Samenwerkingsafspraken.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Samenwerkingsafspraken.Infrastructure.Web.Fouten;

/// <summary>Every error of a page, in plain Dutch: what happened and what the person can do now.</summary>
[Toegangssleutel("foutpagina")]
[IgnoreAntiforgeryToken]
public sealed class FoutModel : Webpagina
{
    public int Status { get; private set; }

    public Foutmelding? Melding { get; private set; }

    public string? OorspronkelijkPad { get; private set; }

    public IActionResult OnGet(int status) => Toon(status);

    // A POST that failed (a refused form) is re-executed as a POST.
    public IActionResult OnPost(int status) => Toon(status);

    private IActionResult Toon(int status)
    {
        var heruitgevoerd = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
                            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Status = status is >= 400 and <= 599 ? status : 404;
        if (!heruitgevoerd || Response.StatusCode < 400) Response.StatusCode = Status;
        Melding = HttpContext.Items[FoutSleutel] as Foutmelding;
        OorspronkelijkPad = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;

        // A form post refused without a reason of ours is the antiforgery check: the form was old or came from elsewhere.
        if (Status == 400 && Melding is null && HttpMethods.IsPost(Request.Method))
        {
            Melding = new Foutmelding(400, "Het formulier was verlopen of kwam niet van deze website. Open de pagina opnieuw en probeer het nog eens.", []);
        }
        return Page();
    }

    public string Titel => Status switch
    {
        400 => "Dit verzoek klopt niet",
        401 => "Aanmelden nodig",
        403 => "Geen toegang",
        404 => "Pagina niet gevonden",
        405 => "Dat kan hier niet",
        409 => "Iemand anders was u voor",
        500 => "Er ging iets mis",
        503 => "Tijdelijk niet beschikbaar",
        _ => "Dit lukte niet",
    };

    public string Uitleg => Status switch
    {
        400 => "Het adres of het formulier bevat iets dat het register niet kan gebruiken. Hieronder staat wat er niet klopt.",
        401 => "Meld u aan om deze pagina te zien.",
        403 => "U bent aangemeld, maar deze pagina hoort bij een andere organisatie of rol. Werkgevers zien hun eigen afspraken, " +
               "regiopartijen de afspraken van hun eigen regio, auditors alles. Denkt u dat u deze pagina wel zou moeten zien? " +
               "Vraag dan uw beheerder of uw account de juiste organisatie en rol heeft.",
        404 => "Deze pagina bestaat niet, of niet meer. Misschien is het adres verkeerd overgenomen, of is de afspraak of het verzoek " +
               "waar u naar zocht nooit vastgelegd. Ga naar de startpagina en zoek verder vanuit uw eigen overzicht.",
        405 => "Deze handeling is op deze pagina niet mogelijk.",
        409 => "De gegevens zijn intussen door iemand anders gewijzigd. Open de pagina opnieuw om de actuele stand te zien.",
        500 => "Er ging aan onze kant iets mis. Het is vastgelegd en wordt uitgezocht. Probeer het over enkele minuten opnieuw.",
        503 => "Het register is even niet bereikbaar. Probeer het over enkele minuten opnieuw.",
        _ => "Het verzoek kon niet worden uitgevoerd.",
    };
}
