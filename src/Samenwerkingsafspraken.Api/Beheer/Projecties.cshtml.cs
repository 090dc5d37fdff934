using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The projections (the registry's lookups), how far each has read the events, and rebuilding one.</summary>
[Paginatoegang("projectiesPagina", "beheerder", Rollen.Beheerder)]
public sealed class ProjectiesModel(IDocumentStore store, IProjectionCoordinator projecties) : Webpagina
{
    public Projectiestanden Standen { get; private set; } = null!;

    /// <summary>The rebuild that was just done, to say so above the table (post-redirect-get).</summary>
    [BindProperty(SupportsGet = true)] public string? Herbouwd { get; set; }

    [BindProperty(SupportsGet = true)] public long? Duur { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation) => Standen = await Projectiestandlezer.Lees(store, cancellation);

    /// <summary>The same rebuild as POST /v1/beheer/projecties/{naam}/herbouw.</summary>
    public async Task<IActionResult> OnPostHerbouwAsync(string? naam, CancellationToken cancellation)
    {
        var uitkomst = await ProjectiesHerbouwenEndpoint.Herbouwen(naam ?? "", projecties, cancellation);
        if (uitkomst is Ok<Herbouw> { Value: { } herbouw }) return Redirect($"/beheer/projecties?herbouwd={Uri.EscapeDataString(herbouw.Projectie)}&duur={herbouw.DuurInMilliseconden}");
        return Weigering(uitkomst);
    }
}
