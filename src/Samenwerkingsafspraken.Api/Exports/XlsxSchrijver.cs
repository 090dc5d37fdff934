using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samenwerkingsafspraken.Infrastructure;

namespace Samenwerkingsafspraken.Exports;

/// <summary>
/// An Excel workbook with one sheet: a bold, frozen header row, then one row per item with typed cells (numbers as
/// numbers, dates as dates with an ISO format, text as text, so KvK-nummers keep their leading zero). Written with
/// the Open XML SDK's streaming writer rather than ClosedXML: ClosedXML 0.95 holds the whole sheet as objects
/// (measured: 10 000 rows of 16 columns took 3 to 12 s and 180 MB) and its column autofit needs GDI+, which Linux
/// hosts lack. Column widths are therefore estimated from the text length.
/// </summary>
public static class XlsxSchrijver
{
    /// <summary>Excel refuses (asks to "repair") a cell with more characters than this.</summary>
    public const int MaximaleCeltekst = 32_767;

    private const uint StijlKop = 1;
    private const uint StijlDatum = 2;
    private const uint StijlTijdstip = 3;

    public static byte[] Schrijf<T>(Exportdefinitie<T> definitie, IReadOnlyList<T> rijen)
    {
        using var stroom = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stroom, SpreadsheetDocumentType.Workbook))
        {
            var werkboek = document.AddWorkbookPart();
            werkboek.AddNewPart<WorkbookStylesPart>().Stylesheet = Stijlen();
            var blad = werkboek.AddNewPart<WorksheetPart>();
            using (var schrijver = OpenXmlWriter.Create(blad))
            {
                schrijver.WriteStartElement(new Worksheet());
                schrijver.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                {
                    WorkbookViewId = 0U,
                }));
                schrijver.WriteElement(Kolombreedtes(definitie, rijen));
                schrijver.WriteStartElement(new SheetData());

                schrijver.WriteStartElement(new Row { RowIndex = 1U });
                for (var k = 0; k < definitie.Kolommen.Count; k++)
                {
                    schrijver.WriteElement(TekstCel(Referentie(k, 1), definitie.Kolommen[k].Kop, StijlKop));
                }

                schrijver.WriteEndElement();

                var rijnummer = 1U;
                foreach (var rij in rijen)
                {
                    rijnummer++;
                    schrijver.WriteStartElement(new Row { RowIndex = rijnummer });
                    for (var k = 0; k < definitie.Kolommen.Count; k++)
                    {
                        var kolom = definitie.Kolommen[k];
                        if (Cel(Referentie(k, rijnummer), kolom.Soort, kolom.Waarde(rij)) is { } cel) schrijver.WriteElement(cel);
                    }

                    schrijver.WriteEndElement();
                }

                schrijver.WriteEndElement();
                schrijver.WriteEndElement();
            }

            werkboek.Workbook = new Workbook(new Sheets(new Sheet { Name = definitie.Bladnaam, SheetId = 1U, Id = werkboek.GetIdOfPart(blad) }));
        }

        return stroom.ToArray();
    }

    private static Cell? Cel(string referentie, Celsoort soort, object? waarde) => waarde switch
    {
        null => null,
        string s => TekstCel(referentie, s, 0),
        decimal d => new Cell { CellReference = referentie, DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
        DateOnly datum => Serieel(referentie, datum.ToDateTime(TimeOnly.MinValue), StijlDatum),
        DateTimeOffset moment => Serieel(referentie, TimeZoneInfo.ConvertTime(moment, Klok.Nederland).DateTime, StijlTijdstip),
        bool b => TekstCel(referentie, b ? "ja" : "nee", 0),
        _ => throw new InvalidOperationException($"Een {soort}-kolom kreeg een {waarde.GetType().Name}."),
    };

    /// <summary>Excel keeps dates as days since 1899-12-30; the cell's number format shows them as a date.</summary>
    private static Cell Serieel(string referentie, DateTime lokaal, uint stijl) => new()
    {
        CellReference = referentie, StyleIndex = stijl, CellValue = new CellValue(lokaal.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
    };

    /// <summary>Inline strings, so the sheet can be streamed without first collecting a shared string table.</summary>
    private static Cell TekstCel(string referentie, string tekst, uint stijl)
    {
        var schoon = XmlVeilig(tekst);
        if (schoon.Length > MaximaleCeltekst) schoon = schoon[..(MaximaleCeltekst - 1)] + "…";
        var cel = new Cell(new InlineString(new Text(schoon) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = referentie, DataType = CellValues.InlineString,
        };
        if (stijl != 0) cel.StyleIndex = stijl;
        return cel;
    }

    /// <summary>Control characters are not allowed in XML at all; a stray one in a free text must not break the file.</summary>
    private static string XmlVeilig(string tekst)
    {
        if (tekst.All(XmlConvert.IsXmlChar)) return tekst;
        var veilig = new StringBuilder(tekst.Length);
        for (var i = 0; i < tekst.Length; i++)
        {
            if (XmlConvert.IsXmlChar(tekst[i])) veilig.Append(tekst[i]);
            else if (i + 1 < tekst.Length && XmlConvert.IsXmlSurrogatePair(tekst[i + 1], tekst[i])) veilig.Append(tekst, i++, 2);
        }

        return veilig.ToString();
    }

    /// <summary>From the header and the first rows: wide enough to read, never wider than half a screen.</summary>
    private static Columns Kolombreedtes<T>(Exportdefinitie<T> definitie, IReadOnlyList<T> rijen)
    {
        var kolommen = new Columns();
        for (var k = 0; k < definitie.Kolommen.Count; k++)
        {
            var kolom = definitie.Kolommen[k];
            var tekens = rijen.Take(200).Select(r => Lengte(kolom.Waarde(r))).Append(kolom.Kop.Length + 2).Max();
            var nummer = (uint)k + 1;
            kolommen.Append(new Column { Min = nummer, Max = nummer, Width = Math.Clamp(tekens + 2, 8, 60), CustomWidth = true });
        }

        return kolommen;
    }

    private static int Lengte(object? waarde) => waarde switch
    {
        string tekst => tekst.Length,
        decimal getal => getal.ToString(CultureInfo.InvariantCulture).Length,
        DateOnly => 10,
        DateTimeOffset => 19,
        _ => 3,
    };

    private static Stylesheet Stijlen() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 2U },
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" })) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true }) { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    /// <summary>A1-style reference: column index from 0, row from 1.</summary>
    public static string Referentie(int kolom, uint rij)
    {
        var letters = new StringBuilder();
        for (var n = kolom + 1; n > 0; n = (n - 1) / 26) letters.Insert(0, (char)('A' + (n - 1) % 26));
        return letters.Append(rij.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
