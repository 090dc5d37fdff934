using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Integriteit;

/// <summary>For auditors: is the event store as it was recorded? Always 200 with the report, intact or not.</summary>
public static class IntegriteitEndpoint
{
    [WolverineGet("/v1/integriteit", OperationId = "integriteitControleren")]
    [EndpointSummary("De integriteit van de hele gebeurtenissenopslag")]
    [EndpointDescription("Alleen auditors. Herberekent de hashketen van elke stroom: 'intact' met aantallen en een ankerhash om vast te " +
                         "leggen, of per bevinding de stroom, de versie en wat er gebeurde (gewijzigd, ontbreekt, verwisseld, ingevoegd, " +
                         "keten-gewijzigd).")]
    [ProducesResponseType<Integriteitsrapport>(200)]
    [Problemen(401, 403)]
    public static Task<Integriteitsrapport> Get(Integriteitscontrole controle, CancellationToken cancellation) =>
        controle.ControleerAlles(cancellation);
    [WolverineGet("/v1/integriteit/stromen/{stroomId}", OperationId = "stroomIntegriteitControleren")]
    [EndpointSummary("De integriteit van één stroom")]
    [EndpointDescription("Alleen auditors. Als de hele opslag, maar voor één stroom (bijvoorbeeld een samenwerkingsafspraak); de ankerhash " +
                         "is dan die van deze stroom alleen.")]
    [ProducesResponseType<Integriteitsrapport>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> GetStroom(string stroomId, Integriteitscontrole controle, CancellationToken cancellation)
    {
        if (!Guid.TryParseExact(stroomId, "D", out var id))
        {
            return Problemen.Ongeldig([new OngeldigeParameter("stroomId", "ongeldig-formaat",
                "Een stroom-id is een UUID in de vorm 01234567-89ab-cdef-0123-456789abcdef.")]);
        }

        var rapport = await controle.ControleerStroom(id, cancellation);
        return rapport is null ? Problemen.NietGevonden($"Er is geen stroom {id}.") : Results.Ok(rapport);
    }
}
