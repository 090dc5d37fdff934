using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Afspraken.Importeren;

/// <summary>A cell as the file holds it: its text, and for a number in an Excel cell also the number (a date is a number there).</summary>
public sealed record Importcel(string Tekst, double? Getal = null)
{
    public bool IsLeeg => string.IsNullOrWhiteSpace(Tekst);
}

/// <summary>One row of the file with its row number as a spreadsheet shows it (the header is row 1), its cells by column name.</summary>
public sealed record Importrij(int Regel, IReadOnlyDictionary<string, Importcel> Cellen)
{
    public Importcel Cel(string kolom) => Cellen.TryGetValue(kolom, out var cel) ? cel : Leeg;

    private static readonly Importcel Leeg = new("");
}

public enum Importformaat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads an import file, CSV (comma, semicolon or tab; UTF-8) or XLSX (the first sheet), into rows by the template's
/// column names. Every problem with the file's shape is reported at once: unknown, doubled or missing columns, too
/// many rows, a file that is not what it says it is. The cells themselves are checked later, per row and column.
/// </summary>
public static class Importbestand
{
    public const int MaximaalAantalRijen = 500;
    public const int MaximaleCeltekst = 8_000;
    public const long MaximaleTekstPerDeel = 64L * 1024 * 1024;

    public static (IReadOnlyList<Importrij> Rijen, IReadOnlyList<OngeldigeParameter> Fouten) Lees(byte[] inhoud, Importformaat formaat)
    {
        try
        {
            var (koppen, rijen) = formaat == Importformaat.Csv ? LeesCsv(inhoud) : LeesXlsx(inhoud);
            return Vorm(koppen, rijen);
        }
        catch (Exception fout) when (fout is CsvFormatException or OpenXmlPackageException or FileFormatException or InvalidDataException
                                         or InvalidOperationException or System.Xml.XmlException or ArgumentException or FormatException)
        {
            return ([], [new OngeldigeParameter("bestand", "ongeldig-formaat",
                formaat == Importformaat.Csv ? "Het bestand is geen leesbare CSV." : "Het bestand is geen leesbaar Excel-bestand (xlsx).")]);
        }
    }

    private static (IReadOnlyList<Importrij>, IReadOnlyList<OngeldigeParameter>) Vorm(IReadOnlyList<string> koppen,
        IReadOnlyList<(int Regel, IReadOnlyList<Importcel> Cellen)> rijen)
    {
        var fouten = new List<OngeldigeParameter>();
        if (koppen.All(string.IsNullOrWhiteSpace)) return ([], [new OngeldigeParameter("bestand", "leeg", "Het bestand heeft geen kopregel.")]);

        var kolommen = new List<string?>();
        var gezien = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kop in koppen.Select(k => k.Trim().TrimStart('\uFEFF')))
        {
            if (kop.Length == 0)
            {
                kolommen.Add(null);
                continue;
            }

            if (Importkolommen.Vind(kop) is not { } kolom)
            {
                fouten.Add(new OngeldigeParameter($"bestand.{Kort(kop)}", "onbekende-kolom",
                    $"De kolom '{Kort(kop)}' staat niet in het sjabloon (GET /v1/importsjabloon). Let op de spelling."));
                kolommen.Add(null);
                continue;
            }

            if (!gezien.Add(kolom.Naam)) fouten.Add(new OngeldigeParameter($"bestand.{kolom.Naam}", "dubbel", $"De kolom '{kolom.Naam}' staat er meer dan eens."));
            kolommen.Add(kolom.Naam);
        }

        foreach (var ontbrekend in Importkolommen.Alle.Where(k => k.Verplicht && !gezien.Contains(k.Naam)))
        {
            fouten.Add(new OngeldigeParameter($"bestand.{ontbrekend.Naam}", "kolom-ontbreekt", $"De kolom '{ontbrekend.Naam}' ontbreekt: {ontbrekend.Omschrijving}"));
        }

        var gevuld = rijen.Where(r => r.Cellen.Any(c => !c.IsLeeg)).ToList();
        if (gevuld.Count == 0) fouten.Add(new OngeldigeParameter("bestand", "geen-regels", "Het bestand bevat geen afspraken."));
        if (gevuld.Count > MaximaalAantalRijen)
            fouten.Add(new OngeldigeParameter("bestand", "te-groot", $"Ten hoogste {MaximaalAantalRijen} afspraken per bestand: verdeel ze over meer bestanden."));
        if (fouten.Count > 0) return ([], fouten);

        var resultaat = gevuld.Select(r =>
        {
            var cellen = new Dictionary<string, Importcel>(StringComparer.Ordinal);
            for (var i = 0; i < r.Cellen.Count && i < kolommen.Count; i++)
            {
                if (kolommen[i] is { } naam) cellen[naam] = r.Cellen[i];
            }

            return new Importrij(r.Regel, cellen);
        }).ToList();
        var teLang = resultaat.SelectMany(r => r.Cellen.Where(c => c.Value.Tekst.Length > MaximaleCeltekst)
            .Select(c => new OngeldigeParameter($"regels[{r.Regel}].{c.Key}", "te-lang", $"Een cel is ten hoogste {MaximaleCeltekst} tekens."))).ToList();

