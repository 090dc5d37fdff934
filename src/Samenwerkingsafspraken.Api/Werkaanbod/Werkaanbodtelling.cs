using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Werkaanbod;

/// <summary>
/// Offered against filled places, for one group (a region, a sector and variant, or everything): how many agreements
/// offered work, how many places were offered, of those how many were reported on, how many of those were filled.
/// </summary>
public sealed record Werkaanbodrij(
    string? Arbeidsmarktregio,
    string? Sector,
    string? VariantCode,
    int AantalAfspraken,
    int Aangeboden,
    int Gerapporteerd,
    int Vervuld,
    decimal? PercentageVervuld);

/// <summary>The overview of one quarter: the total, per sector and variant, per region, and per region, sector and variant.</summary>
public sealed record Werkaanbodoverzicht(
    string Periode,
    string? Arbeidsmarktregio,
    string? Sector,
    string? Variant,
    Werkaanbodrij Totaal,
    IReadOnlyList<Werkaanbodrij> PerSectorEnVariant,
    IReadOnlyList<Werkaanbodrij> PerRegio,
    IReadOnlyList<Werkaanbodrij> PerRegioSectorEnVariant);

/// <summary>One line's contribution to a quarter: offered places, and (when the agreement reported the quarter) the filled ones.</summary>
public sealed record Aanbodbijdrage(Guid AfspraakId, string Arbeidsmarktregio, string Sector, string? VariantCode, int Aangeboden, int? Vervuld);

public static class Werkaanbodtelling
{
    /// <summary>
    /// What each agreement contributes to a quarter. An agreement counts once it was active and its term reaches into
    /// the quarter. A reported quarter counts as it was reported (the places offered then, and filled); a quarter not
    /// reported counts the lines offered by its end, as the werkaanbod now states them, as offered without report.
    /// </summary>
    public static IEnumerable<Aanbodbijdrage> Bijdragen(IEnumerable<Werkaanbodfeiten> feiten, Kwartaal kwartaal)
    {
        foreach (var f in feiten)
        {
            if (f.ActiefVanaf is null || f.Startdatum > kwartaal.Eind || f.Einddatum < kwartaal.Start) continue;
            if (f.Vervullingen.FirstOrDefault(v => v.Periode == kwartaal.ToString()) is { } gemeld)
            {
                foreach (var r in gemeld.Regels) yield return new Aanbodbijdrage(f.Id, f.Arbeidsmarktregio, r.Sector, r.VariantCode, r.Aangeboden, r.Vervuld);
            }
            else
            {
                foreach (var r in f.Werkaanbod.AangebodenIn(kwartaal))
                    yield return new Aanbodbijdrage(f.Id, f.Arbeidsmarktregio, r.Sector, r.VariantCode, r.AantalPlaatsen, null);
            }
        }
    }

    public static Werkaanbodoverzicht Overzicht(IEnumerable<Werkaanbodfeiten> feiten, Kwartaal kwartaal, string? arbeidsmarktregio, string? sector,
        string? variant)
    {
        var bijdragen = Bijdragen(feiten, kwartaal)
            .Where(b => (arbeidsmarktregio is null || b.Arbeidsmarktregio == arbeidsmarktregio) && (sector is null || b.Sector == sector)
                                                                                                 && (variant is null || b.VariantCode == variant))
            .ToList();
        return new Werkaanbodoverzicht(kwartaal.ToString(), arbeidsmarktregio, sector, variant,
            Rij(null, null, null, bijdragen),
            bijdragen.GroupBy(b => (b.Sector, b.VariantCode)).Select(g => Rij(null, g.Key.Sector, g.Key.VariantCode, g))
                .OrderBy(r => r.Sector, StringComparer.Ordinal).ThenBy(r => r.VariantCode ?? "", StringComparer.Ordinal).ToList(),
            bijdragen.GroupBy(b => b.Arbeidsmarktregio).Select(g => Rij(g.Key, null, null, g)).OrderBy(r => r.Arbeidsmarktregio, StringComparer.Ordinal).ToList(),
            bijdragen.GroupBy(b => (b.Arbeidsmarktregio, b.Sector, b.VariantCode)).Select(g => Rij(g.Key.Arbeidsmarktregio, g.Key.Sector, g.Key.VariantCode, g))
                .OrderBy(r => r.Arbeidsmarktregio, StringComparer.Ordinal).ThenBy(r => r.Sector, StringComparer.Ordinal)
                .ThenBy(r => r.VariantCode ?? "", StringComparer.Ordinal).ToList());
    }

    private static Werkaanbodrij Rij(string? regio, string? sector, string? variant, IEnumerable<Aanbodbijdrage> groep)
    {
        var lijst = groep.ToList();
        var gerapporteerd = lijst.Where(b => b.Vervuld is not null).Sum(b => b.Aangeboden);
        var vervuld = lijst.Sum(b => b.Vervuld ?? 0);
        return new Werkaanbodrij(regio, sector, variant, lijst.Select(b => b.AfspraakId).Distinct().Count(), lijst.Sum(b => b.Aangeboden), gerapporteerd,
            vervuld, Realisatie.Percentage(vervuld, gerapporteerd));
    }

    /// <summary>The last quarter that has ended on the given day: the default of the overview, the latest with complete figures.</summary>
    public static Kwartaal LaatsteAfgelopen(DateOnly vandaag)
    {
        var huidig = new Kwartaal(vandaag.Year, (vandaag.Month - 1) / 3 + 1);
        return huidig.Nummer == 1 ? new Kwartaal(huidig.Jaar - 1, 4) : huidig with { Nummer = huidig.Nummer - 1 };
    }
}
