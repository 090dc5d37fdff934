using JasperFx.Events;
using Marten.Events.Projections;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;

namespace Samenwerkingsafspraken.Referenties;

/// <summary>Where an agreement was adopted in another region: the derived agreement and the source version it took.</summary>
public sealed record Hergebruik(Guid AfspraakId, string Arbeidsmarktregio, long BronVersie, Guid HergebruikverzoekId, DateTimeOffset Op);

/// <summary>
/// An agreement as part of its employer's reference history: its record, whether it is proven and why, where it came
/// from and where it was reused. One document per agreement, kept by <see cref="ReferentieProjectie"/>.
/// </summary>
public sealed record Referentie(
    Guid Id,
    Samenwerkingsafspraak Afspraak,
    Bewijs Bewijs,
    IReadOnlyList<Hergebruik> HergebruiktIn)
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
/// Follows every agreement stream, and also sends an adoption in another region (AfspraakOvergenomen) to the source
/// agreement's document, so that a reference knows where it was reused. Proof is judged with the configured rule:
/// rebuild this projection after changing the rule.
/// </summary>
public sealed class ReferentieProjectie : MultiStreamProjection<Referentie, Guid>, Infrastructure.Persistence.IHerspeelbaar<Referentie>
{
    private readonly Bewijsregel _regel;

    public ReferentieProjectie(Bewijsregel regel)
    {
        _regel = regel;
        Name = "Referentie";
        foreach (var type in Samenwerkingsafspraak.Gebeurtenistypen) IncludeType(type);
        Identities<IAfspraakgebeurtenis>(Documenten);
        Infrastructure.Persistence.Herbouwinstellingen.PasToe(Options);
    }

    /// <summary>The documents an event changes: its agreement's, and for an adoption also the source agreement's.</summary>
    private static IReadOnlyList<Guid> Documenten(IAfspraakgebeurtenis e) =>
        e is AfspraakOvergenomen o ? [o.AfspraakId, o.Herkomst.BronAfspraakId] : [e.AfspraakId];

    public IReadOnlyList<Type> Herspeeltypen => Samenwerkingsafspraak.Gebeurtenistypen;

    public long Revisie(Guid id, IEvent e, long vorige) => e.StreamId == id ? e.Version : vorige;

    public IEnumerable<Guid> Doelen(IEvent e) => e.Data is IAfspraakgebeurtenis g ? Documenten(g) : [];

    public override Referentie? Evolve(Referentie? referentie, Guid id, IEvent e)
    {
        if (e.Data is AfspraakOvergenomen overgenomen && overgenomen.AfspraakId != id)
        {
            if (referentie is null) return null;
            var hergebruik = new Hergebruik(overgenomen.AfspraakId, overgenomen.Arbeidsmarktregio, overgenomen.Herkomst.BronVersie,
                overgenomen.Herkomst.HergebruikverzoekId, overgenomen.Op);
            return referentie with { HergebruiktIn = [.. referentie.HergebruiktIn, hergebruik] };
        }

        var afspraak = Samenwerkingsafspraak.Evolueer(referentie?.Afspraak, e.Data, e.Version);
        return new Referentie(id, afspraak, Bewijsvoering.Beoordeel(afspraak, _regel), referentie?.HergebruiktIn ?? []);
    }
}
