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
        var afspraak = await AfspraakOpvragen.Lees(id, peildatum, versie, Gebruiker.Van(http.User), session, cancellation);
        if (afspraak.IsProbleem) return afspraak.Probleem;

        var regio = await session.LoadAsync<Arbeidsmarktregios.Arbeidsmarktregio>(
            Arbeidsmarktregios.Arbeidsmarktregio.StreamId(afspraak.Waarde.Arbeidsmarktregio), cancellation);
        return Voorwaardelijk.Antwoord(http, afspraak.Waarde.Version, SamenwerkingsafspraakWeergave.Van(afspraak.Waarde) with
        {
            ArbeidsmarktregioOpgeheven = regio?.GeldigTot is { } tot ? new Regioopheffing(tot, regio.Opvolgers) : null,
        });
    }
}

/// <summary>An agreement now, at a version or on a date, for whoever may read it: the checks the API and the agreement page share.</summary>
public static class AfspraakOpvragen
{
    public static async Task<Opvraging<Samenwerkingsafspraak>> Lees(Guid id, string? peildatum, string? versie, Gebruiker gebruiker, IQuerySession session,
        CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        var datum = default(DateOnly);
        var gevraagdeVersie = 0L;
        if (peildatum is not null && Datumvenster.Lees("peildatum", peildatum, out datum, "Een peildatum is een datum: JJJJ-MM-DD.") is { } datumfout)
            fouten.Add(datumfout);
        if (versie is not null && AfspraakAlsToen.Versiefout("versie", versie, out gevraagdeVersie) is { } versiefout) fouten.Add(versiefout);
        if (peildatum is not null && versie is not null)
            fouten.Add(new OngeldigeParameter("versie", "tegenstrijdig", "Vraag naar een peildatum of naar een versie, niet naar beide."));
        if (fouten.Count > 0) return Opvraging<Samenwerkingsafspraak>.Geweigerd(Problemen.Ongeldig(fouten));

        var afspraak = await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);
        if (afspraak is null) return Opvraging<Samenwerkingsafspraak>.Geweigerd(Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet."));
        if (!Toegang.MagLezen(gebruiker, afspraak))
        {
            return Opvraging<Samenwerkingsafspraak>.Geweigerd(Problemen.GeenToegang("Deze afspraak is van een andere werkgever of regio."));
        }

        if (versie is not null)
        {
            afspraak = gevraagdeVersie > afspraak.Version ? null : await AfspraakAlsToen.OpVersie(session, id, gevraagdeVersie, cancellation);
            if (afspraak is null) return Opvraging<Samenwerkingsafspraak>.Geweigerd(Problemen.NietGevonden($"Versie {gevraagdeVersie} van deze afspraak bestaat niet."));
        }
        else if (peildatum is not null)
        {
            afspraak = await AfspraakAlsToen.OpDatum(session, id, datum, cancellation);
            if (afspraak is null) return Opvraging<Samenwerkingsafspraak>.Geweigerd(Problemen.NietGevonden($"Op {peildatum} bestond deze afspraak nog niet."));
        }

        return afspraak;
    }
}
