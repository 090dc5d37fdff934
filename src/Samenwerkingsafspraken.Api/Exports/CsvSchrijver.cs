using System.Globalization;
using CsvHelper;
using Samenwerkingsafspraken.Infrastructure;

namespace Samenwerkingsafspraken.Exports;

/// <summary>
/// CSV as Dutch Excel opens it with a double click and as any tool reads it: semicolon-separated (Excel with Dutch
/// regional settings expects ';' because ',' is its decimal separator), UTF-8 with a byte order mark (without it
/// Excel reads ë and é as Windows-1252), CRLF line ends and RFC 4180 quoting. Values are culture-free: numbers with
/// a decimal point and no thousands separator, dates as yyyy-MM-dd, moments in Dutch time with their offset.
/// </summary>
public static class CsvSchrijver
{
    public const string Getalformaat = "0.############################";
    public const string Datumformaat = "yyyy-MM-dd";
    public const string Tijdstipformaat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static readonly CsvWriterOptions Opties = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        // A title such as "=HYPERLINK(…)" must stay text when an auditor opens the file (OWASP: CSV injection). It
        // applies to text only, so a negative number stays a number.
        Injection = CsvInjection.Escape,
    };

    public static byte[] Schrijf<T>(Exportdefinitie<T> definitie, IEnumerable<T> rijen)
    {
        using var stroom = new MemoryStream();
        using (var csv = CsvWriter.Create(stroom, Opties, leaveOpen: true))
        {
            foreach (var kolom in definitie.Kolommen) csv.WriteField(kolom.Kop);
            csv.EndRecord();
            foreach (var rij in rijen)
            {
                foreach (var kolom in definitie.Kolommen) Schrijf(csv, kolom.Soort, kolom.Waarde(rij));
                csv.EndRecord();
            }
        }

        return stroom.ToArray();
    }

    private static void Schrijf(CsvWriter csv, Celsoort soort, object? waarde)
    {
        switch (waarde)
        {
            case null: csv.WriteField((string?)null); break;
            case string tekst: csv.WriteField(tekst); break;
            case decimal getal: csv.WriteField(getal, Getalformaat); break;
            case DateOnly datum: csv.WriteField(datum, Datumformaat); break;
            case DateTimeOffset moment: csv.WriteField(TimeZoneInfo.ConvertTime(moment, Klok.Nederland), Tijdstipformaat); break;
            case bool jaNee: csv.WriteField(jaNee ? "ja" : "nee"); break;
            default: throw new InvalidOperationException($"Een {soort}-kolom kreeg een {waarde.GetType().Name}.");
        }
    }
}
