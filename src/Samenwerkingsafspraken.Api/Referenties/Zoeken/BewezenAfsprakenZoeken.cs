using Marten;
using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Referentiedata;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Referenties.Zoeken;

public sealed record WerkgeverInTreffer(string KvkNummer, string Naam, string Sector);

/// <summary>One proven agreement as the search shows it: what was agreed, its results against its targets, and why it counts as proven.</summary>
public sealed record BewezenAfspraak(
    Guid AfspraakId,
    string Titel,
    WerkgeverInTreffer Werkgever,
    string Arbeidsmarktregio,
    AfspraakStatus Status,
    Looptijd Looptijd,
    DateOnly? ActiefVanaf,
    IReadOnlyList<Werkafspraak> Werkafspraken,
    IReadOnlyList<Doelgroep> Doelgroepen,
    IReadOnlyList<Werkaanbodregel> Werkaanbod,
    Doelstellingen Doelstellingen,
    Realisatie Realisatie,
    Bewijs Bewijs,
    int KeerHergebruikt,
    bool Vindbaar,
    string? Fragment)
{
    public static BewezenAfspraak Van(Referentie r, int keerHergebruikt, bool vindbaar, string? fragment)
    {
        var a = r.Afspraak;
        return new BewezenAfspraak(a.Id, a.Inhoud.Titel, new WerkgeverInTreffer(a.Werkgever.KvkNummer, a.Werkgever.Naam, a.Werkgever.Sector),
            a.Arbeidsmarktregio, a.Status, a.Inhoud.Looptijd, a.ActiefVanaf, a.Inhoud.Werkafspraken, a.Inhoud.Doelgroepen, a.Inhoud.Werkaanbod,
            a.Inhoud.Doelstellingen, Realisatie.Van(a), r.Bewijs, keerHergebruikt, vindbaar, fragment);
    }
}

public sealed record Facetwaarde(string Waarde, int Aantal);

public sealed record Facetten(IReadOnlyList<Facetwaarde> Varianten, IReadOnlyList<Facetwaarde> Sectoren, IReadOnlyList<Facetwaarde> Arbeidsmarktregios);

/// <summary>A page of hits (best match first with words, newest first without), the facet counts over every hit, and the link to the next page.</summary>
public sealed record BewezenAfsprakenLijst(
    string? Zoek, int Aantal, Facetten Facetten, IReadOnlyList<BewezenAfspraak> Afspraken, int Paginagrootte, string? Volgende);

public static class BewezenAfsprakenZoeken
{
    public static IResult? Controleer(Zoekfilter filter, Gebruiker gebruiker)
    {
        if (filter.Controleer() is { Count: > 0 } fouten) return Problemen.Ongeldig(fouten);
        if (!gebruiker.IsAuditor && !gebruiker.IsRegiopartij)
            return Problemen.GeenToegang("De landelijke zoekfunctie is voor de regiopartijen van elke regio en voor auditors.");
        return null;
    }

    /// <summary>The page and the facets in one round trip (a batch of two statements), over an index each.</summary>
    public static async Task<BewezenAfsprakenLijst> Zoek(Zoekfilter filter, Zoekbereik bereik, string pad, IQuerySession session,
        NpgsqlDataSource database, CancellationToken cancellation)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var pagina = Zoekopdracht.Pagina(filter, bereik, serializer.ToCleanJson);
        var facetvraag = Zoekopdracht.Facetten(filter, bereik, serializer.ToCleanJson);

        await using var verbinding = await database.OpenConnectionAsync(cancellation);
        await using var batch = new NpgsqlBatch(verbinding);
        batch.BatchCommands.Add(Commando(pagina));
        batch.BatchCommands.Add(Commando(facetvraag));
        await using var lezer = await batch.ExecuteReaderAsync(cancellation);

        var gevonden = new List<(Referentie Referentie, float? Rang, string? Fragment, bool Vindbaar, int KeerHergebruikt)>();
        while (await lezer.ReadAsync(cancellation))
        {
            var referentie = serializer.FromJson<Referentie>(lezer, 0);
            gevonden.Add((referentie, lezer.IsDBNull(1) ? null : lezer.GetFloat(1), lezer.IsDBNull(2) ? null : lezer.GetString(2), lezer.GetBoolean(3), (int)lezer.GetInt64(4)));
        }

