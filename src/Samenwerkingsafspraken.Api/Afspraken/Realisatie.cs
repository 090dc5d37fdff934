namespace Samenwerkingsafspraken.Afspraken;

/// <summary>
/// Results against targets. The yearly targets are taken pro rata over the months for which results were recorded
/// (three per quarter), so that an agreement in its first quarter is not measured against a full year.
/// </summary>
public sealed record Realisatie(
    int GerapporteerdeMaanden,
    int Plaatsingen,
    int NaZesMaandenInWerk,
    int NaTwaalfMaandenInWerk,
    int Uitval,
    decimal DoelPlaatsingen,
    decimal DoelDuurzamePlaatsingen,
    decimal? PercentagePlaatsingen,
    decimal? PercentageDuurzaam,
    decimal? AandeelNaZesMaandenInWerk,
    decimal? AandeelNaTwaalfMaandenInWerk)
{
    public static Realisatie Van(Samenwerkingsafspraak afspraak) => Van(afspraak.Resultaten, afspraak.Inhoud.Doelstellingen);

    public static Realisatie Van(IReadOnlyList<Perioderesultaat> resultaten, Doelstellingen doelstellingen)
    {
        var maanden = resultaten.Count * 3;
        var plaatsingen = resultaten.Sum(r => r.Resultaten.Plaatsingen);
        var zes = resultaten.Sum(r => r.Resultaten.NaZesMaandenInWerk);
        var twaalf = resultaten.Sum(r => r.Resultaten.NaTwaalfMaandenInWerk);
        var uitval = resultaten.Sum(r => r.Resultaten.Uitval);
        var doel = Math.Round(doelstellingen.PlaatsingenPerJaar * maanden / 12m, 2);
        var doelDuurzaam = Math.Round(doelstellingen.DuurzamePlaatsingenPerJaar * maanden / 12m, 2);
        return new Realisatie(maanden, plaatsingen, zes, twaalf, uitval, doel, doelDuurzaam,
            Percentage(plaatsingen, doel), Percentage(twaalf, doelDuurzaam), Percentage(zes, plaatsingen), Percentage(twaalf, plaatsingen));
    }

    public static decimal? Percentage(decimal teller, decimal noemer) => noemer == 0 ? null : Math.Round(100m * teller / noemer, 1);
}
