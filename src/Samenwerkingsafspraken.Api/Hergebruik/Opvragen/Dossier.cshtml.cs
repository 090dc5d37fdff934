using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Hergebruik.Opvragen;

/// <summary>A reuse request with its reference dossier: what the asked region reads before it decides.</summary>
[Toegangssleutel("referentiedossierPagina")]
public sealed class DossierModel(IQuerySession session, Klok klok, IOptions<Bewijsregel> regel) : Webpagina
{
    public Referentiedossier Dossier { get; private set; } = null!;

    public string Regel => regel.Value.Omschrijving;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var dossier = await HergebruikOpvragen.Dossier(id, Gebruiker, session, klok.GetUtcNow(), cancellation);
        if (dossier.IsProbleem) return Weigering(dossier.Probleem);

        Dossier = dossier.Waarde;
        return Page();
    }
}
