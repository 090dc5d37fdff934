using System.Text.RegularExpressions;
using Marten;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Opvragen;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Arbeidsmarktregios;

/// <summary>
/// A region as it was on the peildatum: its name and centrumgemeente then, the codes of its gemeenten then (empty
/// outside its validity), and the regions it came from and went into.
/// </summary>
public sealed record ArbeidsmarktregioWeergave(
    string Code, string Naam, DateOnly GeldigVanaf, DateOnly? GeldigTot, string? Opvolger, IReadOnlyList<string> Gemeenten, string? Centrumgemeente)
{
    public DateOnly? Peildatum { get; init; }

    public bool GeldigOpPeildatum { get; init; } = true;

    public IReadOnlyList<string> Opvolgers { get; init; } = [];

    public IReadOnlyList<string> Voorgangers { get; init; } = [];

    public long Versie { get; init; }

    public static ArbeidsmarktregioWeergave Van(Arbeidsmarktregio r, DateOnly peildatum, IReadOnlyList<string> gemeenten) =>
        new(r.Code, r.NaamOp(peildatum), r.GeldigVanaf, r.GeldigTot, r.Opvolger, gemeenten, r.CentrumgemeenteOp(peildatum))
        {
            Peildatum = peildatum,
            GeldigOpPeildatum = r.IsGeldigOp(peildatum),
            Opvolgers = r.Opvolgers,
            Voorgangers = r.Voorgangers,
            Versie = r.Version,
        };
}

public sealed record ArbeidsmarktregioLijst(IReadOnlyList<ArbeidsmarktregioWeergave> Arbeidsmarktregios, int Aantal);

public sealed record RegioGemeenten(string Arbeidsmarktregio, DateOnly Peildatum, IReadOnlyList<GemeenteWeergave> Gemeenten, int Aantal);

public static partial class ArbeidsmarktregiosEndpoint
{
    [GeneratedRegex("^AM[0-9]{2}\\z")]
    public static partial Regex CodeFormaat();

    private static OngeldigeParameter Codefout() =>
        new("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM01.");
    [WolverineGet("/v1/arbeidsmarktregios", OperationId = "arbeidsmarktregiosOpvragen")]
    [EndpointSummary("De arbeidsmarktregio's")]
    [EndpointDescription("De arbeidsmarktregio's zoals zij waren op de peildatum (JJJJ-MM-DD, standaard vandaag), met naam en geldigheid; " +
                         "met ookOpgeheven=true ook de regio's die toen niet (meer) bestonden. De gemeenten per regio staan bij één regio. Openbaar.")]
    [ProducesResponseType<ArbeidsmarktregioLijst>(200)]
    [Problemen(400)]
    public static async Task<IResult> Lijst(IQuerySession session, bool? ookOpgeheven, string? peildatum, Klok klok, CancellationToken cancellation)
    {
        if (GemeentenOpvragen.Peildatumfout(peildatum, out var gevraagd) is { } fout) return Problemen.Ongeldig([fout]);
        var datum = gevraagd ?? klok.Vandaag;

        var regios = await session.Query<Arbeidsmarktregio>().OrderBy(r => r.Code).ToListAsync(cancellation);
        var zichtbaar = regios.Where(r => ookOpgeheven == true || r.IsGeldigOp(datum)).Select(r => ArbeidsmarktregioWeergave.Van(r, datum, [])).ToList();
        return Results.Ok(new ArbeidsmarktregioLijst(zichtbaar, zichtbaar.Count));
    }
    [WolverineGet("/v1/arbeidsmarktregios/{code}", OperationId = "arbeidsmarktregioOpvragen")]
    [EndpointSummary("Eén arbeidsmarktregio")]
    [EndpointDescription("De regio zoals zij was op de peildatum (standaard vandaag): naam, centrumgemeente en de codes van haar gemeenten; " +
                         "een opgeheven regio blijft leesbaar en noemt haar opvolger(s). Openbaar.")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [MetETag]
    [Problemen(400, 404)]
    public static async Task<IResult> Details(string code, string? peildatum, HttpContext http, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!CodeFormaat().IsMatch(code)) fouten.Add(Codefout());
        if (GemeentenOpvragen.Peildatumfout(peildatum, out var gevraagd) is { } datumfout) fouten.Add(datumfout);
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation);
        if (regio is null) return Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet.");

        var datum = gevraagd ?? klok.Vandaag;
        var gemeenten = await GemeentenOpvragen.VanRegio(session, regio.Code, datum, cancellation);
        return Voorwaardelijk.AntwoordMetAfgeleideInhoud(http, regio.Version, ArbeidsmarktregioWeergave.Van(regio, datum, gemeenten.Select(g => g.Code).ToList()));
    }
    [WolverineGet("/v1/arbeidsmarktregios/{code}/gemeenten", OperationId = "regiogemeentenOpvragen")]
    [EndpointSummary("De gemeenten van een arbeidsmarktregio")]
    [EndpointDescription("De gemeenten die op de peildatum (standaard vandaag) tot de regio hoorden, met naam en provincie. Openbaar.")]
    [ProducesResponseType<RegioGemeenten>(200)]
    [Problemen(400, 404)]
    public static async Task<IResult> Gemeenten(string code, string? peildatum, IQuerySession session, Klok klok, CancellationToken cancellation)
    {
        var fouten = new List<OngeldigeParameter>();
        if (!CodeFormaat().IsMatch(code)) fouten.Add(Codefout());
        if (GemeentenOpvragen.Peildatumfout(peildatum, out var gevraagd) is { } datumfout) fouten.Add(datumfout);
        if (fouten.Count > 0) return Problemen.Ongeldig(fouten);

        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation);
        if (regio is null) return Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet.");

        var datum = gevraagd ?? klok.Vandaag;
        var regios = new Dictionary<string, Arbeidsmarktregio> { [regio.Code] = regio };
        var gemeenten = (await GemeentenOpvragen.VanRegio(session, regio.Code, datum, cancellation)).Select(g => GemeenteWeergave.Van(g, datum, regios)).ToList();
        return Results.Ok(new RegioGemeenten(regio.Code, datum, gemeenten, gemeenten.Count));
    }
}
