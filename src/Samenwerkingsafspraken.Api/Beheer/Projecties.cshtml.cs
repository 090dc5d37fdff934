using Marten;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The projections (the registry's lookups) and how far each has read the events.</summary>
[Toegangssleutel("projectiesPagina")]
public sealed class ProjectiesModel(IDocumentStore store) : Webpagina
{
    public Projectiestanden Standen { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation) => Standen = await Projectiestandlezer.Lees(store, cancellation);
}
