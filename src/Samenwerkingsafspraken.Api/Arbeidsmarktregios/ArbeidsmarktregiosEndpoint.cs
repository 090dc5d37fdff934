using System.Text.RegularExpressions;
using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Arbeidsmarktregios;

public sealed record ArbeidsmarktregioWeergave(
    string Code, string Naam, DateOnly GeldigVanaf, DateOnly? GeldigTot, string? Opvolger, IReadOnlyList<string> Gemeenten, string? Centrumgemeente)
{
    public static ArbeidsmarktregioWeergave Van(Arbeidsmarktregio r) =>
        new(r.Code, r.Naam, r.GeldigVanaf, r.GeldigTot, r.Opvolger, r.Gemeenten, r.Centrumgemeente);
}

public sealed record ArbeidsmarktregioLijst(IReadOnlyList<ArbeidsmarktregioWeergave> Arbeidsmarktregios, int Aantal);

public static partial class ArbeidsmarktregiosEndpoint
{
    [GeneratedRegex("^AM[0-9]{2}\\z")]
    public static partial Regex CodeFormaat();
    [WolverineGet("/v1/arbeidsmarktregios", OperationId = "arbeidsmarktregiosOpvragen")]
    [EndpointSummary("De arbeidsmarktregio's")]
    [EndpointDescription("Alle arbeidsmarktregio's als referentiegegevens, met geldigheid. Openbaar.")]
    [ProducesResponseType<ArbeidsmarktregioLijst>(200)]
    public static async Task<ArbeidsmarktregioLijst> Lijst(IQuerySession session, bool? ookOpgeheven, CancellationToken cancellation)
    {
        var regios = await session.Query<Arbeidsmarktregio>().OrderBy(r => r.Code).ToListAsync(cancellation);
        var zichtbaar = regios.Where(r => ookOpgeheven == true || r.IsGeldig).Select(ArbeidsmarktregioWeergave.Van).ToList();
        return new ArbeidsmarktregioLijst(zichtbaar, zichtbaar.Count);
    }
    [WolverineGet("/v1/arbeidsmarktregios/{code}", OperationId = "arbeidsmarktregioOpvragen")]
    [EndpointSummary("Eén arbeidsmarktregio")]
    [ProducesResponseType<ArbeidsmarktregioWeergave>(200)]
    [MetETag]
    [Problemen(400, 404)]
    public static async Task<IResult> Details(string code, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (!CodeFormaat().IsMatch(code))
        {
            return Problemen.Ongeldig([new OngeldigeParameter("code", "ongeldig-formaat", "Een regiocode is AM gevolgd door twee cijfers, bijvoorbeeld AM01.")]);
        }

        var regio = await session.LoadAsync<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(code), cancellation);
        return regio is null
            ? Problemen.NietGevonden($"Arbeidsmarktregio {code} bestaat niet.")
            : Voorwaardelijk.Antwoord(http, regio.Version, ArbeidsmarktregioWeergave.Van(regio));
    }
}
