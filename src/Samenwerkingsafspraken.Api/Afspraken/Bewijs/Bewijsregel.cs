using System.Globalization;
using Samenwerkingsafspraken.Infrastructure;

namespace Samenwerkingsafspraken.Afspraken.Bewijs;

/// <summary>
/// When an agreement counts as proven (bewezen). Configurable (section "Bewijsregel"); after a change, rebuilding the
/// reference projection re-decides every agreement from its events.
/// </summary>
public sealed record Bewijsregel
{
    public const string Sectie = "Bewijsregel";

    /// <summary>
    /// Months between the start of the active period and the latest evidence (the last recorded event). The active
    /// period starts at the start date, or at the day the registry recorded the last signature if that is later: a
    /// start date in the past proves nothing about months the registry never saw.
    /// </summary>
    public int MinimaleMaandenActief { get; init; } = 12;

    /// <summary>Placements as a share of the target, pro rata over the reported months.</summary>
    public decimal MinimaalPercentageVanDoel { get; init; } = 80;

    /// <summary>The latest evaluation by the employer must be positive.</summary>
    public bool PositieveEvaluatieWerkgever { get; init; } = true;

    /// <summary>The latest evaluation by at least one public party must be positive.</summary>
    public bool PositieveEvaluatieRegiopartij { get; init; } = true;

    /// <summary>The judgments that count as positive.</summary>
    public IReadOnlyList<Oordeel> PositieveOordelen { get; init; } = [Oordeel.Succesvol];

    /// <summary>
    /// How many days after the end of its quarter results are still recorded in time (and an evaluation after the
    /// end of the agreement). Evidence recorded later is entered afterwards (achteraf).
    /// </summary>
    public int TijdigBinnenDagen { get; init; } = 92;

    /// <summary>Whether evidence entered afterwards counts towards the proof. It is always shown, with when it was recorded.</summary>
    public bool AchterafIngevoerdBewijsTelt { get; init; }

    public string Omschrijving =>
        $"Een afspraak is bewezen als zij ten minste {MinimaleMaandenActief} maanden actief is (gerekend vanaf de startdatum, of vanaf de " +
        "dag waarop het register haar actief zag worden als die later is), haar plaatsingen ten minste " +
        $"{MinimaalPercentageVanDoel.ToString(CultureInfo.InvariantCulture)}% van het doel (naar rato van de gerapporteerde maanden) halen" +
        (PositieveEvaluatieWerkgever ? ", de werkgever haar positief evalueert" : "") +
        (PositieveEvaluatieRegiopartij ? ", en ten minste één regiopartij haar positief evalueert" : "") +
        $" (positief: {string.Join(" of ", PositieveOordelen.Select(o => Historie.AfspraakHistorieEndpoint.Oordeeltekst(o)))}). " +
        $"Bewijs is tijdig als het uiterlijk {TijdigBinnenDagen} dagen na het einde van zijn kwartaal (een evaluatie: na het einde van de " +
        $"afspraak) is vastgelegd; " +
        (AchterafIngevoerdBewijsTelt ? "achteraf ingevoerd bewijs telt ook mee." : "alleen tijdig bewijs telt mee, achteraf ingevoerd bewijs wordt wel getoond.");
}

/// <summary>One criterion of the rule, whether it is met, and the evidence in figures and words.</summary>
public sealed record Criterium(string Code, string Omschrijving, bool Voldaan, string Bewijs, IReadOnlyDictionary<string, string> Gegevens);

/// <summary>
/// One piece of evidence and when it was recorded: the results of a quarter (as they now stand) or a party's
/// evaluation. <see cref="Tijdig"/>: recorded in time, while the agreement ran; <see cref="Telt"/>: counted by the rule.
/// </summary>
public sealed record Bewijsstuk(string Soort, string? Periode, Partij? Partij, DateTimeOffset VastgelegdOp, bool Tijdig, bool Telt);

