using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Infrastructure.Web.Formulieren;

/// <summary>
/// A page with a form that writes. It runs the feature's own command function (the one the API's endpoint runs) with
/// the signed-in user, the version the form was opened at and a key per display of the form, and shows the outcome
/// where the user acts: problems beside their fields (and all of them in a summary at the top), a refusal of the
/// state as a message above the form, a stale version as a conflict with a way to continue; a success is a redirect
/// (post-redirect-get), so that reloading the next page never sends the form again.
/// </summary>
public abstract class Formulierpagina : Webpagina
{
    /// <summary>
    /// The idempotency key of this display of the form: sending it twice (a double click, a resend after a lost answer)
    /// records the command once and answers as the first time.
    /// </summary>
    [BindProperty]
    public string? Formuliersleutel { get; set; }

    public Formulierfouten Fouten { get; protected set; } = Formulierfouten.Geen;

    /// <summary>A refusal that concerns no field (the agreement is already signed, it has ended, …): shown above the form.</summary>
    public string? Melding { get; protected set; }

    /// <summary>Set when the form was sent for a version that is no longer the current one.</summary>
    public Versieconflict? Conflict { get; protected set; }

    /// <summary>The page's title, with "Fout: " in front while the form shows problems (so that a screen reader hears it first).</summary>
    public string Titel(string titel) => Fouten.Aanwezig || Melding is not null || Conflict is not null ? $"Fout: {titel}" : titel;

    protected void NieuweFormuliersleutel() => Formuliersleutel = Guid.NewGuid().ToString("N");

    /// <summary>The command's context as a page gives it: the API's operation name, so that a key is remembered with the same operation.</summary>
    protected Opdrachtcontext Opdracht(string handeling, long? versie = null)
    {
        if (string.IsNullOrWhiteSpace(Formuliersleutel) || Formuliersleutel.Length > Opdrachtcontext.MaximaleSleutellengte) NieuweFormuliersleutel();
        return new Opdrachtcontext(Gebruiker, handeling, Correlatie.Id(HttpContext), versie is { } v ? Versievoorwaarde.Van(v) : Versievoorwaarde.Geen,
            Formuliersleutel, HttpContext.RequestAborted);
    }

    /// <summary>
    /// Shows a refusal: invalid input beside the fields (with the form's own conversion problems first), 403/404 as the
    /// error page the reads use, anything else as a message above the form. The form keeps what the user typed.
    /// </summary>
    protected IActionResult Geweigerd(Weigering weigering, IEnumerable<Veld> velden, IReadOnlyList<OngeldigeParameter>? eigenFouten = null)
    {
        switch (weigering.Soort)
        {
            case Weigeringsoort.NietToegestaan or Weigeringsoort.NietGevonden:
                return Foutpagina((int)weigering.Soort, weigering.Detail, weigering.Fouten);
            case Weigeringsoort.OngeldigeInvoer:
                var fouten = Formulierfouten.Samen(eigenFouten ?? [], weigering.Fouten ?? []);
                Fouten = Formulierfouten.Koppel(fouten, velden);
                if (fouten.Count == 0) Melding = weigering.Detail;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                Melding = weigering.Detail;
                Response.StatusCode = (int)weigering.Soort;
                return Page();
        }
    }

    /// <summary>The form's own problems only (the command was not sent): beside their fields.</summary>
    protected IActionResult Ongeldig(IReadOnlyList<OngeldigeParameter> fouten, IEnumerable<Veld> velden)
    {
        Fouten = Formulierfouten.Koppel(fouten, velden);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The shared error page (403, 404, …) with the reason of the shared check.</summary>
    protected IActionResult Foutpagina(int status, string detail, IReadOnlyList<OngeldigeParameter>? fouten = null)
    {
        HttpContext.Items[FoutSleutel] = new Foutmelding(status, detail, fouten ?? []);
        return StatusCode(status);
    }

    /// <summary>The id at the end of a recorded command's location (<c>/v1/samenwerkingsafspraken/{id}</c>), also for a replayed answer.</summary>
    protected static Guid IdUit(Schrijfuitkomst.Gelukt gelukt) =>
        Guid.Parse(gelukt.Locatie?[(gelukt.Locatie.LastIndexOf('/') + 1)..] ?? throw new InvalidOperationException("A started stream has a location."));
}

/// <summary>The version the form was opened at, the current one, and what happened in between, in words.</summary>
public sealed record Versieconflict(long Van, long Actueel, IReadOnlyList<string> Wijzigingen, IReadOnlyList<string> Gebeurtenissen);
