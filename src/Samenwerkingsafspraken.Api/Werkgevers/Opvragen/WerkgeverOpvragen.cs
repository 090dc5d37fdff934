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
                         "en de regio van elke vestiging zoals die nu uit haar gemeente volgt. Voor de werkgever zelf, auditors, de beheerder, en de " +
                         "regiopartijen van een regio waarmee de werkgever een afspraak heeft, die hij om hergebruik vroeg of waarmee hij zijn " +
                         "referenties deelt.")]
    [ProducesResponseType<WerkgeverWeergave>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(string kvkNummer, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var werkgever = await Lees(kvkNummer, Gebruiker.Van(http.User), session, klok, cancellation);
        if (werkgever.IsProbleem) return werkgever.Probleem;
        return Voorwaardelijk.Antwoord(http, werkgever.Waarde.Versie, werkgever.Waarde);
    }

    /// <summary>The checks and the lookup, shared with the employer's page: the regions of its vestigingen as their gemeenten lie today.</summary>
    public static async Task<Opvraging<WerkgeverWeergave>> Lees(string kvkNummer, Gebruiker gebruiker, IQuerySession session, Klok klok,
        CancellationToken cancellation)
    {
        if (!Formaten.KvkNummer().IsMatch(kvkNummer))
        {
            return Opvraging<WerkgeverWeergave>.Geweigerd(
                Problemen.Ongeldig([new OngeldigeParameter("kvkNummer", "ongeldig-formaat", "Een KvK-nummer bestaat uit precies 8 cijfers.")]));
        }

        if (!await Werkgeverrelaties.MagLezen(session, gebruiker, kvkNummer, cancellation))
        {
            return Opvraging<WerkgeverWeergave>.Geweigerd(Problemen.GeenToegang("De gegevens van een werkgever zijn voor de werkgever zelf, auditors, de beheerder en de regio's " +
                                         "waarmee hij een afspraak heeft, die hij om hergebruik vroeg of waarmee hij zijn referenties deelt."));
        }

        var werkgever = await session.LoadAsync<Werkgever>(Werkgever.StreamId(kvkNummer), cancellation);
        if (werkgever is null) return Opvraging<WerkgeverWeergave>.Geweigerd(Problemen.NietGevonden($"Er is geen werkgever met KvK-nummer {kvkNummer}."));

        var gemeenten = await Vestigingskader.Laad(session, werkgever.Vestigingen.Select(v => v.Gemeente), klok.Vandaag, cancellation);
        return WerkgeverWeergave.Van(werkgever).MetRegiosOp(gemeenten.Datum, gemeenten.Gemeenten);
    }
}

public static class SectorenEndpoint
{
    [WolverineGet("/v1/sectoren", OperationId = "sectorenOpvragen")]
    [EndpointSummary("De sectoren")]
    [EndpointDescription("De sectorcodes waarmee werkgevers worden ingedeeld. Openbaar.")]
    [ProducesResponseType<SectorLijst>(200)]
    public static SectorLijst Get() => new(Sectoren.Alle, Sectoren.Alle.Count);
}

public sealed record SectorLijst(IReadOnlyList<Sector> Sectoren, int Aantal);
