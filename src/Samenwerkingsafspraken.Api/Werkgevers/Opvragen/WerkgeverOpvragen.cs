using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Werkgevers.Registreren;
using Samenwerkingsafspraken.Werkgevers.Vestigingen;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Werkgevers.Opvragen;

public static class WerkgeverOpvragenEndpoint
{
    [WolverineGet("/v1/werkgevers/{kvkNummer}", OperationId = "werkgeverOpvragen")]
    [EndpointSummary("Een werkgever")]
    [EndpointDescription("De gegevens van een werkgever, met zijn status bij de KvK (actief, uitgeschreven, of opgegaan in een ander KvK-nummer) " +
                         "en de regio van elke vestiging zoals die nu uit haar gemeente volgt. Een werkgever ziet alleen zichzelf; regiopartijen, auditors " +
                         "en de beheerder zien elke werkgever.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
        {
            return Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]);
        }

        var gebruiker = Gebruiker.Van(http.User);
        if (gebruiker.IsWerkgever && !gebruiker.IsWerkgeverVan(kvkNummer))
        {
            return Problemen.GeenToegang("Een werkgever ziet alleen zijn eigen gegevens.");
        }

        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}.");

        http.Response.Headers.ETag = Infrastructure.Writing.ETag.Van(werkgever.Version);
        var gemeenten = await Vestigingskader.Laad(session, werkgever.Vestigingen.Select(v => v.Gemeente), klok.Vandaag, cancellation);
        return Results.Ok(WerkgeverWeergave.Van(werkgever).MetRegiosOp(gemeenten.Datum, gemeenten.Gemeenten));
    }
}

public static class SectorenEndpoint
{
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [WolverineGet("/v1/sectoren", OperationId = "sectorenOpvragen")]
    [EndpointSummary("De sectoren")]
    [EndpointDescription("De sectorcodes waarmee werkgevers worden ingedeeld. Openbaar.")]
    [ProducesResponseType<SectorLijst>(200)]
    public static SectorLijst Get() => new(Sectoren.Alle, Sectoren.Alle.Count);
}

public sealed record SectorLijst(IReadOnlyList<Sector> Sectoren, int Aantal);
