using Marten;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Gemeenten.Opvragen;

public sealed record Regioverwijzing(string Code, string Naam);

/// <summary>A gemeente as it was on the peildatum. Outside its validity the dated fields are empty.</summary>
public sealed record GemeenteWeergave(
    string Code,
    string Naam,
    DateOnly Peildatum,
    bool GeldigOpPeildatum,
    Provincie? Provincie,
    Regioverwijzing? Arbeidsmarktregio,
    DateOnly GeldigVanaf,
    DateOnly? GeldigTot,
    IReadOnlyList<string> OntstaanUit,
    IReadOnlyList<Opname> Opgenomen,
    string? OpgegaanIn,
    long Versie)
{
    public static GemeenteWeergave Van(Gemeente g, DateOnly peildatum, IReadOnlyDictionary<string, Arbeidsmarktregio> regios)
    {
        var regio = g.RegioOp(peildatum);
        return new GemeenteWeergave(g.Code, g.NaamOp(peildatum) ?? g.Naam, peildatum, g.IsGeldigOp(peildatum), g.ProvincieOp(peildatum),
            regio is null ? null : new Regioverwijzing(regio, regios.TryGetValue(regio, out var r) ? r.NaamOp(peildatum) : regio),
            g.GeldigVanaf, g.GeldigTot, g.OntstaanUit, g.Opgenomen, g.OpgegaanIn, g.Version);
    }
}

public sealed record GemeenteLijst(DateOnly Peildatum, IReadOnlyList<GemeenteWeergave> Gemeenten, int Aantal);

public static class GemeentenOpvragen
{
    public static OngeldigeParameter? Peildatumfout(string? peildatum, out DateOnly? datum)
    {
        datum = null;
        if (peildatum is null) return null;
        if (Infrastructure.Datumvenster.Lees("peildatum", peildatum, out var d, "Een peildatum is een datum: JJJJ-MM-DD.") is { } fout) return fout;
        datum = d;
        return null;
    }

    /// <summary>The gemeenten that ever belonged to a region (an indexed containment query), then those of the peildatum.</summary>
    public static async Task<IReadOnlyList<Gemeente>> VanRegio(IQuerySession session, string regio, DateOnly peildatum, CancellationToken cancellation)
    {
        var ooit = await OoitInRegio(session, regio).ToListAsync(cancellation);
        return ooit.Where(g => g.RegioOp(peildatum) == regio).OrderBy(g => g.Code).ToList();
    }

    /// <summary>Every gemeente that ever lay in the region: jsonb containment, served by the GIN index on the documents.</summary>
    public static IQueryable<Gemeente> OoitInRegio(IQuerySession session, string regio) => session.Query<Gemeente>().Where(g => g.Regios.Contains(regio));

    /// <summary>Every gemeente that ever had this name (normalised): the same index.</summary>
    public static IQueryable<Gemeente> OoitGenoemd(IQuerySession session, string zoeknaam) =>
        session.Query<Gemeente>().Where(g => g.Zoeknamen.Contains(zoeknaam));

