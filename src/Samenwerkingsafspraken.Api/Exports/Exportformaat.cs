using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Exports;

public enum Exportformaat
{
    Csv,
    Xlsx,
}

public static class Exportformaten
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Reads the required query key <c>formaat</c>. By name only: Enum.TryParse would also take "0" or "1", and a
    /// client that sends those has made a mistake worth telling.
    /// </summary>
    public static OngeldigeParameter? Lees(string? waarde, out Exportformaat formaat)
    {
        formaat = Exportformaat.Csv;
        if (string.IsNullOrWhiteSpace(waarde))
            return new OngeldigeParameter("formaat", "verplicht", "Kies het formaat van de export: formaat=csv of formaat=xlsx.");
        if (string.Equals(waarde, "csv", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.Equals(waarde, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            formaat = Exportformaat.Xlsx;
            return null;
        }

        return new OngeldigeParameter("formaat", "onbekende-waarde", "Het formaat is csv of xlsx.");
    }

    public static string ContentType(this Exportformaat formaat) => formaat == Exportformaat.Csv ? CsvType : XlsxType;

    public static string Extensie(this Exportformaat formaat) => formaat == Exportformaat.Csv ? "csv" : "xlsx";
}
