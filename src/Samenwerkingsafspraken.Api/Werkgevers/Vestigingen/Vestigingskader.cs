using FluentValidation;
using Marten;
using Samenwerkingsafspraken.Gemeenten;

namespace Samenwerkingsafspraken.Werkgevers.Vestigingen;

/// <summary>The gemeenten a request names for locations, loaded at once, and the day their region is taken on.</summary>
public sealed record Vestigingskader(IReadOnlyDictionary<string, Gemeente> Gemeenten, DateOnly Datum)
{
    public static readonly Vestigingskader Leeg = new(new Dictionary<string, Gemeente>(), DateOnly.MinValue);

    public string? RegioVan(string? gemeente) =>
        gemeente is not null && Gemeenten.TryGetValue(gemeente, out var g) ? g.RegioOp(Datum) : null;

    public static async Task<Vestigingskader> Laad(IQuerySession session, IEnumerable<string?> gemeenten, DateOnly datum, CancellationToken cancellation)
    {
        var ids = gemeenten.OfType<string>().Where(g => Gemeente.CodeFormaat().IsMatch(g)).Distinct().Select(Gemeente.StreamId).ToArray();
        if (ids.Length == 0) return Leeg with { Datum = datum };
        var geladen = await session.LoadManyAsync<Gemeente>(cancellation, ids);
        return new Vestigingskader(geladen.ToDictionary(g => g.Code), datum);
    }
}

public static class Vestigingsregels
{
    public static IRuleBuilderOptions<T, string?> Vestigingsgemeente<T>(this IRuleBuilder<T, string?> regel, Vestigingskader kader) =>
        regel.NotEmpty().Matches(Gemeente.CodeFormaat()).WithMessage("Een gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0014.")
            .Must(g => kader.Gemeenten.ContainsKey(g!)).WithErrorCode("onbekende-gemeente").WithMessage((_, g) => $"Gemeente {g} bestaat niet.")
            .Must(g => kader.RegioVan(g) is not null).WithErrorCode("gemeente-niet-geldig")
            .WithMessage((_, g) => $"Gemeente {g} bestaat niet op {kader.Datum:yyyy-MM-dd}.");
}
