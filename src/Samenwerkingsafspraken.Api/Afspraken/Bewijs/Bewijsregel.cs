using System.Globalization;

namespace Samenwerkingsafspraken.Afspraken.Bewijs;

/// <summary>
/// When an agreement counts as proven (bewezen). Configurable (section "Bewijsregel"); after a change, rebuilding the
/// reference projection re-decides every agreement from its events.
/// </summary>
public sealed record Bewijsregel
{
    public const string Sectie = "Bewijsregel";

    /// <summary>Months between the start of the active period and the latest evidence (the last recorded event).</summary>
    public int MinimaleMaandenActief { get; init; } = 12;

    /// <summary>Placements as a share of the target, pro rata over the reported months.</summary>
    public decimal MinimaalPercentageVanDoel { get; init; } = 80;

    /// <summary>The latest evaluation by the employer must be positive.</summary>
    public bool PositieveEvaluatieWerkgever { get; init; } = true;

    /// <summary>The latest evaluation by at least one public party must be positive.</summary>
    public bool PositieveEvaluatieRegiopartij { get; init; } = true;

    /// <summary>The judgments that count as positive.</summary>
    public IReadOnlyList<Oordeel> PositieveOordelen { get; init; } = [Oordeel.Succesvol];

    public string Omschrijving =>
        $"Een afspraak is bewezen als zij ten minste {MinimaleMaandenActief} maanden actief is, haar plaatsingen ten minste " +
        $"{MinimaalPercentageVanDoel.ToString(CultureInfo.InvariantCulture)}% van het doel (naar rato van de gerapporteerde maanden) halen" +
        (PositieveEvaluatieWerkgever ? ", de werkgever haar positief evalueert" : "") +
        (PositieveEvaluatieRegiopartij ? ", en ten minste één regiopartij haar positief evalueert" : "") +
        $" (positief: {string.Join(" of ", PositieveOordelen.Select(o => Historie.AfspraakHistorieEndpoint.Oordeeltekst(o)))}).";
}

/// <summary>One criterion of the rule, whether it is met, and the evidence in figures and words.</summary>
public sealed record Criterium(string Code, string Omschrijving, bool Voldaan, string Bewijs, IReadOnlyDictionary<string, string> Gegevens);

public sealed record Bewijs(bool Bewezen, IReadOnlyList<Criterium> Criteria, DateOnly? Peildatum);

