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

        var alle = new Dictionary<Guid, Referentie> { [wortel.Id] = wortel };
        var rand = new List<Guid> { wortel.Id };
        for (var diepte = 0; rand.Count > 0 && diepte < MaximaleDiepte; diepte++)
        {
            var kinderen = rand.SelectMany(r => alle[r].HergebruiktIn.Select(h => h.AfspraakId)).Where(k => !alle.ContainsKey(k)).Distinct().ToArray();
            var geladen = kinderen.Length == 0 ? [] : await session.LoadManyAsync<Referentie>(cancellation, kinderen);
            foreach (var kind in geladen) alle[kind.Id] = kind;
            rand = geladen.Select(k => k.Id).ToList();
        }

        var regios = alle.Values.Select(r => r.Arbeidsmarktregio).Distinct().Order().ToList();
        if (!gebruiker.IsAuditor && !gebruiker.IsWerkgeverVan(start.KvkNummer) && !regios.Any(gebruiker.IsRegiopartijVan))
        {
            return Opvraging<AfspraakStamboom>.Geweigerd(Problemen.GeenToegang("De stamboom is voor auditors, de werkgever en de regio's waar de afspraak geldt."));
        }

        return new AfspraakStamboom(id, wortel.Id, alle.Count, regios, Knoop(wortel, alle));
    }

    private static Stamboomknoop Knoop(Referentie r, IReadOnlyDictionary<Guid, Referentie> alle) => new(
        r.Id, r.Arbeidsmarktregio, r.Afspraak.Inhoud.Titel, r.Afspraak.Status, r.Bewezen, r.Afspraak.Herkomst?.BronVersie, r.Afspraak.Maatwerkverschillen,
        r.HergebruiktIn.Where(h => alle.ContainsKey(h.AfspraakId)).Select(h => Knoop(alle[h.AfspraakId], alle)).ToList());
}
