using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Web.Formulieren;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Beheer.Indeling;

/// <summary>
/// A beheerder's form that changes the delineation: the regions to choose from, and the outcome of the command shown
/// the way every form shows it (problems beside their fields, a stale version as a conflict with the form again).
/// </summary>
public abstract class Indelingspagina : Formulierpagina
{
    public IReadOnlyList<Arbeidsmarktregio> Regios { get; private set; } = [];

    /// <summary>The regions that exist today, as options ("AM01 Groningen").</summary>
    public IEnumerable<Optie> Regioopties(string? behalve = null) =>
        Regios.Where(r => r.Code != behalve).Select(r => new Optie(r.Code, $"{r.Code} {r.NaamOp(Vandaag)}"));

    public DateOnly Vandaag { get; private set; }

    protected async Task LaadRegios(IQuerySession session, DateOnly vandaag, CancellationToken cancellation)
    {
        Vandaag = vandaag;
        Regios = (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).Where(r => r.IsGeldigOp(vandaag)).OrderBy(r => r.Code).ToList();
    }

    /// <summary>The outcome of the command: a redirect on success, else the form again with what went wrong.</summary>
    protected IActionResult Toon(Schrijfuitkomst uitkomst, IEnumerable<Veld> velden, string gelukt,
        IReadOnlyList<Infrastructure.Http.OngeldigeParameter>? eigenFouten = null, string? watGebeurde = null)
    {
        switch (uitkomst)
        {
            case Schrijfuitkomst.Gelukt:
                return Redirect(gelukt);
            case Schrijfuitkomst.Geweigerd geweigerd:
                return Geweigerd(geweigerd.Weigering, velden, eigenFouten);
            case Schrijfuitkomst.Versieconflict conflict:
                Conflict = new Versieconflict(Versie, conflict.ActueleVersie, [],
                    [watGebeurde ?? "Iemand anders legde intussen een wijziging vast: bekijk de gegevens hierboven opnieuw."]);
                Versie = conflict.ActueleVersie;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                throw new InvalidOperationException($"Unknown outcome {uitkomst.GetType().Name}.");
        }
    }

    /// <summary>The version the form was opened at (of the gemeente, region or employer it changes).</summary>
    [BindProperty]
    public long Versie { get; set; }
}
