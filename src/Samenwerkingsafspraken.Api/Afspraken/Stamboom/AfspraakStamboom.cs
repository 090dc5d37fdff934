using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referenties;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Afspraken.Stamboom;

/// <summary>One agreement in a lineage: where it is, how it differs from its source, and what was derived from it.</summary>
public sealed record Stamboomknoop(
    Guid AfspraakId,
    string Arbeidsmarktregio,
    string Titel,
    AfspraakStatus Status,
    bool Bewezen,
    long? BronVersie,
    IReadOnlyList<Maatwerkverschil> Verschillen,
    IReadOnlyList<Stamboomknoop> Afgeleid);

public sealed record AfspraakStamboom(Guid AfspraakId, Guid WortelId, int Aantal, IReadOnlyList<string> Regios, Stamboomknoop Wortel);

public static class AfspraakStamboomEndpoint
{
    private const int MaximaleDiepte = 50;

    [WolverineGet("/v1/samenwerkingsafspraken/{id}/stamboom", OperationId = "samenwerkingsafspraakStamboomOpvragen")]
    [EndpointSummary("De stamboom van een afspraak over regio's heen")]
    [EndpointDescription("Waar de afspraak vandaan kwam en elke afspraak die ervan is afgeleid, met bij elke stap de maatwerkverschillen. " +
                         "Voor auditors, de werkgever en de regiopartijen van een regio in de stamboom.")]
    [ProducesResponseType<AfspraakStamboom>(200)]
    [MetETag]
    [Problemen(401, 403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var stamboom = await Bouw(id, Gebruiker.Van(http.User), session, cancellation);
        return stamboom.IsProbleem ? stamboom.Probleem : Voorwaardelijk.AntwoordNaarInhoud(http, stamboom.Waarde);
    }

    /// <summary>The lineage and who may see it: shared by the API and the lineage page.</summary>
    public static async Task<Opvraging<AfspraakStamboom>> Bouw(Guid id, Gebruiker gebruiker, IQuerySession session, CancellationToken cancellation)
    {
        var start = await session.LoadAsync<Referentie>(id, cancellation);
        if (start is null) return Opvraging<AfspraakStamboom>.Geweigerd(Problemen.NietGevonden($"Samenwerkingsafspraak {id} bestaat niet."));

        var wortel = start;
        for (var diepte = 0; wortel.Afspraak.Herkomst is { } herkomst && diepte < MaximaleDiepte; diepte++)
        {
            wortel = await session.LoadAsync<Referentie>(herkomst.BronAfspraakId, cancellation) ?? wortel;
            if (wortel.Id != herkomst.BronAfspraakId) break;
        }

        // Down from the root in one statement: every adoption names its source.
        var alle = (await Hergebruiken.Afgeleid(session, wortel.Id, MaximaleDiepte, cancellation)).ToDictionary(r => r.Id);
        alle[wortel.Id] = wortel;
        var afgeleid = alle.Values.Where(r => r.Afspraak.Herkomst is not null && r.Id != wortel.Id)
            .OrderBy(r => r.Afspraak.OpgesteldOp).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)
            .ToLookup(r => r.Afspraak.Herkomst!.BronAfspraakId);

        var regios = alle.Values.Select(r => r.Arbeidsmarktregio).Distinct().Order().ToList();
        if (!gebruiker.IsAuditor && !gebruiker.IsWerkgeverVan(start.KvkNummer) && !regios.Any(gebruiker.IsRegiopartijVan))
        {
            return Opvraging<AfspraakStamboom>.Geweigerd(Problemen.GeenToegang("De stamboom is voor auditors, de werkgever en de regio's waar de afspraak geldt."));
        }

        return new AfspraakStamboom(id, wortel.Id, alle.Count, regios, Knoop(wortel, afgeleid));
    }

    private static Stamboomknoop Knoop(Referentie r, ILookup<Guid, Referentie> afgeleid) => new(
        r.Id, r.Arbeidsmarktregio, r.Afspraak.Inhoud.Titel, r.Afspraak.Status, r.Bewezen, r.Afspraak.Herkomst?.BronVersie, r.Afspraak.Maatwerkverschillen,
        afgeleid[r.Id].Select(k => Knoop(k, afgeleid)).ToList());
}
