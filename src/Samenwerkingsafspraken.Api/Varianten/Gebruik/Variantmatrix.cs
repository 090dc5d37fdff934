using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Varianten.Gebruik;

public sealed record Telling(string Sleutel, int Aantal, int Actief);

public sealed record Waardetelling(JsonElement Waarde, int Aantal);

public sealed record Parameterafwijking(string Parameter, JsonElement? Standaard, int Aantal, IReadOnlyList<Waardetelling> Waarden);

public sealed record Maatwerkgebruik(int VolgensStandaard, int MetAfwijkendeParameters, int MetMaatwerktekst, IReadOnlyList<Parameterafwijking> Afwijkingen);

public sealed record Variantresultaten(
    int AfsprakenMetResultaten, int Plaatsingen, decimal DoelPlaatsingen, decimal? PercentageVanDoel, int NaZesMaandenInWerk, int NaTwaalfMaandenInWerk,
    decimal? AandeelNaZesMaandenInWerk, decimal? AandeelNaTwaalfMaandenInWerk);

public sealed record Hergebruikstelling(int Overgenomen, int GewijzigdBijHergebruik, int ToegevoegdBijHergebruik, int VerwijderdBijHergebruik);

public sealed record VariantgebruikRegel(
    string VariantCode,
    string Naam,
    Pijler? Pijler,
    Variantstatus? Catalogusstatus,
    int AantalAfspraken,
    int AantalActief,
    IReadOnlyList<Telling> PerRegio,
    IReadOnlyList<Telling> PerSector,
    Maatwerkgebruik Maatwerk,
    Variantresultaten Resultaten,
    Hergebruikstelling Hergebruik);

public sealed record Variantmatrix(int AantalAfspraken, IReadOnlyList<VariantgebruikRegel> Varianten);

/// <summary>
/// Counts the matrix from the projected facts and the catalogue as it is now: the standard value a parameter is
/// compared with, the name and the pillar of a variant. An agreement counts once for every variant it uses; its
/// results count for each of them.
/// </summary>
public static class Variantmatrixberekening
{
    public static Variantmatrix Bereken(IReadOnlyList<Variantgebruik> afspraken, IReadOnlyDictionary<string, Variant> catalogus, Pijler? pijler)
    {
        var codes = afspraken.SelectMany(a => a.Werkafspraken.Select(w => w.VariantCode))
            .Concat(afspraken.SelectMany(a => a.Hergebruikverschillen.Select(v => v.VariantCode)))
            .Distinct()
            .Where(c => pijler is null || catalogus.TryGetValue(c, out var v) && v.Pijler == pijler)
            .Order(StringComparer.Ordinal);

        var regels = codes.Select(code => Regel(code, afspraken, catalogus.GetValueOrDefault(code))).ToList();
        return new Variantmatrix(afspraken.Count, regels);
    }

    private static VariantgebruikRegel Regel(string code, IReadOnlyList<Variantgebruik> afspraken, Variant? variant)
    {
        var gebruikers = afspraken.Where(a => a.Werkafspraken.Any(w => w.VariantCode == code)).ToList();
        var gebruik = gebruikers.SelectMany(a => a.Werkafspraken.Where(w => w.VariantCode == code)).ToList();

        static IReadOnlyList<Telling> Tel(IEnumerable<Variantgebruik> reeks, Func<Variantgebruik, string> sleutel) => reeks.GroupBy(sleutel)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Telling(g.Key, g.Count(), g.Count(a => a.Status == AfspraakStatus.Actief))).ToList();

        var standaarden = (variant?.Parameters ?? []).Where(p => p.Standaard is not null).ToDictionary(p => p.Naam, p => p.Standaard!.Value);
        bool Wijktaf(Werkafspraakgebruik w, string parameter) =>
            w.Parameters.TryGetValue(parameter, out var waarde) && !JsonElement.DeepEquals(waarde, standaarden[parameter]);
        var afwijkingen = standaarden.Keys.Order(StringComparer.Ordinal)
            .Select(p => (Parameter: p, Afwijkend: gebruik.Where(w => Wijktaf(w, p)).ToList()))
            .Where(x => x.Afwijkend.Count > 0)
            .Select(x => new Parameterafwijking(x.Parameter, standaarden[x.Parameter], x.Afwijkend.Count,
                x.Afwijkend.GroupBy(w => w.Parameters[x.Parameter].GetRawText())
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Waardetelling(g.First().Parameters[x.Parameter], g.Count())).ToList()))
            .ToList();
        var metAfwijking = gebruik.Count(w => standaarden.Keys.Any(p => Wijktaf(w, p)));
        var maatwerk = new Maatwerkgebruik(gebruik.Count(w => !w.MetMaatwerk && !standaarden.Keys.Any(p => Wijktaf(w, p))), metAfwijking,
            gebruik.Count(w => w.MetMaatwerk), afwijkingen);

        var gemeten = gebruikers.Where(a => a.Realisatie.GerapporteerdeMaanden > 0).ToList();
        var plaatsingen = gemeten.Sum(a => a.Realisatie.Plaatsingen);
        var doel = gemeten.Sum(a => a.Realisatie.DoelPlaatsingen);
        var zes = gemeten.Sum(a => a.Realisatie.NaZesMaandenInWerk);
        var twaalf = gemeten.Sum(a => a.Realisatie.NaTwaalfMaandenInWerk);
        var resultaten = new Variantresultaten(gemeten.Count, plaatsingen, doel, Realisatie.Percentage(plaatsingen, doel), zes, twaalf, Realisatie.Percentage(zes, plaatsingen),
            Realisatie.Percentage(twaalf, plaatsingen));

        var verschillen = afspraken.SelectMany(a => a.Hergebruikverschillen).Where(v => v.VariantCode == code).ToList();
        var hergebruik = new Hergebruikstelling(gebruikers.Count(a => a.Overgenomen),
            verschillen.Count(v => v.Soort is "parameter" or "maatwerk"), verschillen.Count(v => v.Soort == "toegevoegd"),
            verschillen.Count(v => v.Soort == "verwijderd"));

        return new VariantgebruikRegel(code, variant?.Naam ?? code, variant?.Pijler, variant?.Status, gebruikers.Count,
            gebruikers.Count(a => a.Status == AfspraakStatus.Actief), Tel(gebruikers, a => a.Arbeidsmarktregio), Tel(gebruikers, a => a.Sector),
            maatwerk, resultaten, hergebruik);
    }
}
