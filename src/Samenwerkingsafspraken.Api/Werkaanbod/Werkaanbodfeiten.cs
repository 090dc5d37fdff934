using JasperFx.Events;
using Marten.Events.Aggregation;
using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Werkaanbod;

/// <summary>
/// The facts of one agreement that the overview of offered and filled places counts: where, its active period, the
/// work it offers now, and per quarter the places offered and filled as they were reported.
/// </summary>
public sealed record Werkaanbodfeiten(
    Guid Id,
    string Arbeidsmarktregio,
    bool HeeftWerkaanbod,
    DateOnly? ActiefVanaf,
    DateOnly Startdatum,
    DateOnly Einddatum,
    IReadOnlyList<Werkaanbodregel> Werkaanbod,
    IReadOnlyList<Periodevervulling> Vervullingen,
    Samenwerkingsafspraak Afspraak)
{
    public static Werkaanbodfeiten Van(Samenwerkingsafspraak a) => new(
        a.Id, a.Arbeidsmarktregio, a.Inhoud.Werkaanbod.Count > 0 || a.Vervullingen.Count > 0, a.ActiefVanaf, a.Inhoud.Looptijd.Startdatum,
        a.Beeindiging?.Einddatum ?? a.VerlopenOp ?? a.Inhoud.Looptijd.Einddatum, a.Inhoud.Werkaanbod, a.Vervullingen, a);
}

/// <summary>
/// Asynchronous, like the variant matrix: the overview is for analysis, not for reading one's own write, and it takes
/// everything from the events (through the agreement's own Evolueer), so a rebuild reproduces it exactly.
/// </summary>
public sealed class WerkaanbodProjectie : SingleStreamProjection<Werkaanbodfeiten, Guid>
{
    public const string Naam = "Werkaanbod";

    public WerkaanbodProjectie()
    {
        Name = Naam;
        foreach (var type in Samenwerkingsafspraak.Gebeurtenistypen) IncludeType(type);
    }

    public override Werkaanbodfeiten? Evolve(Werkaanbodfeiten? feiten, Guid id, IEvent e) =>
        Werkaanbodfeiten.Van(Samenwerkingsafspraak.Evolueer(feiten?.Afspraak, e.Data, e.Version));
}
