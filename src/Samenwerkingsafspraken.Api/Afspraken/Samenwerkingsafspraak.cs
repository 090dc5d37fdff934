using System.Text.Json;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Afspraken;

public enum AfspraakStatus
{
    Concept,
    Actief,
    Beeindigd,
    Verlopen,
}

public enum Partijsoort
{
    Gemeente,
    Uwv,
    Werkgeversservicepunt,
    Werkcentrum,
    SwBedrijf,
    Anders,
}

public enum Doelgroep
{
    Banenafspraak,
    Participatiewet,
    Wajong,
    Ww,
    Wia,
    Nugger,
    Statushouders,
    Jongeren,
    Overig,
}

public enum Partijrol
{
    Werkgever,
    Regiopartij,
}

public enum Oordeel
{
    Succesvol,
    DeelsSuccesvol,
    NietSuccesvol,
}

/// <summary>The employer side of an agreement, as it was when the agreement was drawn up.</summary>
public sealed record Werkgeverpartij(string KvkNummer, string Naam, string Sector, Werkgeversoort Soort);

/// <summary>A public party of the region (known by its OIN), and whether its signature is required.</summary>
public sealed record Regiopartij(string Oin, string Naam, Partijsoort Soort, bool Ondertekent, string? Contactrol);

/// <summary>One work arrangement: an instance of a catalogue variant, its parameters and the local tailoring in words.</summary>
public sealed record Werkafspraak(string VariantCode, IReadOnlyDictionary<string, JsonElement> Parameters, string? Maatwerk);

/// <summary>Targets per year: placements, and placements still in work after twelve months.</summary>
public sealed record Doelstellingen(int PlaatsingenPerJaar, int DuurzamePlaatsingenPerJaar);

public sealed record Looptijd(DateOnly Startdatum, DateOnly Einddatum)
{
    public bool Bevat(DateOnly datum) => datum >= Startdatum && datum <= Einddatum;
}

/// <summary>
/// Work the employer offers under the agreement: a number of places in a sector (optionally a function), optionally
/// through one of the agreement's variants, from a date. A line is known by its sector and function.
/// </summary>
public sealed record Werkaanbodregel(string Sector, string? Functie, string? VariantCode, int AantalPlaatsen, DateOnly Vanaf)
{
    public bool Is(string sector, string? functie) => Sector == sector && Werkaanbodregels.ZelfdeFunctie(Functie, functie);

    public override string ToString() => Functie is null ? Sector : $"{Sector}/{Functie}";
}

/// <summary>What the parties agree on: everything an amendment may change.</summary>
public sealed record Afspraakinhoud(
    string Titel,
    string? WerkgeverContactrol,
    IReadOnlyList<Regiopartij> Regiopartijen,
    IReadOnlyList<Werkafspraak> Werkafspraken,
    IReadOnlyList<Doelgroep> Doelgroepen,
    IReadOnlyList<string> Beroepen,
    Doelstellingen Doelstellingen,
    Looptijd Looptijd)
{
    /// <summary>The work offered (places per sector or function, from a date); empty when the agreement states none. Added later: older events have none.</summary>
    public IReadOnlyList<Werkaanbodregel> Werkaanbod { get; init; } = [];
}

/// <summary>A party that acts on the agreement: the employer (KvK-nummer) or a public party (OIN).</summary>
public sealed record Partij(Partijrol Rol, string Identificatie, string Naam);

public sealed record Ondertekening(Partij Partij, DateTimeOffset Op);

/// <summary>Results of one period, as counts only: the registry holds nothing about individual candidates.</summary>
public sealed record Resultaten(int Plaatsingen, int NaZesMaandenInWerk, int NaTwaalfMaandenInWerk, int Uitval);

/// <summary>A quarter's results, with when they were registered and, after a correction, when they were last corrected.</summary>
public sealed record Perioderesultaat(string Periode, Resultaten Resultaten, DateTimeOffset GeregistreerdOp, int Correcties, DateTimeOffset? GecorrigeerdOp = null)
{
    /// <summary>When the figures as they now stand were recorded: the proof rule judges their timeliness by this.</summary>
    public DateTimeOffset VastgelegdOp => GecorrigeerdOp ?? GeregistreerdOp;
}

