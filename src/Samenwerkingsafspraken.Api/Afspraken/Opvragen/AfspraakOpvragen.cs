using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Infrastructure;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Opvragen;

public static class AfspraakOpvragenEndpoint
{
    [WolverineGet("/v1/samenwerkingsafspraken/{id}", OperationId = "samenwerkingsafspraakOpvragen")]
    [EndpointSummary("Een samenwerkingsafspraak")]
    [EndpointDescription("De afspraak zoals zij nu is, met haar versie (ook als ETag). Met peildatum (JJJJ-MM-DD): zoals zij was aan het eind " +
                         "van die dag; met versie: zoals zij was na die versie; beide herbouwd uit de gebeurtenissen. Voor de werkgever zelf, de " +
                         "regiopartijen van haar regio en auditors.")]
    [ProducesResponseType<SamenwerkingsafspraakWeergave>(200)]
    [MetETag]
    [Problemen(400, 401, 403, 404)]
    public static async Task<IResult> Get(Guid id, string? peildatum, string? versie, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        var datum = default(DateOnly);
        var gevraagdeVersie = 0L;
        if (peildatum is not null && Datumvenster.Lees("peildatum", peildatum, out datum) is { } datumfout) fouten.Add(datumfout);
        if (versie is not null && AfspraakAlsToen.Versiefout("versie", versie, out gevraagdeVersie) is { } versiefout) fouten.Add(versiefout);
        if (peildatum is not null && versie is not null)
            fouten.Add(new OngeldigeParameter("versie", "tegenstrijdig", "Vraag naar een peildatum of naar een versie, niet naar beide."));
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        var afspraak = await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);
        if (afspraak is null) return Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet.");
        if (!Toegang.MagLezen(Gebruiker.Van(http.User), afspraak))
        {
            return Problemen.GeenToegang("Deze afspraak is van een andere werkgever of regio.");
        }

        if (versie is not null)
        {
            afspraak = gevraagdeVersie > afspraak.Version ? null : await AfspraakAlsToen.OpVersie(session, id, gevraagdeVersie, cancellation);
            if (afspraak is null) return Problemen.NietGevonden($"Versie {gevraagdeVersie} van deze afspraak bestaat niet.");
        }
        else if (peildatum is not null)
        {
            afspraak = await AfspraakAlsToen.OpDatum(session, id, datum, cancellation);
            if (afspraak is null) return Problemen.NietGevonden($"Op {peildatum} bestond deze afspraak nog niet.");
        }

        var regio = await session.LoadAsync<Arbeidsmarktregios.Arbeidsmarktregio>(Arbeidsmarktregios.Arbeidsmarktregio.StreamId(afspraak.Arbeidsmarktregio), cancellation);
        return Voorwaardelijk.Antwoord(http, afspraak.Version, SamenwerkingsafspraakWeergave.Van(afspraak) with
        {
            ArbeidsmarktregioOpgeheven = regio?.GeldigTot is { } tot ? new Regioopheffing(tot, regio.Opvolgers) : null,
        });
    }
}
