namespace Samenwerkingsafspraken.Gemeenten;

/// <summary>The twelve provinces with their CBS codes, as in CBS "Gebieden in Nederland 2026".</summary>
public static class Provincies
{
    public static readonly IReadOnlyList<Provincie> Alle =
    [
        new("PV20", "Groningen"), new("PV21", "Fryslân"), new("PV22", "Drenthe"), new("PV23", "Overijssel"),
        new("PV24", "Flevoland"), new("PV25", "Gelderland"), new("PV26", "Utrecht"), new("PV27", "Noord-Holland"),
        new("PV28", "Zuid-Holland"), new("PV29", "Zeeland"), new("PV30", "Noord-Brabant"), new("PV31", "Limburg"),
    ];

    public static Provincie? Vind(string? code) => Alle.FirstOrDefault(p => p.Code == code);
}
