using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Hergebruik;

public sealed record Bronverwijzing(Guid AfspraakId, long Versie, string Arbeidsmarktregio, string Titel);

public sealed record Afwijzing(string Reden, string Toelichting);

public sealed record HergebruikverzoekWeergave(
    Guid Id,
    long Versie,
    Verzoekstatus Status,
    Bronverwijzing Bron,
    string KvkNummer,
    string Werkgevernaam,
    string DoelArbeidsmarktregio,
    string? Toelichting,
    IReadOnlyList<Maatwerkvoorstel> VoorgesteldMaatwerk,
    DateTimeOffset VerzochtOp,
    DateTimeOffset? BeslistOp,
    decimal WachttijdInDagen,
    Guid? NieuweAfspraakId,
    IReadOnlyList<Maatwerkverschil> Verschillen,
    Afwijzing? Afwijzing,
    Partij? BeslistDoor)
{
    /// <summary>Open requests wait until now; decided ones waited until their decision; withdrawn ones until they were withdrawn.</summary>
    public static HergebruikverzoekWeergave Van(Hergebruikverzoek v, DateTimeOffset nu) => new(
        v.Id, v.Version, v.Status, new Bronverwijzing(v.BronAfspraakId, v.BronVersie, v.BronArbeidsmarktregio, v.Titel), v.KvkNummer, v.Werkgevernaam,
        v.DoelArbeidsmarktregio, v.Toelichting, v.VoorgesteldMaatwerk, v.VerzochtOp, v.BeslistOp,
        Math.Round((decimal)((v.BeslistOp ?? (v.IsOpen ? nu : v.VerzochtOp)) - v.VerzochtOp).TotalDays, 2),
        v.NieuweAfspraakId, v.Verschillen,
        v.Afwijzingsreden is null ? null : new Afwijzing(v.Afwijzingsreden, v.Besluittoelichting ?? ""),
        v.BeslistDoor);
}

public static class HergebruikToegang
{
    /// <summary>The employer that asked, the parties of the region it asked, and auditors.</summary>
    public static bool MagLezen(Infrastructure.Security.Gebruiker gebruiker, Hergebruikverzoek verzoek) =>
        gebruiker.IsAuditor || gebruiker.IsWerkgeverVan(verzoek.KvkNummer) || gebruiker.IsRegiopartijVan(verzoek.DoelArbeidsmarktregio);
}
