using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Hergebruik;

public enum Verzoekstatus
{
    Open,
    Geaccepteerd,
    Afgewezen,
    Ingetrokken,
}

/// <summary>A local change the employer proposes for a werkafspraak, or that the region makes when it accepts.</summary>
public sealed record Maatwerkvoorstel(
    string VariantCode, string Soort, string? Parameter, JsonElement? Waarde, IReadOnlyDictionary<string, JsonElement>? Parameters, string? Maatwerk, string Reden);

public sealed record HergebruikVerzocht(
    Guid VerzoekId,
    Guid BronAfspraakId,
    long BronVersie,
    string BronArbeidsmarktregio,
    string KvkNummer,
    string Werkgevernaam,
    string Titel,
    string DoelArbeidsmarktregio,
    string? Toelichting,
    IReadOnlyList<Maatwerkvoorstel> VoorgesteldMaatwerk,
    DateTimeOffset Op);

public sealed record HergebruikGeaccepteerd(Guid VerzoekId, Guid NieuweAfspraakId, IReadOnlyList<Maatwerkverschil> Verschillen, Partij Door, DateTimeOffset Op);

public sealed record HergebruikAfgewezen(Guid VerzoekId, string Reden, string Toelichting, Partij Door, DateTimeOffset Op);

public sealed record HergebruikIngetrokken(Guid VerzoekId, string? Toelichting, DateTimeOffset Op);

/// <summary>
/// An employer asks another region to adopt one of its proven agreements. The region accepts it (as it is, or with
/// maatwerk), or declines it with a reason; the employer may withdraw it while it is open. The time it waits for a
/// decision is measured from the request to the decision.
/// </summary>
public sealed record Hergebruikverzoek(
    Guid Id,
    Guid BronAfspraakId,
    long BronVersie,
    string BronArbeidsmarktregio,
    string KvkNummer,
    string Werkgevernaam,
    string Titel,
    string DoelArbeidsmarktregio,
    string? Toelichting,
    IReadOnlyList<Maatwerkvoorstel> VoorgesteldMaatwerk,
    Verzoekstatus Status,
    DateTimeOffset VerzochtOp,
    DateTimeOffset? BeslistOp,
    Guid? NieuweAfspraakId,
    IReadOnlyList<Maatwerkverschil> Verschillen,
    string? Afwijzingsreden,
    string? Besluittoelichting,
    Partij? BeslistDoor,
    long Version) : IAggregate<Hergebruikverzoek>
{
    /// <summary>Unique among open requests (a unique index): one open request per agreement and region, even under races.</summary>
    public string? OpenSleutel => Status == Verzoekstatus.Open ? $"{BronAfspraakId}|{DoelArbeidsmarktregio}" : null;

    public bool IsOpen => Status == Verzoekstatus.Open;

    /// <summary>How long the request waited for a decision; open requests are measured at read time.</summary>
    public TimeSpan? Wachttijd => BeslistOp - VerzochtOp;

    public static IReadOnlyList<Type> Gebeurtenistypen { get; } =
        [typeof(HergebruikVerzocht), typeof(HergebruikGeaccepteerd), typeof(HergebruikAfgewezen), typeof(HergebruikIngetrokken)];

    public static Hergebruikverzoek Evolueer(Hergebruikverzoek? v, object @event, long version) => (@event switch
    {
        HergebruikVerzocht e => new Hergebruikverzoek(e.VerzoekId, e.BronAfspraakId, e.BronVersie, e.BronArbeidsmarktregio, e.KvkNummer, e.Werkgevernaam,
            e.Titel, e.DoelArbeidsmarktregio, e.Toelichting, e.VoorgesteldMaatwerk, Verzoekstatus.Open, e.Op, null, null, [], null, null, null, 0),
        HergebruikGeaccepteerd e => v! with
        {
            Status = Verzoekstatus.Geaccepteerd, BeslistOp = e.Op, NieuweAfspraakId = e.NieuweAfspraakId, Verschillen = e.Verschillen, BeslistDoor = e.Door,
        },
        HergebruikAfgewezen e => v! with
        {
            Status = Verzoekstatus.Afgewezen, BeslistOp = e.Op, Afwijzingsreden = e.Reden, Besluittoelichting = e.Toelichting, BeslistDoor = e.Door,
        },
        HergebruikIngetrokken e => v! with { Status = Verzoekstatus.Ingetrokken, Besluittoelichting = e.Toelichting },
        _ => v!,
    }) with { Version = version };
}
