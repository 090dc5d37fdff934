using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Gemeenten;

/// <summary>A province by its CBS code (PV + 2 digits) and name.</summary>
public sealed record Provincie(string Code, string Naam);

/// <summary>
/// A value that holds from a date until the next recorded value. A change recorded for a date replaces what was
/// recorded for that same date and leaves later changes standing, so a correction of the past and a change planned
/// for next year can both be recorded, in any order.
/// </summary>
public sealed record Periode<T>(DateOnly Vanaf, T Waarde);

public static class Perioden
{
    public static IReadOnlyList<Periode<T>> Zet<T>(IReadOnlyList<Periode<T>> perioden, DateOnly vanaf, T waarde) =>
        perioden.Where(p => p.Vanaf != vanaf).Append(new Periode<T>(vanaf, waarde)).OrderBy(p => p.Vanaf).ToList();

    /// <summary>The value on a date: that of the last period that began on or before it (none before the first).</summary>
    public static T? Op<T>(IReadOnlyList<Periode<T>> perioden, DateOnly datum) where T : class =>
        perioden.LastOrDefault(p => p.Vanaf <= datum)?.Waarde;
}

public sealed record GemeenteVastgesteld(
    Guid GemeenteId, string Code, string Naam, Provincie Provincie, string Arbeidsmarktregio, DateOnly GeldigVanaf, IReadOnlyList<string> OntstaanUit);

public sealed record GemeenteHernoemd(Guid GemeenteId, string Naam, DateOnly GeldigVanaf);

public sealed record GemeenteProvincieGewijzigd(Guid GemeenteId, Provincie Provincie, DateOnly GeldigVanaf);

/// <summary>The gemeente belongs to another labour market region from <see cref="GeldigVanaf"/>.</summary>
public sealed record GemeenteVerplaatst(Guid GemeenteId, string VanArbeidsmarktregio, string NaarArbeidsmarktregio, DateOnly GeldigVanaf);

/// <summary>An existing gemeente takes in others in a herindeling (as Amsterdam took in Weesp): it keeps its code.</summary>
public sealed record GemeenteUitgebreid(Guid GemeenteId, IReadOnlyList<string> Opgenomen, DateOnly GeldigVanaf);

/// <summary>The gemeente ends: <see cref="GeldigTot"/> is the first day it no longer exists; <see cref="OpgegaanIn"/> when known.</summary>
public sealed record GemeenteOpgeheven(Guid GemeenteId, DateOnly GeldigTot, string? OpgegaanIn);

public sealed record Opname(DateOnly Vanaf, IReadOnlyList<string> Gemeenten);

