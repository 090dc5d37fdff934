using Marten;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>An import and what it became: GET /v1/arbeidsmarktregios/{code}/imports/{id} as a page.</summary>
[Toegangssleutel("afsprakenimportPagina")]
public sealed class ImportModel(IQuerySession session) : Webpagina
{
    public Importuitkomst Import { get; private set; } = null!;

    public string? Melding { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid id, string? melding, CancellationToken cancellation)
    {
        var import = await ImportOpvragenEndpoint.Lees(code, id, Gebruiker, session, cancellation);
        if (import.IsProbleem) return Weigering(import.Probleem);
        Import = Importuitkomst.Van(import.Waarde, eerder: true);
        Melding = melding switch
        {
            "geimporteerd" => $"De import is vastgelegd: {Import.AantalAfspraken} {(Import.AantalAfspraken == 1 ? "afspraak" : "afspraken")} als concept.",
            "eerder" => "Dit bestand was al geïmporteerd: er is niets opnieuw vastgelegd. Hieronder staat wat het toen werd.",
            _ => null,
        };
        return Page();
    }
}
