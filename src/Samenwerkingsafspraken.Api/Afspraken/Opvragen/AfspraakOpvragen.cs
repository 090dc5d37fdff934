using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Opvragen;

public static class AfspraakOpvragenEndpoint
{
    [WolverineGet("/v1/samenwerkingsafspraken/{id}", OperationId = "samenwerkingsafspraakOpvragen")]
    [EndpointSummary("Een samenwerkingsafspraak")]
    [EndpointDescription("De afspraak zoals zij nu is, met haar versie (ook als ETag). Voor de werkgever zelf, de regiopartijen van haar regio en auditors.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var afspraak = await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);
        if (afspraak is null) return Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet.");
        if (!Toegang.MagLezen(Gebruiker.Van(http.User), afspraak))
        {
            return Problemen.GeenToegang("Deze afspraak is van een andere werkgever of regio.");
        }

        http.Response.Headers.ETag = ETag.Van(afspraak.Version);
        return Results.Ok(SamenwerkingsafspraakWeergave.Van(afspraak));
    }
}
