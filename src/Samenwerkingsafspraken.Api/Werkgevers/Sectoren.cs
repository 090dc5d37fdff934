namespace Samenwerkingsafspraken.Werkgevers;

public sealed record Sector(string Code, string Naam, Werkgeversoort Soort);

/// <summary>
/// The sectors employers are grouped by, so that the variant matrix compares like with like. The public sectors
/// are those of the public employers' agreement (VSO); the private ones a coarse grouping of the SBI sections.
/// </summary>
public static class Sectoren
{
    public static readonly IReadOnlyList<Sector> Alle =
    [
        new("landbouw", "Landbouw, bosbouw en visserij", Werkgeversoort.Privaat),
        new("industrie", "Industrie", Werkgeversoort.Privaat),
        new("energie", "Energie- en watervoorziening", Werkgeversoort.Privaat),
        new("bouw", "Bouw", Werkgeversoort.Privaat),
        new("handel", "Groot- en detailhandel", Werkgeversoort.Privaat),
        new("logistiek", "Vervoer en opslag", Werkgeversoort.Privaat),
        new("horeca", "Horeca", Werkgeversoort.Privaat),
        new("ict", "Informatie en communicatie", Werkgeversoort.Privaat),
        new("financiele-dienstverlening", "Financiële dienstverlening", Werkgeversoort.Privaat),
        new("zakelijke-dienstverlening", "Zakelijke dienstverlening", Werkgeversoort.Privaat),
        new("schoonmaak-en-facilitair", "Schoonmaak en facilitaire dienstverlening", Werkgeversoort.Privaat),
        new("zorg-en-welzijn", "Zorg en welzijn", Werkgeversoort.Privaat),
        new("cultuur-en-recreatie", "Cultuur, sport en recreatie", Werkgeversoort.Privaat),
        new("overig-privaat", "Overige private sectoren", Werkgeversoort.Privaat),
        new("gemeenten", "Gemeenten", Werkgeversoort.Publiek),
        new("provincies", "Provincies", Werkgeversoort.Publiek),
        new("waterschappen", "Waterschappen", Werkgeversoort.Publiek),
        new("rijk", "Rijksoverheid", Werkgeversoort.Publiek),
        new("defensie", "Defensie", Werkgeversoort.Publiek),
        new("politie", "Politie", Werkgeversoort.Publiek),
        new("rechterlijke-macht", "Rechterlijke macht", Werkgeversoort.Publiek),
        new("primair-onderwijs", "Primair onderwijs", Werkgeversoort.Publiek),
        new("voortgezet-onderwijs", "Voortgezet onderwijs", Werkgeversoort.Publiek),
        new("mbo", "Middelbaar beroepsonderwijs", Werkgeversoort.Publiek),
        new("hbo", "Hoger beroepsonderwijs", Werkgeversoort.Publiek),
        new("wo", "Wetenschappelijk onderwijs", Werkgeversoort.Publiek),
        new("umc", "Universitair medische centra", Werkgeversoort.Publiek),
        new("overig-publiek", "Overige publieke werkgevers", Werkgeversoort.Publiek),
    ];

    private static readonly Dictionary<string, Sector> PerCode = Alle.ToDictionary(s => s.Code);

    public static Sector? Vind(string? code) => code is not null && PerCode.TryGetValue(code, out var sector) ? sector : null;
}
