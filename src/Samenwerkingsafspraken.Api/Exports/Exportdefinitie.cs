namespace Samenwerkingsafspraken.Exports;

/// <summary>What kind of value a column holds; it decides how CSV formats it and which cell type XLSX gives it.</summary>
public enum Celsoort
{
    Tekst,
    Getal,
    Datum,
    Tijdstip,
    JaNee,
}

public sealed record Kolom<T>(string Kop, Celsoort Soort, Func<T, object?> Waarde);

/// <summary>
/// The columns of one export: a Dutch header and a typed value per row. The typed methods are the only way in, so a
/// column's values always match its kind. Immutable (each method returns a new definition), so one definition in a
/// static field serves every request. Hand it to <see cref="Export.Bestand{T}"/>.
/// </summary>
public sealed class Exportdefinitie<T>
{
    /// <summary>Excel's limits for a sheet name.</summary>
    private static readonly char[] VerbodenInBladnaam = ['[', ']', ':', '*', '?', '/', '\\'];

    private readonly IReadOnlyList<Kolom<T>> _kolommen;

    public Exportdefinitie(string bladnaam) : this(bladnaam, [])
    {
    }

    private Exportdefinitie(string bladnaam, IReadOnlyList<Kolom<T>> kolommen)
    {
        if (string.IsNullOrWhiteSpace(bladnaam) || bladnaam.Length > 31 || bladnaam.IndexOfAny(VerbodenInBladnaam) >= 0 || bladnaam.StartsWith('\''))
            throw new ArgumentException($"'{bladnaam}' is geen geldige bladnaam: 1 tot 31 tekens, zonder [ ] : * ? / \\ en niet beginnend met '.",
                nameof(bladnaam));
        Bladnaam = bladnaam;
        _kolommen = kolommen;
    }

    public string Bladnaam { get; }

    public IReadOnlyList<Kolom<T>> Kolommen => _kolommen;

    public Exportdefinitie<T> Tekst(string kop, Func<T, string?> waarde) => Voeg(kop, Celsoort.Tekst, r => waarde(r));

    /// <summary>Several values in one cell, joined with ", " (codes, region codes).</summary>
    public Exportdefinitie<T> Lijst(string kop, Func<T, IEnumerable<string>> waarden) =>
        Voeg(kop, Celsoort.Tekst, r => string.Join(", ", waarden(r)));

    public Exportdefinitie<T> Getal(string kop, Func<T, decimal?> waarde) => Voeg(kop, Celsoort.Getal, r => waarde(r));

    public Exportdefinitie<T> Datum(string kop, Func<T, DateOnly?> waarde) => Voeg(kop, Celsoort.Datum, r => waarde(r));

    /// <summary>A moment; written in Dutch time (CSV with its offset, XLSX without: Excel has no time zones).</summary>
    public Exportdefinitie<T> Tijdstip(string kop, Func<T, DateTimeOffset?> waarde) => Voeg(kop, Celsoort.Tijdstip, r => waarde(r));

    /// <summary>Written as the words "ja" and "nee": readable and filterable in both formats, unlike TRUE/WAAR.</summary>
    public Exportdefinitie<T> JaNee(string kop, Func<T, bool?> waarde) => Voeg(kop, Celsoort.JaNee, r => waarde(r));

    private Exportdefinitie<T> Voeg(string kop, Celsoort soort, Func<T, object?> waarde)
    {
        if (string.IsNullOrWhiteSpace(kop)) throw new ArgumentException("Elke kolom heeft een kop.", nameof(kop));
        if (_kolommen.Any(k => k.Kop == kop)) throw new ArgumentException($"De kolom '{kop}' bestaat al.", nameof(kop));
        return new Exportdefinitie<T>(Bladnaam, [.. _kolommen, new Kolom<T>(kop, soort, waarde)]);
    }
}
