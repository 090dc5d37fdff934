using System.Text.Json;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Varianten.Gebruik;

public sealed record Werkafspraakgebruik(string VariantCode, IReadOnlyDictionary<string, JsonElement> Parameters, bool MetMaatwerk);

/// <summary>
/// The facts of one agreement that the variant matrix counts: where, which sector, its status and period, which
/// variants with which parameters and tailoring, its results, and what changed when it was adopted from another region.
/// </summary>
public sealed record Variantgebruik(
    Guid Id,
    string Arbeidsmarktregio,
    string Sector,
    AfspraakStatus Status,
    DateOnly Startdatum,
    DateOnly Einddatum,
    bool Overgenomen,
    IReadOnlyList<Werkafspraakgebruik> Werkafspraken,
    Realisatie Realisatie,
    IReadOnlyList<Maatwerkverschil> Hergebruikverschillen,
    Samenwerkingsafspraak Afspraak)
{
    public static Variantgebruik Van(Samenwerkingsafspraak a) => new(
        a.Id, a.Arbeidsmarktregio, a.Werkgever.Sector, a.Status, a.Inhoud.Looptijd.Startdatum,
        a.Beeindiging?.Einddatum ?? a.VerlopenOp ?? a.Inhoud.Looptijd.Einddatum, a.Herkomst is not null,
        a.Inhoud.Werkafspraken.Select(w => new Werkafspraakgebruik(w.VariantCode, w.Parameters, w.Maatwerk is not null)).ToList(),
        Realisatie.Van(a), a.Maatwerkverschillen, a);
}

/// <summary>
/// Asynchronous: the matrix is for analysis, not for reading one's own write, so it does not slow down writes. It
/// takes everything from the events (through the agreement's own Evolueer), so a rebuild reproduces it exactly.
/// </summary>
public sealed class VariantgebruikProjectie : SingleStreamProjection<Variantgebruik, Guid>, Infrastructure.Persistence.IHerspeelbaar<Variantgebruik>
{
    public const string Naam = "Variantgebruik";

    public VariantgebruikProjectie()
    {
        Name = Naam;
        foreach (var type in Samenwerkingsafspraak.Gebeurtenistypen) IncludeType(type);
        Infrastructure.Persistence.Herbouwinstellingen.PasToe(Options);
    }

    public override Variantgebruik? Evolve(Variantgebruik? gebruik, Guid id, IEvent e) =>
        Variantgebruik.Van(Samenwerkingsafspraak.Evolueer(gebruik?.Afspraak, e.Data, e.Version));

    public IReadOnlyList<Type> Herspeeltypen => Samenwerkingsafspraak.Gebeurtenistypen;

    public long Revisie(Guid id, IEvent e, long vorige) => e.Version;

    public IEnumerable<Guid> Doelen(IEvent e) => [e.StreamId];
}