public sealed record Bewijs(bool Bewezen, IReadOnlyList<Criterium> Criteria, DateOnly? Peildatum, IReadOnlyList<Bewijsstuk>? Bewijsstukken = null)
{
    public IReadOnlyList<Bewijsstuk> Bewijsstukken { get; init; } = Bewijsstukken ?? [];
}

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
        var stukken = Bewijsstukken(afspraak, regel);

        var geactiveerd = afspraak.GeactiveerdOp is { } op ? Dag(op) : (DateOnly?)null;
        var vanaf = afspraak.ActiefVanaf is { } start ? (geactiveerd is { } g && g > start ? g : start) : (DateOnly?)null;
        var maanden = vanaf is { } van && peildatum is { } tot ? VolleMaanden(van, tot) : 0;
        criteria.Add(new Criterium("looptijd",
            $"Ten minste {regel.MinimaleMaandenActief} maanden actief",
            maanden >= regel.MinimaleMaandenActief,
            afspraak.ActiefVanaf is null
                ? "De afspraak is nooit actief geweest."
                : $"Actief vanaf {afspraak.ActiefVanaf:yyyy-MM-dd}" +
                  (geactiveerd is { } dag && dag > afspraak.ActiefVanaf ? $", maar pas op {dag:yyyy-MM-dd} in het register actief geworden" : "") +
                  $"; het laatste bewijs dateert van {peildatum:yyyy-MM-dd}: {maanden} volle maanden.",
            new Dictionary<string, string>
            {
                ["actiefVanaf"] = Tekst(afspraak.ActiefVanaf),
                ["geactiveerdOp"] = Tekst(geactiveerd),
                ["teltVanaf"] = Tekst(vanaf),
                ["peildatum"] = Tekst(peildatum),
                ["maanden"] = maanden.ToString(CultureInfo.InvariantCulture),
            }));

        var resultaatstukken = stukken.Where(s => s.Soort == Soorten.Resultaten).ToList();
        var tellend = afspraak.Resultaten.Where(r => resultaatstukken.Any(s => s.Periode == r.Periode && s.Telt)).ToList();
        var realisatie = Realisatie.Van(tellend, afspraak.Inhoud.Doelstellingen);
        var percentage = realisatie.PercentagePlaatsingen;
        var tijdig = resultaatstukken.Count(s => s.Tijdig);
        var achteraf = resultaatstukken.Count - tijdig;
        var nietGeteld = achteraf > 0 && !regel.AchterafIngevoerdBewijsTelt
            ? $" {achteraf} kwarta{(achteraf == 1 ? "al is" : "len zijn")} achteraf ingevoerd en tel{(achteraf == 1 ? "t" : "len")} niet mee."
            : achteraf > 0 ? $" {achteraf} kwarta{(achteraf == 1 ? "al is" : "len zijn")} achteraf ingevoerd en tel{(achteraf == 1 ? "t" : "len")} mee." : "";
        criteria.Add(new Criterium("resultaten",
            $"Plaatsingen ten minste {regel.MinimaalPercentageVanDoel.ToString(CultureInfo.InvariantCulture)}% van het doel",
            realisatie.GerapporteerdeMaanden > 0 && (percentage ?? 100m) >= regel.MinimaalPercentageVanDoel,
            (realisatie.GerapporteerdeMaanden == 0
                ? resultaatstukken.Count == 0 ? "Er zijn nog geen resultaten geregistreerd." : "Er zijn geen resultaten die meetellen."
                : $"{realisatie.Plaatsingen} plaatsingen tegen een doel van {realisatie.DoelPlaatsingen.ToString(CultureInfo.InvariantCulture)} over " +
                  $"{realisatie.GerapporteerdeMaanden} maanden ({percentage?.ToString(CultureInfo.InvariantCulture) ?? "geen doel"}%); " +
                  $"{realisatie.NaTwaalfMaandenInWerk} na twaalf maanden nog in werk.") + nietGeteld,
            new Dictionary<string, string>
            {
                ["plaatsingen"] = realisatie.Plaatsingen.ToString(CultureInfo.InvariantCulture),
                ["doelPlaatsingen"] = realisatie.DoelPlaatsingen.ToString(CultureInfo.InvariantCulture),
                ["percentage"] = percentage?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["gerapporteerdeMaanden"] = realisatie.GerapporteerdeMaanden.ToString(CultureInfo.InvariantCulture),
                ["kwartalenTijdig"] = tijdig.ToString(CultureInfo.InvariantCulture),
                ["kwartalenAchteraf"] = achteraf.ToString(CultureInfo.InvariantCulture),
            }));

        var evaluaties = afspraak.Evaluaties.Where(e => stukken.Any(s => s.Soort == Soorten.Evaluatie && s.Partij == e.Partij && s.VastgelegdOp == e.Op && s.Telt))
            .ToList();
        if (regel.PositieveEvaluatieWerkgever)
        {
            criteria.Add(Evaluatiecriterium("evaluatie-werkgever", "Positief geëvalueerd door de werkgever",
                LaatstePerPartij(evaluaties, Partijrol.Werkgever).FirstOrDefault(), regel, afspraak, evaluaties));
        }

        if (regel.PositieveEvaluatieRegiopartij)
        {
            var regiopartijen = LaatstePerPartij(evaluaties, Partijrol.Regiopartij).ToList();
            var positief = regiopartijen.FirstOrDefault(e => regel.PositieveOordelen.Contains(e.Oordeel));
            criteria.Add(Evaluatiecriterium("evaluatie-regiopartij", "Positief geëvalueerd door ten minste één regiopartij",
                positief ?? regiopartijen.FirstOrDefault(), regel, afspraak, evaluaties));
        }

        return new Bewijs(criteria.All(c => c.Voldaan), criteria, peildatum, stukken);
    }

    public static class Soorten
    {
        public const string Resultaten = "resultaten";
        public const string Evaluatie = "evaluatie";
    }

    /// <summary>
    /// Every piece of evidence with when it was recorded (taken from its events, never from the clock): a quarter's
    /// results are in time when recorded at most <see cref="Bewijsregel.TijdigBinnenDagen"/> days after the quarter
    /// ended; an evaluation when recorded at most that long after the agreement stopped running.
    /// </summary>
    public static IReadOnlyList<Bewijsstuk> Bewijsstukken(Samenwerkingsafspraak afspraak, Bewijsregel regel)
    {
        var stukken = new List<Bewijsstuk>();
        foreach (var resultaat in afspraak.Resultaten.OrderBy(r => r.Periode, StringComparer.Ordinal))
        {
            var uiterlijk = Kwartaal.TryParse(resultaat.Periode, out var kwartaal) ? Later(kwartaal.Eind, regel.TijdigBinnenDagen) : (DateOnly?)null;
            var tijdig = uiterlijk is { } grens && Dag(resultaat.VastgelegdOp) <= grens;
            stukken.Add(new Bewijsstuk(Soorten.Resultaten, resultaat.Periode, null, resultaat.VastgelegdOp, tijdig, tijdig || regel.AchterafIngevoerdBewijsTelt));
        }

        var laatsteDag = Later(afspraak.Einde, regel.TijdigBinnenDagen);
        foreach (var evaluatie in afspraak.Evaluaties.OrderBy(e => e.Op))
        {
            var tijdig = Dag(evaluatie.Op) <= laatsteDag;
            stukken.Add(new Bewijsstuk(Soorten.Evaluatie, null, evaluatie.Partij, evaluatie.Op, tijdig, tijdig || regel.AchterafIngevoerdBewijsTelt));
        }

        return stukken;
    }

    private static Criterium Evaluatiecriterium(string code, string omschrijving, Evaluatie? evaluatie, Bewijsregel regel, Samenwerkingsafspraak afspraak,
        IReadOnlyList<Evaluatie> tellend)
    {
        var nietGeteld = afspraak.Evaluaties.Count - tellend.Count;
        var toevoeging = nietGeteld > 0 ? $" {nietGeteld} evaluatie(s) achteraf ingevoerd, die niet meetellen." : "";
        return new Criterium(
            code, omschrijving,
            evaluatie is not null && regel.PositieveOordelen.Contains(evaluatie.Oordeel),
            (evaluatie is null
                ? "Nog geen evaluatie."
                : $"{evaluatie.Partij.Naam} oordeelde op {evaluatie.Op:yyyy-MM-dd}: {Historie.AfspraakHistorieEndpoint.Oordeeltekst(evaluatie.Oordeel)}" +
                  $"{(evaluatie.AanbevolenVoorHergebruik ? ", aanbevolen voor hergebruik" : "")}. \"{evaluatie.Lessen}\"") + toevoeging,
            evaluatie is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string>
                {
                    ["partij"] = evaluatie.Partij.Identificatie,
                    ["oordeel"] = evaluatie.Oordeel.ToString(),
                    ["datum"] = evaluatie.Op.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
    }

    /// <summary>The latest evaluation of each party in the given role.</summary>
    public static IEnumerable<Evaluatie> LaatstePerPartij(IEnumerable<Evaluatie> evaluaties, Partijrol rol) =>
        evaluaties.Where(e => e.Partij.Rol == rol).GroupBy(e => e.Partij.Identificatie).Select(g => g.MaxBy(e => e.Op)!);

    private static DateOnly? Peildatum(Samenwerkingsafspraak afspraak)
    {
        if (afspraak.ActiefVanaf is null) return null;
        var laatste = Dag(afspraak.LaatstGewijzigdOp);
        var einde = afspraak.Beeindiging?.Einddatum ?? afspraak.VerlopenOp;
        return einde is { } e && e < laatste ? e : laatste;
    }

    private static DateOnly Dag(DateTimeOffset moment) => Klok.DagVan(moment);

    /// <summary>A number of days after a date, never past the last date there is.</summary>
    private static DateOnly Later(DateOnly datum, int dagen) =>
        DateOnly.MaxValue.DayNumber - datum.DayNumber < Math.Max(dagen, 0) ? DateOnly.MaxValue : datum.AddDays(Math.Max(dagen, 0));

    private static string Tekst(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static int VolleMaanden(DateOnly van, DateOnly tot)
    {
        if (tot < van) return 0;
        var maanden = (tot.Year - van.Year) * 12 + tot.Month - van.Month;
        return tot.Day >= van.Day ? maanden : maanden - 1;
    }
}
