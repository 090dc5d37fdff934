using Marten;
using Marten.Services.BatchQuerying;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;
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
    public static async Task<IResult> Get(Guid id, string? peildatum, string? versie, HttpContext http, Opzoeken opzoeken,
        Referentiecache referentiedata, CancellationToken cancellation)
    {
        await using var session = opzoeken.Sessie();
        // The region (is it abolished?) comes from the reference data this node holds: as confirmed less than a second
        // ago, or else checked against the database's stamp in the same round trip as the agreement itself.
        var gehouden = referentiedata.Recent;
        Task<Stempelmeting>? stempel = null;
        var afspraak = await AfspraakOpvragen.Lees(id, peildatum, versie, Gebruiker.Van(http.User), session, cancellation,
            ookLezen: gehouden is null ? batch => stempel = referentiedata.Stempel(batch) : null);
        if (afspraak.IsProbleem) return afspraak.Probleem;

        var stand = gehouden ?? await referentiedata.Stand(await stempel!, session, cancellation);
        var regio = stand.Regios.GetValueOrDefault(afspraak.Waarde.Arbeidsmarktregio);
        return Voorwaardelijk.Antwoord(http, afspraak.Waarde.Version, SamenwerkingsafspraakWeergave.Van(afspraak.Waarde) with
        {
            ArbeidsmarktregioOpgeheven = regio?.GeldigTot is { } tot ? new Regioopheffing(tot, regio.Opvolgers) : null,
        });
    }
}

/// <summary>An agreement now, at a version or on a date, for whoever may read it: the checks the API and the agreement page share.</summary>
public static class AfspraakOpvragen
{
    /// <param name="ookLezen">More to read in the same round trip as the agreement (the caller's own queries on the batch).</param>
    public static async Task<Opvraging<Samenwerkingsafspraak>> Lees(Guid id, string? peildatum, string? versie, Gebruiker gebruiker, IQuerySession session,
        CancellationToken cancellation, Action<IBatchedQuery>? ookLezen = null)
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

        var afspraak = await Laad(id, session, ookLezen, cancellation);
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

    private static async Task<Samenwerkingsafspraak?> Laad(Guid id, IQuerySession session, Action<IBatchedQuery>? ookLezen, CancellationToken cancellation)
    {
        if (ookLezen is null) return await session.LoadAsync<Samenwerkingsafspraak>(id, cancellation);

        var batch = session.CreateBatchQuery();
        var afspraak = batch.Load<Samenwerkingsafspraak>(id);
        ookLezen(batch);
        await batch.Execute(cancellation);
        return await afspraak;
    }
}
