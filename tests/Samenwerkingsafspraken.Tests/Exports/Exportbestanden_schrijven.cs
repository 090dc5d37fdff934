using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Samenwerkingsafspraken.Exports;

namespace Samenwerkingsafspraken.Tests.Exports;

public sealed class Exportbestanden_schrijven
{
    private sealed record Rij(string Naam, string? Toelichting, decimal? Bedrag, int Aantal, DateOnly? Datum, DateTimeOffset Moment, bool Klaar);

    private static readonly Exportdefinitie<Rij> Definitie = new Exportdefinitie<Rij>("Proef")
        .Tekst("Naam", r => r.Naam)
        .Tekst("Toelichting", r => r.Toelichting)
        .Getal("Bedrag", r => r.Bedrag)
        .Getal("Aantal", r => r.Aantal)
        .Datum("Datum", r => r.Datum)
        .Tijdstip("Moment", r => r.Moment)
        .JaNee("Klaar", r => r.Klaar);

    private static readonly Rij Lastig = new("Café \"De Eenhoorn\"; Groningen", "=HYPERLINK(\"http://x\")", 12.50m, -3, new DateOnly(2025, 3, 3),
        new DateTimeOffset(2025, 3, 3, 13, 5, 0, TimeSpan.Zero), true);

    private static readonly Rij Zomer = new("01234567", null, 8.00m, 0, null, new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), false);

    private static CsvReader LeesCsv(byte[] inhoud) => CsvReader.Create(inhoud, CsvReaderOptions.Default with { Separator = ';' });

    [Fact]
    public void csv_begint_met_een_bom_scheidt_met_puntkomma_en_eindigt_regels_met_crlf()
    {
        var inhoud = CsvSchrijver.Schrijf(Definitie, [Zomer]);

        inhoud.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var tekst = Encoding.UTF8.GetString(inhoud, 3, inhoud.Length - 3);
        tekst.ShouldBe("Naam;Toelichting;Bedrag;Aantal;Datum;Moment;Klaar\r\n01234567;;8;0;;2025-07-01T14:00:00+02:00;nee\r\n");
    }

    [Fact]
    public void csv_citeert_puntkommas_en_aanhalingstekens_en_leest_ze_ongeschonden_terug()
    {
        using var csv = LeesCsv(CsvSchrijver.Schrijf(Definitie, [Lastig, Zomer]));

        csv.Headers.ShouldBe(["Naam", "Toelichting", "Bedrag", "Aantal", "Datum", "Moment", "Klaar"]);
        csv.Read().ShouldBeTrue();
        csv.GetString(0).ShouldBe("Café \"De Eenhoorn\"; Groningen");
        csv.GetString(2).ShouldBe("12.5");
        csv.GetString(3).ShouldBe("-3");
        csv.GetString(4).ShouldBe("2025-03-03");
        csv.GetString(5).ShouldBe("2025-03-03T14:05:00+01:00");
        csv.GetString(6).ShouldBe("ja");
        csv.Read().ShouldBeTrue();
        csv.GetString(0).ShouldBe("01234567");
        csv.GetString(1).ShouldBe("");
        csv.Read().ShouldBeFalse();
    }

    [Fact]
    public void een_tekst_die_als_formule_zou_starten_blijft_in_csv_tekst()
    {
        using var csv = LeesCsv(CsvSchrijver.Schrijf(Definitie, [Lastig]));

        csv.Read().ShouldBeTrue();
        csv.GetString(1).ShouldBe("'=HYPERLINK(\"http://x\")");
    }

    [Fact]
    public void xlsx_heeft_een_vetgedrukte_bevroren_kopregel_en_getypeerde_cellen()
    {
        using var werkboek = new XLWorkbook(new MemoryStream(XlsxSchrijver.Schrijf(Definitie, [Lastig, Zomer])));
        var blad = werkboek.Worksheet(1);

        blad.Name.ShouldBe("Proef");
        blad.SheetView.SplitRow.ShouldBe(1);
        blad.Row(1).Cells(1, 7).Select(c => c.GetString()).ShouldBe(["Naam", "Toelichting", "Bedrag", "Aantal", "Datum", "Moment", "Klaar"]);
        blad.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        blad.Cell(2, 1).GetString().ShouldBe("Café \"De Eenhoorn\"; Groningen");
        blad.Cell(2, 2).HasFormula.ShouldBeFalse();
        blad.Cell(2, 2).GetString().ShouldBe("=HYPERLINK(\"http://x\")");
        blad.Cell(2, 3).DataType.ShouldBe(XLDataType.Number);
        blad.Cell(2, 3).GetDouble().ShouldBe(12.5);
        blad.Cell(2, 4).GetDouble().ShouldBe(-3);
        blad.Cell(2, 5).DataType.ShouldBe(XLDataType.DateTime);
        blad.Cell(2, 5).GetDateTime().ShouldBe(new DateTime(2025, 3, 3));
        blad.Cell(2, 6).DataType.ShouldBe(XLDataType.DateTime);
        blad.Cell(2, 6).GetDateTime().ShouldBe(new DateTime(2025, 3, 3, 14, 5, 0));
        blad.Cell(2, 7).GetString().ShouldBe("ja");
        blad.Cell(3, 1).DataType.ShouldBe(XLDataType.Text);
        blad.Cell(3, 1).GetString().ShouldBe("01234567");
        blad.Cell(3, 2).IsEmpty().ShouldBeTrue();
        blad.Cell(3, 6).GetDateTime().ShouldBe(new DateTime(2025, 7, 1, 14, 0, 0));
        blad.LastRowUsed().RowNumber().ShouldBe(3);
    }

    [Fact]
    public void een_stuurteken_in_vrije_tekst_breekt_het_werkboek_niet()
    {
        var rij = Zomer with { Toelichting = "regel\u0001een\u0007twee\ndrie 😀" };

        using var werkboek = new XLWorkbook(new MemoryStream(XlsxSchrijver.Schrijf(Definitie, [rij])));

        werkboek.Worksheet(1).Cell(2, 2).GetString().ShouldBe("regeleentwee\ndrie 😀");
    }

    [Fact]
    public void een_leeg_resultaat_is_alleen_de_kopregel()
    {
        using var werkboek = new XLWorkbook(new MemoryStream(XlsxSchrijver.Schrijf(Definitie, [])));

        werkboek.Worksheet(1).LastRowUsed().RowNumber().ShouldBe(1);
        Encoding.UTF8.GetString(CsvSchrijver.Schrijf(Definitie, [])).ShouldBe("\uFEFFNaam;Toelichting;Bedrag;Aantal;Datum;Moment;Klaar\r\n");
    }

    [Theory]
    [InlineData("csv", Exportformaat.Csv)]
    [InlineData("XLSX", Exportformaat.Xlsx)]
    public void het_formaat_is_csv_of_xlsx(string waarde, Exportformaat verwacht)
    {
        Exportformaten.Lees(waarde, out var formaat).ShouldBeNull();
        formaat.ShouldBe(verwacht);
    }

    [Theory]
    [InlineData(null, "verplicht")]
    [InlineData("", "verplicht")]
    [InlineData("pdf", "onbekende-waarde")]
    [InlineData("0", "onbekende-waarde")]
    public void een_ontbrekend_of_onbekend_formaat_wordt_genoemd(string? waarde, string code)
    {
        var fout = Exportformaten.Lees(waarde, out _);

        fout.ShouldNotBeNull();
        fout.Name.ShouldBe("formaat");
        fout.Code.ShouldBe(code);
    }

    [Fact]
    public void het_bestand_heeft_het_juiste_type_en_een_naam_met_de_datum()
    {
        var csv = Export.Bestand(Definitie, [Zomer], Exportformaat.Csv, "register", "AM01", new DateOnly(2025, 3, 3)).ShouldBeOfType<FileContentHttpResult>();
        var xlsx = Export.Bestand(Definitie, [Zomer], Exportformaat.Xlsx, "register", "AM01", new DateOnly(2025, 3, 3)).ShouldBeOfType<FileContentHttpResult>();

        csv.ContentType.ShouldBe("text/csv; charset=utf-8");
        csv.FileDownloadName.ShouldBe("register-AM01-2025-03-03.csv");
        xlsx.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.FileDownloadName.ShouldBe("register-AM01-2025-03-03.xlsx");
    }

    [Fact]
    public void boven_het_maximum_wordt_om_een_kleinere_selectie_gevraagd()
    {
        var rijen = Enumerable.Repeat(Zomer, Export.MaximaalAantalRijen + 1).ToList();

        var probleem = Export.Bestand(Definitie, rijen, Exportformaat.Csv, "register", "AM01", new DateOnly(2025, 3, 3)).ShouldBeOfType<ProblemHttpResult>();

        probleem.StatusCode.ShouldBe(400);
        probleem.ProblemDetails.Extensions["code"].ShouldBe("export-te-groot");
        Export.Bestand(Definitie, rijen.Take(Export.MaximaalAantalRijen).ToList(), Exportformaat.Csv, "register", "AM01", new DateOnly(2025, 3, 3))
            .ShouldBeOfType<FileContentHttpResult>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Een bladnaam die te lang is voor Excel")]
    [InlineData("Regio/2025")]
    [InlineData("'Register")]
    public void een_bladnaam_die_excel_weigert_wordt_niet_aangenomen(string naam) =>
        Should.Throw<ArgumentException>(() => new Exportdefinitie<Rij>(naam));

    [Fact]
    public void elke_kolomkop_komt_een_keer_voor() =>
        Should.Throw<ArgumentException>(() => new Exportdefinitie<Rij>("Proef").Tekst("Naam", r => r.Naam).Tekst("Naam", r => r.Toelichting));

    [Fact]
    public void een_definitie_verandert_niet_als_er_een_kolom_bij_komt()
    {
        var basis = new Exportdefinitie<Rij>("Proef").Tekst("Naam", r => r.Naam);

        var uitgebreid = basis.Getal("Aantal", r => r.Aantal);

        basis.Kolommen.Select(k => k.Kop).ShouldBe(["Naam"]);
        uitgebreid.Kolommen.Select(k => (k.Kop, k.Soort)).ShouldBe([("Naam", Celsoort.Tekst), ("Aantal", Celsoort.Getal)]);
    }

    [Theory]
    [InlineData(0, 1U, "A1")]
    [InlineData(25, 2U, "Z2")]
    [InlineData(26, 3U, "AA3")]
    [InlineData(701, 10U, "ZZ10")]
    [InlineData(702, 1U, "AAA1")]
    public void celverwijzingen_tellen_kolommen_zoals_excel(int kolom, uint rij, string verwacht) => XlsxSchrijver.Referentie(kolom, rij).ShouldBe(verwacht);
}
