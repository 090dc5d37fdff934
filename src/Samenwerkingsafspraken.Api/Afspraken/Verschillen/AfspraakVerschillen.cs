using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Verschillen;

public static class AfspraakVerschillenEndpoint
{
    [WolverineGet("/v1/samenwerkingsafspraken/{id}/verschillen", OperationId = "samenwerkingsafspraakVerschillenOpvragen")]
    [EndpointSummary("Het verschil tussen twee versies van een afspraak")]
    [EndpointDescription("Werkafspraken toegevoegd, verwijderd en veld voor veld gewijzigd; doelstellingen, looptijd, status, regiopartijen en " +
                         "resultaten. Voor auditors en, binnen hun bereik, de partijen zelf.")]
    [ProducesResponseType<Afspraakverschillen>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(Guid id, string? van, string? tot, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var vergelijking = await Vergelijk(id, van, tot, Gebruiker.Van(http.User), session, cancellation);
        return vergelijking.IsProbleem ? vergelijking.Probleem : Voorwaardelijk.AntwoordNaarInhoud(http, vergelijking.Waarde.Verschillen);
    }

    /// <summary>Two versions and their difference, with the checks the API and the comparison page share.</summary>
    public static async Task<Opvraging<Versievergelijking>> Vergelijk(Guid id, string? van, string? tot, Gebruiker gebruiker, IQuerySession session,
        CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (AfspraakAlsToen.Versiefout("van", van, out var vanVersie) is { } f1) fouten.Add(f1);
        if (AfspraakAlsToen.Versiefout("tot", tot, out var totVersie) is { } f2) fouten.Add(f2);
        if (fouten.Count == 0 && vanVersie >= totVersie) fouten.Add(new OngeldigeParameter("tot", "niet-later", "'tot' is een latere versie dan 'van'."));
        if (fouten.Count > 0) return Opvraging<Versievergelijking>.Geweigerd(Problemen.Ongeldig(fouten));

        var huidig = await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);
        if (huidig is null) return Opvraging<Versievergelijking>.Geweigerd(Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet."));
        if (!Toegang.MagLezen(gebruiker, huidig))
            return Opvraging<Versievergelijking>.Geweigerd(Problemen.GeenToegang("De versies van deze afspraak zijn voor haar partijen en auditors."));
        if (totVersie > huidig.Version)
        {
            return Opvraging<Versievergelijking>.Geweigerd(Problemen.NietGevonden($"Versie {totVersie} bestaat niet: de actuele versie is {huidig.Version}."));
        }

        var oud = await AfspraakAlsToen.OpVersie(session, id, vanVersie, cancellation);
        var nieuw = await AfspraakAlsToen.OpVersie(session, id, totVersie, cancellation);
        return new Versievergelijking(oud!, nieuw!, huidig.Version, Afspraakvergelijking.Tussen(oud!, nieuw!));
    }
}

/// <summary>The two versions compared, the latest version there is, and what differs.</summary>
public sealed record Versievergelijking(Samenwerkingsafspraak Van, Samenwerkingsafspraak Tot, long ActueleVersie, Afspraakverschillen Verschillen);
