using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Afspraken;

/// <summary>Refusals that several activities share, so that the same situation always gets the same answer.</summary>
public static class Regels
{
    public static Weigering GeenPartij(Samenwerkingsafspraak afspraak) => Weigering.NietToegestaan("geen-partij",
        $"Alleen de partijen van deze afspraak (werkgever {afspraak.Werkgever.KvkNummer} en de genoemde regiopartijen van " +
        $"{afspraak.Arbeidsmarktregio}) mogen dit.");

    public static Weigering Afgesloten(Samenwerkingsafspraak afspraak) => Weigering.Conflict("afgesloten",
        $"De afspraak is {(afspraak.Status == AfspraakStatus.Verlopen ? "verlopen" : "beëindigd")}: zij kan niet meer veranderen.");

    public static Weigering NogConcept() => Weigering.Conflict("nog-concept",
        "De afspraak is nog een concept: zij wordt pas actief als elke vereiste partij heeft ondertekend.");

    /// <summary>The moment an agreement expires: the start of the day after its end date, Dutch time.</summary>
    public static DateTimeOffset Verlooptijdstip(DateOnly einddatum) => Infrastructure.Klok.BeginVan(einddatum.AddDays(1));

    public static Besluit PlanVerloop(this Besluit besluit, Guid afspraakId, DateOnly einddatum) =>
        besluit.EnPlan(new LaatAfspraakVerlopen(afspraakId, einddatum), Verlooptijdstip(einddatum));
}

/// <summary>The scheduled message that lets an active agreement expire at its end date, without anyone acting.</summary>
public sealed record LaatAfspraakVerlopen(Guid AfspraakId, DateOnly Einddatum);