    /// <summary>The list's query keys checked, every problem at once (shared by the API and the page).</summary>
    public static IReadOnlyList<OngeldigeParameter> Controleer(string? naam, string? arbeidsmarktregio, string? peildatum, out DateOnly? gevraagd)
    {
        var fouten = new List<OngeldigeParameter>();
        if (Peildatumfout(peildatum, out gevraagd) is { } datumfout) fouten.Add(datumfout);
        if (naam is not null && (string.IsNullOrWhiteSpace(naam) || naam.Length > 100))
            fouten.Add(new OngeldigeParameter("naam", "ongeldige-lengte", "Een naam is 1 tot 100 tekens."));
        if (arbeidsmarktregio is not null && !ArbeidsmarktregiosEndpoint.CodeFormaat().IsMatch(arbeidsmarktregio))
            fouten.Add(new OngeldigeParameter("arbeidsmarktregio", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM01."));
        return fouten;
    }

    /// <summary>The gemeenten of a region, or with a name (now or ever), or all, as they were on the date.</summary>
    public static async Task<GemeenteLijst> Zoek(string? naam, string? arbeidsmarktregio, DateOnly datum, IQuerySession session, CancellationToken cancellation)
    {
        IReadOnlyList<Gemeente> gemeenten;
        if (arbeidsmarktregio is not null)
        {
            gemeenten = await VanRegio(session, arbeidsmarktregio, datum, cancellation);
        }
        else if (naam is not null)
        {
            gemeenten = await OoitGenoemd(session, Zoeknaam.Normaliseer(naam)).ToListAsync(cancellation);
        }
        else
        {
            gemeenten = await session.Query<Gemeente>().ToListAsync(cancellation);
        }

        if (naam is not null)
        {
            var zoeknaam = Zoeknaam.Normaliseer(naam);
            gemeenten = gemeenten.Where(g => g.Zoeknamen.Contains(zoeknaam)).ToList();
        }

        var regios = await Regios(session, cancellation);
        var weergaven = gemeenten.Where(g => g.IsGeldigOp(datum)).OrderBy(g => g.Code).Select(g => GemeenteWeergave.Van(g, datum, regios)).ToList();
        return new GemeenteLijst(datum, weergaven, weergaven.Count);
    }

    public static async Task<IReadOnlyDictionary<string, Arbeidsmarktregio>> Regios(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Arbeidsmarktregio>().ToListAsync(cancellation)).ToDictionary(r => r.Code);
}

public static class GemeentenOpvragenEndpoint
{
    [WolverineGet("/v1/gemeenten", OperationId = "gemeentenOpvragen")]
    [EndpointSummary("Gemeenten, op naam of per regio")]
    [EndpointDescription("De gemeenten zoals zij waren op de peildatum (JJJJ-MM-DD, standaard vandaag), met hun provincie en arbeidsmarktregio. " +
                         "Met naam: de gemeenten die zo heetten of heten (hoofdletters, accenten en een toevoeging als \" (L.)\" tellen niet mee); " +
                         "met arbeidsmarktregio: de gemeenten van die regio. Openbaar.")]
    [ProducesResponseType<GemeenteLijst>(200)]
    [Problemen(400)]
    public static async Task<IResult> Lijst(string? naam, string? arbeidsmarktregio, string? peildatum, IQuerySession session, Klok klok,
        CancellationToken cancellation)
    {
        if (GemeentenOpvragen.Controleer(naam, arbeidsmarktregio, peildatum, out var gevraagd) is { Count: > 0 } fouten) return Problemen.Ongeldig(fouten);
        return Results.Ok(await GemeentenOpvragen.Zoek(naam, arbeidsmarktregio, gevraagd ?? klok.Vandaag, session, cancellation));
    }
    [WolverineGet("/v1/gemeenten/{code}", OperationId = "gemeenteOpvragen")]
    [EndpointSummary("Eén gemeente, en tot welke regio zij hoort")]
    [EndpointDescription("De gemeente zoals zij was op de peildatum (standaard vandaag): naam, provincie en arbeidsmarktregio. Buiten haar " +
                         "geldigheid zijn die leeg; opgegaanIn noemt dan de gemeente waarin zij opging. Openbaar.")]
    [ProducesResponseType<GemeenteWeergave>(200)]
    [MetETag]
    [Problemen(400, 404)]
    public static async Task<IResult> Details(string code, string? peildatum, HttpContext http, IQuerySession session, Klok klok,
        CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!Gemeente.CodeFormaat().IsMatch(code))
            fouten.Add(new OngeldigeParameter("code", "ongeldig-formaat", "Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0014."));
        if (GemeentenOpvragen.Peildatumfout(peildatum, out var gevraagd) is { } datumfout) fouten.Add(datumfout);
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        var gemeente = await session.LoadAsync<Gemeente>(Gemeente.StreamId(code), cancellation);
        if (gemeente is null) return Problemen.NietGevonden($"Gemeente {code} bestaat niet.");

        return Voorwaardelijk.AntwoordMetAfgeleideInhoud(http, gemeente.Version,
            GemeenteWeergave.Van(gemeente, gevraagd ?? klok.Vandaag, await GemeentenOpvragen.Regios(session, cancellation)));
    }
}