public sealed record Evaluatie(Partij Partij, Oordeel Oordeel, string Lessen, bool AanbevolenVoorHergebruik, DateTimeOffset Op);

/// <summary>Where a reused agreement came from: the source agreement and the version that was adopted.</summary>
public sealed record Herkomst(Guid BronAfspraakId, long BronVersie, string BronArbeidsmarktregio, Guid HergebruikverzoekId);

/// <summary>One local change to a werkafspraak when an agreement is adopted in another region, with its reason.</summary>
public sealed record Maatwerkverschil(string VariantCode, string Soort, string? Parameter, JsonElement? Oud, JsonElement? Nieuw, string Reden);

public sealed record Beeindiging(string Reden, string Toelichting, DateOnly Einddatum, DateTimeOffset Op);

/// <summary>Every event of an agreement's stream names the agreement.</summary>
public interface IAfspraakgebeurtenis
{
    Guid AfspraakId { get; }
}

public sealed record AfspraakOpgesteld(Guid AfspraakId, Werkgeverpartij Werkgever, string Arbeidsmarktregio, Afspraakinhoud Inhoud, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakOvergenomen(
    Guid AfspraakId, Werkgeverpartij Werkgever, string Arbeidsmarktregio, Afspraakinhoud Inhoud, Herkomst Herkomst,
    IReadOnlyList<Maatwerkverschil> Verschillen, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakOndertekend(Guid AfspraakId, Partij Partij, long InhoudVersie, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakGeactiveerd(Guid AfspraakId, DateOnly ActiefVanaf, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakGewijzigd(Guid AfspraakId, Afspraakinhoud Inhoud, string Reden, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record ResultatenGeregistreerd(Guid AfspraakId, string Periode, Resultaten Resultaten, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record ResultatenGecorrigeerd(Guid AfspraakId, string Periode, Resultaten Resultaten, string Reden, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakGeevalueerd(Guid AfspraakId, Partij Partij, Oordeel Oordeel, string Lessen, bool AanbevolenVoorHergebruik, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakVerlengd(Guid AfspraakId, DateOnly VorigeEinddatum, DateOnly NieuweEinddatum, string? Reden, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakBeeindigd(Guid AfspraakId, string Reden, string Toelichting, DateOnly Einddatum, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record AfspraakVerlopen(Guid AfspraakId, DateOnly Einddatum, DateTimeOffset Op) : IAfspraakgebeurtenis;

/// <summary>
/// The employer merged into another (its legal successor, rechtsopvolger): from <see cref="Datum"/> the successor is
/// the agreement's employer, and the agreement belongs to the successor's reference history, recording where it came from.
/// </summary>
public sealed record AfspraakOvergegaan(Guid AfspraakId, Werkgeverpartij Werkgever, Werkgeverpartij VorigeWerkgever, DateOnly Datum, DateTimeOffset Op)
    : IAfspraakgebeurtenis;

/// <summary>How many of the places of one line of the werkaanbod were filled in a quarter, beside how many were offered then.</summary>
public sealed record Vervulling(string Sector, string? Functie, string? VariantCode, int Aangeboden, int Vervuld);

/// <summary>The filled places of one quarter, counts only, like results.</summary>
public sealed record Periodevervulling(string Periode, IReadOnlyList<Vervulling> Regels, DateTimeOffset GeregistreerdOp, int Correcties);

/// <summary>How many offered places were filled in a quarter, per line of the werkaanbod (with the places offered then).</summary>
public sealed record VervullingGeregistreerd(Guid AfspraakId, string Periode, IReadOnlyList<Vervulling> Vervullingen, DateTimeOffset Op) : IAfspraakgebeurtenis;

public sealed record VervullingGecorrigeerd(Guid AfspraakId, string Periode, IReadOnlyList<Vervulling> Vervullingen, string Reden, DateTimeOffset Op)
    : IAfspraakgebeurtenis;

/// <summary>An employer the agreement had before it passed to its successor, and from when the successor holds it.</summary>
public sealed record Werkgeverovergang(Werkgeverpartij Werkgever, DateOnly Tot);

/// <summary>
/// A samenwerkingsafspraak between one employer and the public parties of one region. Immutable: every event gives
/// a new state. <see cref="InhoudVersie"/> is the stream version at which the current content was set; signatures
/// belong to that content, so an amendment asks every required party to sign again.
/// </summary>
public sealed record Samenwerkingsafspraak(
    Guid Id,
    Werkgeverpartij Werkgever,
    string Arbeidsmarktregio,
    Afspraakinhoud Inhoud,
    AfspraakStatus Status,
    long InhoudVersie,
    IReadOnlyList<Ondertekening> Ondertekeningen,
    DateOnly? ActiefVanaf,
    IReadOnlyList<Perioderesultaat> Resultaten,
    IReadOnlyList<Evaluatie> Evaluaties,
    Herkomst? Herkomst,
    IReadOnlyList<Maatwerkverschil> Maatwerkverschillen,
    Beeindiging? Beeindiging,
    DateOnly? VerlopenOp,
    DateTimeOffset OpgesteldOp,
    DateTimeOffset LaatstGewijzigdOp,
    long Version) : IAggregate<Samenwerkingsafspraak>
{
    // Derived from the content and the signatures on every read, so not stored: a quarter of the document's JSON
    // that every write would serialize and every read would send and parse only to throw away.
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Partij> VereisteOndertekenaars =>
        Inhoud.Regiopartijen.Where(p => p.Ondertekent).Select(p => new Partij(Partijrol.Regiopartij, p.Oin, p.Naam))
            .Prepend(new Partij(Partijrol.Werkgever, Werkgever.KvkNummer, Werkgever.Naam));

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Partij> OntbrekendeOndertekenaars => VereisteOndertekenaars.Where(p => !IsOndertekendDoor(p));

    /// <summary>The employers this agreement had before (after mergers), earliest first.</summary>
    public IReadOnlyList<Werkgeverovergang> VorigeWerkgevers { get; init; } = [];

    /// <summary>A signature of the employer's predecessor (before a merger) counts as the employer's: the successor takes over what it signed.</summary>
    public bool IsOndertekendDoor(Partij partij) =>
        Ondertekeningen.Any(o => o.Partij.Identificatie == partij.Identificatie
                                 || (partij.Rol == Partijrol.Werkgever && o.Partij.Rol == Partijrol.Werkgever
                                     && VorigeWerkgevers.Any(v => v.Werkgever.KvkNummer == o.Partij.Identificatie)));

    /// <summary>Filled places of the werkaanbod per quarter.</summary>
    public IReadOnlyList<Periodevervulling> Vervullingen { get; init; } = [];

    public bool IsVolledigOndertekend => !OntbrekendeOndertekenaars.Any();

    public bool IsAfgesloten => Status is AfspraakStatus.Beeindigd or AfspraakStatus.Verlopen;

    /// <summary>
    /// When the registry recorded that the agreement became active (the last required signature): unlike
    /// <see cref="ActiefVanaf"/>, the start date the parties chose, it cannot be set in the past.
    /// </summary>
    public DateTimeOffset? GeactiveerdOp { get; init; }

    /// <summary>The day the agreement stopped running: ended, expired, or else its end date.</summary>
    public DateOnly Einde => Beeindiging?.Einddatum ?? VerlopenOp ?? Inhoud.Looptijd.Einddatum;

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(AfspraakOpgesteld), typeof(AfspraakOvergenomen), typeof(AfspraakOndertekend), typeof(AfspraakGeactiveerd), typeof(AfspraakGewijzigd), typeof(ResultatenGeregistreerd), typeof(ResultatenGecorrigeerd), typeof(AfspraakGeevalueerd), typeof(AfspraakVerlengd), typeof(AfspraakBeeindigd), typeof(AfspraakVerlopen), typeof(AfspraakOvergegaan), typeof(VervullingGeregistreerd), typeof(VervullingGecorrigeerd)];

    /// <summary>The agreement's reference (<see cref="Referenties.ReferentieProjectie"/>, inline) changes with every event of its stream.</summary>
    public static void Voorladen(Marten.Services.BatchQuerying.IBatchedQuery batch, Guid id) => _ = batch.Load<Referenties.Referentie>(id);

    public static Samenwerkingsafspraak Evolueer(Samenwerkingsafspraak? a, object @event, long version) => (@event switch
    {
        AfspraakOpgesteld e => Nieuw(e.AfspraakId, e.Werkgever, e.Arbeidsmarktregio, e.Inhoud, null, [], e.Op),
        AfspraakOvergenomen e => Nieuw(e.AfspraakId, e.Werkgever, e.Arbeidsmarktregio, e.Inhoud, e.Herkomst, e.Verschillen, e.Op),
        AfspraakOndertekend e => a! with { Ondertekeningen = [.. a.Ondertekeningen, new Ondertekening(e.Partij, e.Op)], LaatstGewijzigdOp = e.Op },
        AfspraakGeactiveerd e => a! with { Status = AfspraakStatus.Actief, ActiefVanaf = e.ActiefVanaf, GeactiveerdOp = e.Op, LaatstGewijzigdOp = e.Op },
        AfspraakGewijzigd e => a! with { Inhoud = e.Inhoud, InhoudVersie = version, Ondertekeningen = [], LaatstGewijzigdOp = e.Op },
        ResultatenGeregistreerd e => a! with
        {
            Resultaten = [.. a.Resultaten, new Perioderesultaat(e.Periode, e.Resultaten, e.Op, 0)],
            LaatstGewijzigdOp = e.Op,
        },
        ResultatenGecorrigeerd e => a! with
        {
            Resultaten = a.Resultaten.Select(r => r.Periode == e.Periode
                ? r with { Resultaten = e.Resultaten, Correcties = r.Correcties + 1, GecorrigeerdOp = e.Op }
                : r).ToList(),
            LaatstGewijzigdOp = e.Op,
        },
        AfspraakGeevalueerd e => a! with
        {
            Evaluaties = [.. a.Evaluaties, new Evaluatie(e.Partij, e.Oordeel, e.Lessen, e.AanbevolenVoorHergebruik, e.Op)],
            LaatstGewijzigdOp = e.Op,
        },
        AfspraakVerlengd e => a! with { Inhoud = a.Inhoud with { Looptijd = a.Inhoud.Looptijd with { Einddatum = e.NieuweEinddatum } }, LaatstGewijzigdOp = e.Op },
        AfspraakBeeindigd e => a! with
        {
            Status = AfspraakStatus.Beeindigd,
            Beeindiging = new Beeindiging(e.Reden, e.Toelichting, e.Einddatum, e.Op),
            LaatstGewijzigdOp = e.Op,
        },
        AfspraakVerlopen e => a! with { Status = AfspraakStatus.Verlopen, VerlopenOp = e.Einddatum, LaatstGewijzigdOp = e.Op },
        AfspraakOvergegaan e => a! with
        {
            Werkgever = e.Werkgever, VorigeWerkgevers = [.. a.VorigeWerkgevers, new Werkgeverovergang(e.VorigeWerkgever, e.Datum)], LaatstGewijzigdOp = e.Op,
        },
        VervullingGeregistreerd e => a! with
        {
            Vervullingen = [.. a.Vervullingen, new Periodevervulling(e.Periode, e.Vervullingen, e.Op, 0)], LaatstGewijzigdOp = e.Op,
        },
        VervullingGecorrigeerd e => a! with
        {
            Vervullingen = a.Vervullingen.Select(v => v.Periode == e.Periode ? v with { Regels = e.Vervullingen, Correcties = v.Correcties + 1 } : v).ToList(),
            LaatstGewijzigdOp = e.Op,
        },
        _ => a!,
    }) with { Version = version };

    private static Samenwerkingsafspraak Nieuw(Guid id, Werkgeverpartij werkgever, string regio, Afspraakinhoud inhoud, Herkomst? herkomst,
        IReadOnlyList<Maatwerkverschil> verschillen, DateTimeOffset op) =>
        new(id, werkgever, regio, inhoud, AfspraakStatus.Concept, 1, [], null, [], [], herkomst, verschillen, null, null, op, op, 0);
}
