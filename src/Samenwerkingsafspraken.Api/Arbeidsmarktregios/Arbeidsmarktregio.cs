using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Arbeidsmarktregios;

public sealed record ArbeidsmarktregioVastgesteld(
    Guid RegioId, string Code, string Naam, DateOnly GeldigVanaf, IReadOnlyList<string> Gemeenten, string? Centrumgemeente);

public sealed record ArbeidsmarktregioHernoemd(Guid RegioId, string Naam, DateOnly GeldigVanaf);

public sealed record ArbeidsmarktregioOpgeheven(Guid RegioId, DateOnly GeldigTot, string? Opvolger);

/// <summary>A labour market region as reference data: CBS code (AM + 2 digits), name, validity, its municipalities.</summary>
public sealed record Arbeidsmarktregio(
    Guid Id,
    string Code,
    string Naam,
    DateOnly GeldigVanaf,
    DateOnly? GeldigTot,
    string? Opvolger,
    IReadOnlyList<string> Gemeenten,
    string? Centrumgemeente,
    long Version) : IAggregate<Arbeidsmarktregio>
{
    public static Guid StreamId(string code) => StreamIds.Voor("arbeidsmarktregio", code.ToUpperInvariant());

    public bool IsGeldig => GeldigTot is null;

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(ArbeidsmarktregioVastgesteld), typeof(ArbeidsmarktregioHernoemd), typeof(ArbeidsmarktregioOpgeheven)];

    public static Arbeidsmarktregio Evolueer(Arbeidsmarktregio? regio, object @event, long version) => (@event switch
    {
        ArbeidsmarktregioVastgesteld e => new Arbeidsmarktregio(e.RegioId, e.Code, e.Naam, e.GeldigVanaf, null, null, e.Gemeenten, e.Centrumgemeente, 0),
        ArbeidsmarktregioHernoemd e => regio! with { Naam = e.Naam },
        ArbeidsmarktregioOpgeheven e => regio! with { GeldigTot = e.GeldigTot, Opvolger = e.Opvolger },
        _ => regio!,
    }) with { Version = version };
}
