using Samenwerkingsafspraken.Infrastructure.Security;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Web;

namespace Samenwerkingsafspraken.Varianten.Opvragen;

/// <summary>The national standard set of work arrangements, phased-out variants included: public, as in the API.</summary>
[Toegangssleutel("variantencatalogusPagina")]
public sealed class CatalogusModel(IQuerySession session) : Webpagina
{
    public VariantLijst Lijst { get; private set; } = null!;

    public bool Aangemeld => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellation) => Lijst = await VariantenOpvragenEndpoint.Lijst(session, true, cancellation);
}