        // A cell holds text like any field: no control or bidi characters (a spreadsheet's cells are not checked at the edge).
        teLang.AddRange(resultaat.SelectMany(r => r.Cellen.Select(c => Tekstregels.Controleer($"regels[{r.Regel}].{c.Key}", c.Value.Tekst,
            Tekstregels.Meerregelig.Contains(c.Key), int.MaxValue)).OfType<OngeldigeParameter>()));
        return teLang.Count > 0 ? ([], teLang) : (resultaat, []);
    }

    /// <summary>
    /// Spaces (also the no-break space a spreadsheet pastes) around a cell's text go; a control character does not
    /// vanish with them (string.Trim would drop U+0085 as white space), so the text rules still see and refuse it.
    /// </summary>
    private static string Bijgesneden(string tekst) => tekst.Trim(' ', '\u00A0');

    private static string Kort(string tekst) => tekst.Length > 60 ? tekst[..60] : tekst;

    private static (IReadOnlyList<string>, IReadOnlyList<(int, IReadOnlyList<Importcel>)>) LeesCsv(byte[] inhoud)
    {
        var tekst = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(inhoud).TrimStart('\uFEFF');
        using var csv = CsvReader.Create(new StringReader(tekst), CsvReaderOptions.Default with { TrimWhitespace = true, HasHeader = false });
        var rijen = new List<(int, IReadOnlyList<Importcel>)>();
        IReadOnlyList<string>? koppen = null;
        var regel = 0;
        while (csv.Read())
        {
            regel++;
            var velden = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList();
            if (koppen is null)
            {
                koppen = velden;
                continue;
            }

            var cellen = velden.Select(v => new Importcel(Bijgesneden(v))).ToList();
            if (cellen.All(c => c.IsLeeg)) continue;
            rijen.Add((regel, cellen));
            if (rijen.Count > MaximaalAantalRijen) break;
        }

        return (koppen ?? [], rijen);
    }

    /// <summary>
    /// The first sheet, read as a stream of rows (OpenXmlReader), so a large or inflated file is never held whole;
    /// reading stops after the row limit.
    /// </summary>
    private static (IReadOnlyList<string>, IReadOnlyList<(int, IReadOnlyList<Importcel>)>) LeesXlsx(byte[] inhoud)
    {
        using var stroom = new MemoryStream(inhoud, writable: false);
        // A few megabytes of zip can inflate to gigabytes of XML: no part may grow beyond what 500 rows could need.
        using var document = SpreadsheetDocument.Open(stroom, false, new OpenSettings { MaxCharactersInPart = MaximaleTekstPerDeel });
        var werkboek = document.WorkbookPart ?? throw new InvalidDataException("Geen werkboek.");
        var eerste = werkboek.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Geen werkblad.");
        var blad = (WorksheetPart)werkboek.GetPartById(eerste.Id!.Value!);
        var gedeeld = werkboek.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        IReadOnlyList<string>? koppen = null;
        var rijen = new List<(int, IReadOnlyList<Importcel>)>();
        using var lezer = OpenXmlReader.Create(blad);
        while (lezer.Read())
        {
            if (lezer.ElementType != typeof(Row) || !lezer.IsStartElement) continue;
            var rij = (Row)lezer.LoadCurrentElement()!;
            var nummer = (int)(rij.RowIndex?.Value ?? (uint)(rijen.Count + (koppen is null ? 1 : 2)));
            var cellen = new List<Importcel>();
            foreach (var cel in rij.Elements<Cell>())
            {
                var kolom = cel.CellReference?.Value is { } referentie ? Kolomindex(referentie) : cellen.Count;
                while (cellen.Count < kolom) cellen.Add(new Importcel(""));
                cellen.Add(Waarde(cel, gedeeld));
            }

            if (koppen is null)
            {
                koppen = cellen.Select(c => c.Tekst).ToList();
                continue;
            }

            if (cellen.All(c => c.IsLeeg)) continue;
            rijen.Add((nummer, cellen));
            if (rijen.Count > MaximaalAantalRijen) break;
        }

        return (koppen ?? [], rijen);
    }

    private static Importcel Waarde(Cell cel, IReadOnlyList<string> gedeeld)
    {
        var ruw = cel.CellValue?.Text ?? cel.InlineString?.InnerText ?? "";
        var soort = cel.DataType?.Value;
        if (soort == CellValues.SharedString)
            return new Importcel(int.TryParse(ruw, out var i) && i >= 0 && i < gedeeld.Count ? Bijgesneden(gedeeld[i]) : "");
        if (soort == CellValues.InlineString || soort == CellValues.String) return new Importcel(Bijgesneden(cel.InlineString?.InnerText ?? ruw));
        if (soort == CellValues.Boolean) return new Importcel(ruw == "1" ? "ja" : "nee");
        if (soort == CellValues.Error) return new Importcel("");
        return double.TryParse(ruw, NumberStyles.Float, CultureInfo.InvariantCulture, out var getal)
            ? new Importcel(getal.ToString(CultureInfo.InvariantCulture), getal)
            : new Importcel(Bijgesneden(ruw));
    }

    /// <summary>"C5" → 2; "AA10" → 26.</summary>
    private static int Kolomindex(string referentie)
    {
        var index = 0;
        foreach (var teken in referentie.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(teken) - 'A' + 1);
            if (index > 16_384) throw new InvalidDataException("Kolom buiten Excel.");
        }

        return index - 1;
    }
}