/// <summary>
/// A gemeente (CBS code GM + 4 digits) with its history: names, provinces and labour market regions over time, when
/// it began and ended, what it came from and what it went into. Every value is dated, so every lookup can be asked
/// how it was on a date. Valid from <see cref="GeldigVanaf"/> up to, not including, <see cref="GeldigTot"/>.
/// </summary>
public sealed partial record Gemeente(
    Guid Id,
    string Code,
    IReadOnlyList<Periode<string>> Namen,
    IReadOnlyList<Periode<Provincie>> Provincies,
    IReadOnlyList<Periode<string>> Indeling,
    DateOnly GeldigVanaf,
    DateOnly? GeldigTot,
    IReadOnlyList<string> OntstaanUit,
    IReadOnlyList<Opname> Opgenomen,
    string? OpgegaanIn,
    long Version) : IAggregate<Gemeente>
{
    [GeneratedRegex("^GM[0-9]{4}$")]
    public static partial Regex CodeFormaat();

    public static Guid StreamId(string code) => StreamIds.Voor("gemeente", code.ToUpperInvariant());

    /// <summary>The latest recorded name (a planned rename shows here already; ask <see cref="NaamOp"/> for a date).</summary>
    public string Naam => Namen[^1].Waarde;

    /// <summary>The latest recorded region (a planned move shows here already; ask <see cref="RegioOp"/> for a date).</summary>
    public string Arbeidsmarktregio => Indeling[^1].Waarde;

    /// <summary>Every region this gemeente ever belonged to: indexed, so that a region finds its gemeenten without a scan.</summary>
    public IReadOnlyList<string> Regios => Indeling.Select(p => p.Waarde).Distinct().ToList();

    /// <summary>Every name it ever had, normalised for search, also without a suffix such as " (L.)".</summary>
    public IReadOnlyList<string> Zoeknamen => Namen.SelectMany(p => Zoeknaam.Varianten(p.Waarde)).Distinct().ToList();

    public bool IsGeldigOp(DateOnly datum) => GeldigVanaf <= datum && (GeldigTot is null || datum < GeldigTot);

    public string? NaamOp(DateOnly datum) => IsGeldigOp(datum) ? Perioden.Op(Namen, datum) : null;

    public string? RegioOp(DateOnly datum) => IsGeldigOp(datum) ? Perioden.Op(Indeling, datum) : null;

    public Provincie? ProvincieOp(DateOnly datum) => IsGeldigOp(datum) ? Perioden.Op(Provincies, datum) : null;

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
    [
        typeof(GemeenteVastgesteld), typeof(GemeenteHernoemd), typeof(GemeenteProvincieGewijzigd), typeof(GemeenteVerplaatst),
        typeof(GemeenteUitgebreid), typeof(GemeenteOpgeheven),
    ];

    public static Gemeente Evolueer(Gemeente? g, object @event, long version) => (@event switch
    {
        GemeenteVastgesteld e => new Gemeente(e.GemeenteId, e.Code, [new(e.GeldigVanaf, e.Naam)], [new(e.GeldigVanaf, e.Provincie)],
            [new(e.GeldigVanaf, e.Arbeidsmarktregio)], e.GeldigVanaf, null, e.OntstaanUit, [], null, 0),
        GemeenteHernoemd e => g! with { Namen = Perioden.Zet(g.Namen, e.GeldigVanaf, e.Naam) },
        GemeenteProvincieGewijzigd e => g! with { Provincies = Perioden.Zet(g.Provincies, e.GeldigVanaf, e.Provincie) },
        GemeenteVerplaatst e => g! with { Indeling = Perioden.Zet(g.Indeling, e.GeldigVanaf, e.NaarArbeidsmarktregio) },
        GemeenteUitgebreid e => g! with { Opgenomen = [.. g.Opgenomen, new Opname(e.GeldigVanaf, e.Opgenomen)] },
        GemeenteOpgeheven e => g! with { GeldigTot = e.GeldigTot, OpgegaanIn = e.OpgegaanIn },
        _ => g!,
    }) with { Version = version };
}

/// <summary>How a gemeente's name is compared when someone looks it up: case, accents and spacing do not count.</summary>
public static partial class Zoeknaam
{
    public static string Normaliseer(string naam)
    {
        var ontleed = naam.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var zonderAccenten = new StringBuilder(ontleed.Length);
        foreach (var teken in ontleed.Where(t => CharUnicodeInfo.GetUnicodeCategory(t) != UnicodeCategory.NonSpacingMark))
        {
            zonderAccenten.Append(teken);
        }

        return Spaties().Replace(zonderAccenten.ToString().Normalize(NormalizationForm.FormC), " ");
    }

    /// <summary>"Beek (L.)" is also found as "Beek": CBS adds the province to names that occur twice.</summary>
    public static IEnumerable<string> Varianten(string naam)
    {
        var genormaliseerd = Normaliseer(naam);
        yield return genormaliseerd;
        var zonderToevoeging = Toevoeging().Replace(genormaliseerd, "");
        if (zonderToevoeging != genormaliseerd && zonderToevoeging.Length > 0) yield return zonderToevoeging;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaties();

    [GeneratedRegex(@"\s*\([^)]*\)$")]
    private static partial Regex Toevoeging();
}