        await lezer.NextResultAsync(cancellation);
        var aantal = 0;
        var perFacet = new Dictionary<string, List<Facetwaarde>> { ["arbeidsmarktregio"] = [], ["sector"] = [], ["variant"] = [] };
        while (await lezer.ReadAsync(cancellation))
        {
            var facet = lezer.GetString(0);
            var telling = (int)lezer.GetInt64(2);
            if (facet == "totaal") aantal = telling;
            else if (!lezer.IsDBNull(1)) perFacet[facet].Add(new Facetwaarde(lezer.GetString(1), telling));
        }

        var treffers = gevonden.Take(filter.Grootte).ToList();
        var volgende = gevonden.Count > filter.Grootte
            ? filter.VolgendeLink(pad, new Zoekbladwijzer(treffers[^1].Rang, treffers[^1].Referentie.Id))
            : null;
        return new BewezenAfsprakenLijst(filter.Woorden, aantal,
            new Facetten(Gesorteerd(perFacet["variant"]), Gesorteerd(perFacet["sector"]), Gesorteerd(perFacet["arbeidsmarktregio"])),
            treffers.Select(t => BewezenAfspraak.Van(t.Referentie, t.KeerHergebruikt, t.Vindbaar, t.Fragment)).ToList(), filter.Grootte, volgende);
    }

    public static NpgsqlBatchCommand Commando(Sqlvraag vraag)
    {
        var commando = new NpgsqlBatchCommand(vraag.Sql);
        foreach (var waarde in vraag.Parameters) commando.Parameters.Add(new NpgsqlParameter { Value = waarde });
        return commando;
    }

    private static List<Facetwaarde> Gesorteerd(List<Facetwaarde> waarden) =>
        waarden.OrderByDescending(w => w.Aantal).ThenBy(w => w.Waarde, StringComparer.Ordinal).ToList();
}

public static class BewezenAfsprakenZoekenEndpoint
{
    [WolverineGet("/v1/bewezen-afspraken", OperationId = "bewezenAfsprakenZoeken")]
    [EndpointSummary("Wat werkt: de bewezen afspraken van het hele land doorzoeken")]
    [EndpointDescription("De bewezen afspraken van alle regio's, te filteren op variant, sector (van de werkgever), doelgroep, arbeidsmarktregio en " +
                         "periode (van, tot: afspraken waarvan de looptijd die periode raakt), en te doorzoeken op woorden in titel en maatwerk " +
                         "(zoek: Nederlandse woordstammen; \"tussen aanhalingstekens\" is een zinsdeel, or is of, -woord sluit uit). Met het aantal " +
                         "treffers per variant, sector en regio, en per treffer de resultaten tegen de doelen en waarom zij bewezen is. Een regiopartij " +
                         "vindt de afspraken van werkgevers die daarvoor toestemming gaven, en die van haar eigen regio's; een auditor vindt alles. " +
                         "Per pagina (paginagrootte, standaard 20); de link volgende geeft de volgende pagina.")]
    [ProducesResponseType<BewezenAfsprakenLijst>(200)]
    [Problemen(400, 401, 403)]
    public static async Task<IResult> Get(string? zoek, string? variant, string? sector, string? doelgroep, string? arbeidsmarktregio, string? van,
        string? tot, string? na, int? paginagrootte, HttpContext http, IQuerySession session, NpgsqlDataSource database, CancellationToken cancellation)
    {
        var filter = new Zoekfilter(zoek, variant, sector, doelgroep, arbeidsmarktregio, van, tot, na, paginagrootte);
        var gebruiker = Gebruiker.Van(http.User);
        if (BewezenAfsprakenZoeken.Controleer(filter, gebruiker) is { } probleem) return probleem;
        if (await Filterbestaan.Controleer(session, filter.Arbeidsmarktregio, null, cancellation) is { Count: > 0 } onbekend)
            return Problemen.Ongeldig(onbekend);
        return Results.Ok(await BewezenAfsprakenZoeken.Zoek(filter, Zoekbereik.Van(gebruiker), http.Request.Path, session, database, cancellation));
    }
}
