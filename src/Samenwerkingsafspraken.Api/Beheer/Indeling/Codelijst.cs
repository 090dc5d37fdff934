namespace Samenwerkingsafspraken.Beheer.Indeling;

/// <summary>A list of codes as a beheerder types it in one field: separated by commas, spaces or new lines, in capitals.</summary>
public static class Codelijst
{
    public static IReadOnlyList<string>? Lees(string? tekst) =>
        string.IsNullOrWhiteSpace(tekst)
            ? null
            : tekst.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToList();

    public static string Tekst(IEnumerable<string> codes) => string.Join(", ", codes);
}
