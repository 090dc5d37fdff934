using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Integriteit;

/// <summary>The integrity check of the whole event store on request, with its result and every finding.</summary>
[Toegangssleutel("integriteitPagina")]
public sealed class IntegriteitModel(Integriteitscontrole controle) : Webpagina
{
    [BindProperty(SupportsGet = true)]
    public bool Controleer { get; set; }

    public Integriteitsrapport? Rapport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        // A full check reads every event: only when the auditor asks for it.
        if (Controleer) Rapport = await controle.ControleerAlles(cancellation);
    }
}
