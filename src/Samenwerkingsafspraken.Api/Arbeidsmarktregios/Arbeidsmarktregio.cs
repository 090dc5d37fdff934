using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Arbeidsmarktregios;

/// <summary>
/// A region begins. Its gemeenten are recorded on the gemeenten's own streams (GemeenteVastgesteld, GemeenteVerplaatst);
/// <see cref="Gemeenten"/> is kept for events written before that and is empty in new ones. <see cref="Voorgangers"/>
/// names the regions it came from after a split or a merger.
/// </summary>
public sealed record ArbeidsmarktregioVastgesteld(
    Guid RegioId, string Code, string Naam, DateOnly GeldigVanaf, IReadOnlyList<string> Gemeenten, string? Centrumgemeente,
    IReadOnlyList<string>? Voorgangers = null);

public sealed record ArbeidsmarktregioHernoemd(Guid RegioId, string Naam, DateOnly GeldigVanaf);

/// <summary>
/// The region ends: <see cref="GeldigTot"/> is the first day it no longer exists. <see cref="Opvolger"/> is its one
/// successor (a merger); <see cref="Opvolgers"/> all of them (also after a split).
/// </summary>
public sealed record ArbeidsmarktregioOpgeheven(Guid RegioId, DateOnly GeldigTot, string? Opvolger, IReadOnlyList<string>? Opvolgers = null);

public sealed record CentrumgemeenteAangewezen(Guid RegioId, string Gemeente, DateOnly GeldigVanaf);

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

    /// <summary>Its names over time (documents stored before names were dated have none: <see cref="Naam"/> then holds).</summary>
    public IReadOnlyList<Periode<string>> Namen { get; init; } = [];

    public IReadOnlyList<Periode<string>> Centrumgemeenten { get; init; } = [];

    public IReadOnlyList<string> Voorgangers { get; init; } = [];

    public IReadOnlyList<string> Opvolgers { get; init; } = [];

    public bool IsGeldigOp(DateOnly datum) => GeldigVanaf <= datum && (GeldigTot is null || datum < GeldigTot);

    public string NaamOp(DateOnly datum) => Perioden.Op(Namen, datum) ?? Namen.FirstOrDefault()?.Waarde ?? Naam;

    public string? CentrumgemeenteOp(DateOnly datum) => Perioden.Op(Centrumgemeenten, datum) ?? (Centrumgemeenten.Count == 0 ? Centrumgemeente : null);

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(ArbeidsmarktregioVastgesteld), typeof(ArbeidsmarktregioHernoemd), typeof(ArbeidsmarktregioOpgeheven), typeof(CentrumgemeenteAangewezen)];

    public static Arbeidsmarktregio Evolueer(Arbeidsmarktregio? regio, object @event, long version) => (@event switch
    {
        ArbeidsmarktregioVastgesteld e => new Arbeidsmarktregio(e.RegioId, e.Code, e.Naam, e.GeldigVanaf, null, null, e.Gemeenten, e.Centrumgemeente, 0)
        {
            Namen = [new(e.GeldigVanaf, e.Naam)],
            Centrumgemeenten = e.Centrumgemeente is null ? [] : [new(e.GeldigVanaf, e.Centrumgemeente)],
            Voorgangers = e.Voorgangers ?? [],
        },
        ArbeidsmarktregioHernoemd e => Hernoem(regio!, Perioden.Zet(MetBeginnaam(regio!), e.GeldigVanaf, e.Naam)),
        ArbeidsmarktregioOpgeheven e => regio! with
        {
            GeldigTot = e.GeldigTot, Opvolger = e.Opvolger, Opvolgers = e.Opvolgers ?? (e.Opvolger is null ? [] : [e.Opvolger]),
        },
        CentrumgemeenteAangewezen e => WijsCentrumgemeenteAan(regio!, Perioden.Zet(regio!.Centrumgemeenten, e.GeldigVanaf, e.Gemeente)),
        _ => regio!,
    }) with { Version = version };

    private static Arbeidsmarktregio Hernoem(Arbeidsmarktregio regio, IReadOnlyList<Periode<string>> namen) =>
        regio with { Naam = namen[^1].Waarde, Namen = namen };

    private static Arbeidsmarktregio WijsCentrumgemeenteAan(Arbeidsmarktregio regio, IReadOnlyList<Periode<string>> centrumgemeenten) =>
        regio with { Centrumgemeente = centrumgemeenten[^1].Waarde, Centrumgemeenten = centrumgemeenten };

    private static IReadOnlyList<Periode<string>> MetBeginnaam(Arbeidsmarktregio regio) =>
        regio.Namen.Count > 0 ? regio.Namen : [new(regio.GeldigVanaf, regio.Naam)];
}
