namespace Samenwerkingsafspraken.Afspraken;

public sealed record WerkgeverpartijWeergave(string KvkNummer, string Naam, string Sector, Werkgevers.Werkgeversoort Soort, string? Contactrol);

public sealed record OndertekeningWeergave(
    long InhoudVersie, bool Volledig, IReadOnlyList<Partij> Vereist, IReadOnlyList<Ondertekening> Gezet, IReadOnlyList<Partij> Ontbrekend);

public sealed record ResultatenWeergave(IReadOnlyList<Perioderesultaat> Perioden, Realisatie Realisatie);

/// <summary>An agreement as the API shows it: its content, signatures, results against targets and evaluations.</summary>
public sealed record SamenwerkingsafspraakWeergave(
    Guid Id,
    long Versie,
    AfspraakStatus Status,
    string Titel,
    WerkgeverpartijWeergave Werkgever,
    string Arbeidsmarktregio,
    IReadOnlyList<Regiopartij> Regiopartijen,
    IReadOnlyList<Werkafspraak> Werkafspraken,
    IReadOnlyList<Doelgroep> Doelgroepen,
    IReadOnlyList<string> Beroepen,
    Doelstellingen Doelstellingen,
    Looptijd Looptijd,
    OndertekeningWeergave Ondertekening,
    DateOnly? ActiefVanaf,
    ResultatenWeergave Resultaten,
    IReadOnlyList<Evaluatie> Evaluaties,
    Herkomst? Herkomst,
    IReadOnlyList<Maatwerkverschil> Maatwerkverschillen,
    Beeindiging? Beeindiging,
    DateOnly? VerlopenOp,
    DateTimeOffset OpgesteldOp,
    DateTimeOffset LaatstGewijzigdOp)
{
    /// <summary>The employers it had before it passed to the current one (a merger), with the date it passed on.</summary>
    public IReadOnlyList<Werkgeverovergang> VorigeWerkgevers { get; init; } = [];

    /// <summary>When its region has ended: from when, and the region(s) that took over.</summary>
    public Regioopheffing? ArbeidsmarktregioOpgeheven { get; init; }

    /// <summary>The work offered: places per sector (and function), through which variant, from when.</summary>
    public IReadOnlyList<Werkaanbodregel> Werkaanbod { get; init; } = [];

    /// <summary>How many offered places were filled, per quarter (oldest first).</summary>
    public IReadOnlyList<Periodevervulling> Vervullingen { get; init; } = [];

    public static SamenwerkingsafspraakWeergave Van(Samenwerkingsafspraak a) => new(
        a.Id,
        a.Version,
        a.Status,
        a.Inhoud.Titel,
        new WerkgeverpartijWeergave(a.Werkgever.KvkNummer, a.Werkgever.Naam, a.Werkgever.Sector, a.Werkgever.Soort, a.Inhoud.WerkgeverContactrol),
        a.Arbeidsmarktregio,
        a.Inhoud.Regiopartijen,
        a.Inhoud.Werkafspraken,
        a.Inhoud.Doelgroepen,
        a.Inhoud.Beroepen,
        a.Inhoud.Doelstellingen,
        a.Inhoud.Looptijd,
        new OndertekeningWeergave(a.InhoudVersie, a.IsVolledigOndertekend, a.VereisteOndertekenaars.ToList(), a.Ondertekeningen,
            a.OntbrekendeOndertekenaars.ToList()),
        a.ActiefVanaf,
        new ResultatenWeergave(a.Resultaten.OrderBy(r => r.Periode, StringComparer.Ordinal).ToList(), Realisatie.Van(a)),
        a.Evaluaties,
        a.Herkomst,
        a.Maatwerkverschillen,
        a.Beeindiging,
        a.VerlopenOp,
        a.OpgesteldOp,
        a.LaatstGewijzigdOp)
    {
        VorigeWerkgevers = a.VorigeWerkgevers,
        Werkaanbod = a.Inhoud.Werkaanbod,
        Vervullingen = a.Vervullingen.OrderBy(v => v.Periode, StringComparer.Ordinal).ToList(),
    };
}

public sealed record Regioopheffing(DateOnly GeldigTot, IReadOnlyList<string> Opvolgers);
