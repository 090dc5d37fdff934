using JasperFx.Events;
using Marten.Events.Aggregation;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>Where an agreement was adopted in another region: the derived agreement and the source version it took.</summary>
public sealed record Hergebruik(Guid AfspraakId, string Arbeidsmarktregio, long BronVersie, Guid HergebruikverzoekId, DateTimeOffset Op);

/// <summary>
/// An agreement as part of its employer's reference history: its record, and whether it is proven and why. One
/// document per agreement, kept by <see cref="ReferentieProjectie"/>. Where it was reused is not stored here: every
/// adoption names its source (<see cref="Herkomst"/>), so a read finds the reuses by that (<see cref="Hergebruiken"/>).
/// </summary>
public sealed record Referentie(
    Guid Id,
    Samenwerkingsafspraak Afspraak,
    Bewijs Bewijs)
{
    public string KvkNummer => Afspraak.Werkgever.KvkNummer;

    public string Arbeidsmarktregio => Afspraak.Arbeidsmarktregio;

    public bool Bewezen => Bewijs.Bewezen;

    /// <summary>The employer's sector, for the national search and its facets.</summary>
    public string Sector => Afspraak.Werkgever.Sector;

    public DateOnly Startdatum => Afspraak.Inhoud.Looptijd.Startdatum;

    /// <summary>The actual end: ended or expired early, else the agreed end date.</summary>
    public DateOnly Einddatum => Afspraak.Beeindiging?.Einddatum ?? Afspraak.VerlopenOp ?? Afspraak.Inhoud.Looptijd.Einddatum;

    /// <summary>The words the national search looks in: the title and the tailoring (maatwerk) of every werkafspraak.</summary>
    public string Zoektekst =>
        string.Join("\n", Afspraak.Inhoud.Werkafspraken.Select(w => w.Maatwerk).OfType<string>().Prepend(Afspraak.Inhoud.Titel));
}

/// <summary>
/// Follows every agreement stream, its own document per stream: a new agreement's document is written without being
/// looked for first. Proof is judged with the configured rule: rebuild this projection after changing the rule.
/// </summary>
public sealed class ReferentieProjectie : SingleStreamProjection<Referentie, Guid>, Infrastructure.Persistence.IHerspeelbaar<Referentie>
{
    private readonly Bewijsregel _regel;

    public ReferentieProjectie(Bewijsregel regel)
    {
        _regel = regel;
        Name = "Referentie";
        foreach (var type in Samenwerkingsafspraak.Gebeurtenistypen) IncludeType(type);
        Infrastructure.Persistence.Herbouwinstellingen.PasToe(Options);
    }

    public IReadOnlyList<Type> Herspeeltypen => Samenwerkingsafspraak.Gebeurtenistypen;

    public long Revisie(Guid id, IEvent e, long vorige) => e.Version;

    public IEnumerable<Guid> Doelen(IEvent e) => [e.StreamId];

    public override Referentie? Evolve(Referentie? referentie, Guid id, IEvent e)
    {
        var afspraak = Samenwerkingsafspraak.Evolueer(referentie?.Afspraak, e.Data, e.Version);
        return new Referentie(id, afspraak, Bewijsvoering.Beoordeel(afspraak, _regel));
    }
}
