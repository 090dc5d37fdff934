using Marten;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Varianten.Opvragen;

public sealed record VariantWeergave(
    string Code,
    string Naam,
    string Omschrijving,
    Pijler Pijler,
    IReadOnlyList<VariantParameter> Parameters,
    Variantstatus Status,
    DateTimeOffset ToegevoegdOp,
    DateTimeOffset? UitgefaseerdOp,
    long Versie)
{
    public static VariantWeergave Van(Variant v) =>
        new(v.Code, v.Naam, v.Omschrijving, v.Pijler, v.Parameters, v.Status, v.ToegevoegdOp, v.UitgefaseerdOp, v.Version);
}

public sealed record VariantLijst(IReadOnlyList<VariantWeergave> Varianten, int Aantal);

public static class VariantenOpvragenEndpoint
{
    [WolverineGet("/v1/varianten", OperationId = "variantenOpvragen")]
    [EndpointSummary("De variantencatalogus")]
    [EndpointDescription("De landelijke standaardset werkafspraken. Uitgefaseerde varianten alleen met ookUitgefaseerd=true. Openbaar.")]
    [ProducesResponseType<VariantLijst>(200)]
    public static async Task<VariantLijst> Lijst(IQuerySession session, bool? ookUitgefaseerd, CancellationToken cancellation)
    {
        var varianten = await session.Query<Variant>().OrderBy(v => v.Code).ToListAsync(cancellation);
        var zichtbaar = varianten.Where(v => ookUitgefaseerd == true || v.IsActief).Select(VariantWeergave.Van).ToList();
        return new VariantLijst(zichtbaar, zichtbaar.Count);
    }
    [WolverineGet("/v1/varianten/{code}", OperationId = "variantOpvragen")]
    [EndpointSummary("Eén variant")]
    [ProducesResponseType<VariantWeergave>(200)]
    [MetETag]
    [Problemen(404)]
    public static async Task<IResult> Details(string code, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var variant = await session.LoadAsync<Variant>(Variant.StreamId(code), cancellation);
        if (variant is null) return Problemen.NietGevonden($"Variant '{code}' bestaat niet.");
        return Voorwaardelijk.Antwoord(http, variant.Version, VariantWeergave.Van(variant));
    }
}
