using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Varianten;

/// <summary>The pillars of Perspectief op Werk that a work arrangement serves.</summary>
public enum Pijler
{
    Aanbod,
    Vraag,
    Route,
    Scholing,
}

public enum Parametertype
{
    GeheelGetal,
    Decimaal,
    Tekst,
    Keuze,
    JaNee,
    Datum,
}

public enum Variantstatus
{
    Actief,
    Uitgefaseerd,
}

/// <summary>A parameter that a variant takes, with its type and limits, and the value of the standard set.</summary>
public sealed record VariantParameter(
    string Naam,
    Parametertype Type,
    bool Verplicht,
    string Omschrijving,
    decimal? Minimum = null,
    decimal? Maximum = null,
    int? MaximaleLengte = null,
    IReadOnlyList<string>? Keuzes = null,
    JsonElement? Standaard = null,
    string? Eenheid = null);

public sealed record VariantToegevoegd(
    Guid VariantId, string Code, string Naam, string Omschrijving, Pijler Pijler, IReadOnlyList<VariantParameter> Parameters, DateTimeOffset Op);

public sealed record VariantGewijzigd(
    Guid VariantId, string Naam, string Omschrijving, Pijler Pijler, IReadOnlyList<VariantParameter> Parameters, DateTimeOffset Op);

public sealed record VariantUitgefaseerd(Guid VariantId, string Reden, DateTimeOffset Op);

/// <summary>A variant of the national standard set of work arrangements (praktijkroute, externe jobcoaching, …).</summary>
public sealed record Variant(
    Guid Id,
    string Code,
    string Naam,
    string Omschrijving,
    Pijler Pijler,
    IReadOnlyList<VariantParameter> Parameters,
    Variantstatus Status,
    DateTimeOffset ToegevoegdOp,
    DateTimeOffset? UitgefaseerdOp,
    long Version) : IAggregate<Variant>
{
    public static Guid StreamId(string code) => StreamIds.Voor("variant", code);

    public bool IsActief => Status == Variantstatus.Actief;

    /// <summary>The parameters as agreed: those given, and the standard value for each one left out.</summary>
    public IReadOnlyDictionary<string, JsonElement> MetStandaardwaarden(IReadOnlyDictionary<string, JsonElement>? opgegeven)
    {
        var parameters = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            if (opgegeven is not null && opgegeven.TryGetValue(p.Naam, out var waarde) && waarde.ValueKind != JsonValueKind.Null)
            {
                parameters[p.Naam] = waarde.Clone();
            }
            else if (p.Standaard is { } standaard)
            {
                parameters[p.Naam] = standaard.Clone();
            }
        }

        return new Dictionary<string, JsonElement>(parameters);
    }

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(VariantToegevoegd), typeof(VariantGewijzigd), typeof(VariantUitgefaseerd)];

    public static Variant Evolueer(Variant? variant, object @event, long version) => (@event switch
    {
        VariantToegevoegd e => new Variant(e.VariantId, e.Code, e.Naam, e.Omschrijving, e.Pijler, e.Parameters, Variantstatus.Actief, e.Op, null, 0),
        VariantGewijzigd e => variant! with { Naam = e.Naam, Omschrijving = e.Omschrijving, Pijler = e.Pijler, Parameters = e.Parameters },
        VariantUitgefaseerd e => variant! with { Status = Variantstatus.Uitgefaseerd, UitgefaseerdOp = e.Op },
        _ => variant!,
    }) with { Version = version };
}