public static class Bewijsvoering
{
    /// <summary>
    /// Judges an agreement by the rule, from its own recorded facts only (no clock), so that a rebuild gives the same
    /// answer. The evidence date is the date of the latest recorded event, capped at the actual end.
    /// </summary>
    public static Bewijs Beoordeel(Samenwerkingsafspraak afspraak, Bewijsregel regel)
    {
        var criteria = new List<Criterium>();
        var peildatum = Peildatum(afspraak);

        var maanden = afspraak.ActiefVanaf is { } vanaf && peildatum is { } tot ? VolleMaanden(vanaf, tot) : 0;
        criteria.Add(new Criterium("looptijd",
            $"Ten minste {regel.MinimaleMaandenActief} maanden actief",
            maanden >= regel.MinimaleMaandenActief,
            afspraak.ActiefVanaf is null
                ? "De afspraak is nooit actief geweest."
                : $"Actief vanaf {afspraak.ActiefVanaf:yyyy-MM-dd}; het laatste bewijs dateert van {peildatum:yyyy-MM-dd}: {maanden} volle maanden.",
            new Dictionary<string, string>
            {
                ["actiefVanaf"] = afspraak.ActiefVanaf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["peildatum"] = peildatum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["maanden"] = maanden.ToString(CultureInfo.InvariantCulture),
            }));

        var realisatie = Realisatie.Van(afspraak);
        var percentage = realisatie.PercentagePlaatsingen;
        criteria.Add(new Criterium("resultaten",
            $"Plaatsingen ten minste {regel.MinimaalPercentageVanDoel.ToString(CultureInfo.InvariantCulture)}% van het doel",
            realisatie.GerapporteerdeMaanden > 0 && (percentage ?? 100m) >= regel.MinimaalPercentageVanDoel,
            realisatie.GerapporteerdeMaanden == 0
                ? "Er zijn nog geen resultaten geregistreerd."
                : $"{realisatie.Plaatsingen} plaatsingen tegen een doel van {realisatie.DoelPlaatsingen.ToString(CultureInfo.InvariantCulture)} over " +
                  $"{realisatie.GerapporteerdeMaanden} maanden ({percentage?.ToString(CultureInfo.InvariantCulture) ?? "geen doel"}%); " +
                  $"{realisatie.NaTwaalfMaandenInWerk} na twaalf maanden nog in werk.",
            new Dictionary<string, string>
            {
                ["plaatsingen"] = realisatie.Plaatsingen.ToString(CultureInfo.InvariantCulture),
                ["doelPlaatsingen"] = realisatie.DoelPlaatsingen.ToString(CultureInfo.InvariantCulture),
                ["percentage"] = percentage?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["gerapporteerdeMaanden"] = realisatie.GerapporteerdeMaanden.ToString(CultureInfo.InvariantCulture),
            }));

        if (regel.PositieveEvaluatieWerkgever)
        {
            criteria.Add(Evaluatiecriterium("evaluatie-werkgever", "Positief geëvalueerd door de werkgever",
                LaatstePerPartij(afspraak.Evaluaties, Partijrol.Werkgever).FirstOrDefault(), regel));
        }

        if (regel.PositieveEvaluatieRegiopartij)
        {
            var regiopartijen = LaatstePerPartij(afspraak.Evaluaties, Partijrol.Regiopartij).ToList();
            var positief = regiopartijen.FirstOrDefault(e => regel.PositieveOordelen.Contains(e.Oordeel));
            criteria.Add(Evaluatiecriterium("evaluatie-regiopartij", "Positief geëvalueerd door ten minste één regiopartij",
                positief ?? regiopartijen.FirstOrDefault(), regel));
        }

        return new Bewijs(criteria.All(c => c.Voldaan), criteria, peildatum);
    }

    private static Criterium Evaluatiecriterium(string code, string omschrijving, Evaluatie? evaluatie, Bewijsregel regel) => new(
        code, omschrijving,
        evaluatie is not null && regel.PositieveOordelen.Contains(evaluatie.Oordeel),
        evaluatie is null
            ? "Nog geen evaluatie."
            : $"{evaluatie.Partij.Naam} oordeelde op {evaluatie.Op:yyyy-MM-dd}: {Historie.AfspraakHistorieEndpoint.Oordeeltekst(evaluatie.Oordeel)}" +
              $"{(evaluatie.AanbevolenVoorHergebruik ? ", aanbevolen voor hergebruik" : "")}. \"{evaluatie.Lessen}\"",
        evaluatie is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>
            {
                ["partij"] = evaluatie.Partij.Identificatie,
                ["oordeel"] = evaluatie.Oordeel.ToString(),
                ["datum"] = evaluatie.Op.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });

    /// <summary>The latest evaluation of each party in the given role.</summary>
    public static IEnumerable<Evaluatie> LaatstePerPartij(IEnumerable<Evaluatie> evaluaties, Partijrol rol) =>
        evaluaties.Where(e => e.Partij.Rol == rol).GroupBy(e => e.Partij.Identificatie).Select(g => g.MaxBy(e => e.Op)!);

    private static DateOnly? Peildatum(Samenwerkingsafspraak afspraak)
    {
        if (afspraak.ActiefVanaf is null) return null;
        var laatste = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(afspraak.LaatstGewijzigdOp, Infrastructure.Klok.Nederland).DateTime);
        var einde = afspraak.Beeindiging?.Einddatum ?? afspraak.VerlopenOp;
        return einde is { } e && e < laatste ? e : laatste;
    }

    public static int VolleMaanden(DateOnly van, DateOnly tot)
    {
        if (tot < van) return 0;
        var maanden = (tot.Year - van.Year) * 12 + tot.Month - van.Month;
        return tot.Day >= van.Day ? maanden : maanden - 1;
    }
}
