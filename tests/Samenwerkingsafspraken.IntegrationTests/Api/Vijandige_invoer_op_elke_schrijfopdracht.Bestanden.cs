using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Api;

/// <summary>
/// Generated from the OpenAPI document, like the walk over the JSON writes: every write whose body is a file (the
/// import of a region's agreements, the CBS file), in every media type it accepts, sent a valid file (its dry run must
/// pass) and then hostile variations of it: control and bidi characters and overlong text in every cell, dates at the
/// calendar's ends, numbers at their extremes, broken encodings, a broken or foreign workbook, wrong media types, an
/// oversized file. Never a 5xx, every refusal problem+json, what must be refused is refused both as dry run and for
/// real, and nothing is written.
/// </summary>
public sealed partial class Vijandige_invoer_op_elke_schrijfopdracht
{
    private const string Csv = "text/csv";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task geen_variatie_van_een_bestand_geeft_een_serverfout_of_schrijft_iets()
    {
        var wereld = await BouwWereld();
        var document = (await Get("/v1/openapi.json")).Json;
        var fouten = new List<string>();
        var bestandsopdrachten = 0;
        var aantal = 0;

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                var inhoud = operatie!["requestBody"]?["content"]?.AsObject();
                if (methode != "post" || inhoud is null || inhoud.ContainsKey("application/json")) continue;
                var sleutel = operatie["operationId"]!.GetValue<string>();
                bestandsopdrachten++;
                var url = wereld.Url("/v1" + pad);
                var token = Token(sleutel);
                var voor = await Opslag();

                foreach (var (soort, _) in inhoud)
                {
                    if (await GeldigBestand(sleutel, soort) is not { } geldig)
                    {
                        fouten.Add($"POST {pad}: geen geldig voorbeeldbestand ({soort}) voor '{sleutel}'");
                        continue;
                    }

                    var variaties = soort == Xlsx ? Werkboekvariaties(geldig) : Csvvariaties(geldig);
                    foreach (var (naam, bytes, contentType, uitkomst) in variaties.Concat(Bestandsvariaties(geldig, soort)))
                    {
                        foreach (var proef in uitkomst == Verwacht.Geweigerd ? new[] { true, false } : [true])
                        {
                            aantal++;
                            var antwoord = await VerstuurRuw(HttpMethod.Post, proef ? url + "?proef=true" : url, bytes, contentType, token);
                            var waar = $"POST {pad}{(proef ? "?proef=true" : "")} {soort} [{naam}]";
                            if (antwoord.Status >= 500 || (antwoord.Status >= 400 && !antwoord.ContentType.StartsWith(Problemen.ContentType, StringComparison.Ordinal)))
                                fouten.Add($"{waar} → {antwoord.Status} {antwoord.ContentType} {Kort(antwoord.Tekst)}");
                            else if (uitkomst == Verwacht.Aangenomen && antwoord.Status != 200)
                                fouten.Add($"{waar}: een geldig bestand gaf {antwoord.Status}: {Kort(antwoord.Tekst)}");
                            else if (uitkomst == Verwacht.Geweigerd && antwoord.Status < 400)
                                fouten.Add($"{waar}: aangenomen ({antwoord.Status}) in plaats van geweigerd");
                        }
                    }
                }

                var na = await Opslag();
                if (!na.Gelijk(voor)) fouten.Add($"POST {pad}: de opslag veranderde\n  voor: {voor}\n  na:   {na}");
            }
        }

        fouten.ShouldBeEmpty();
        bestandsopdrachten.ShouldBeGreaterThanOrEqualTo(2);
        aantal.ShouldBeGreaterThan(500);
    }

    private enum Verwacht
    {
        /// <summary>The dry run must pass: the file is valid.</summary>
        Aangenomen,

        /// <summary>Refused (4xx, problem+json) as dry run and for real.</summary>
        Geweigerd,

        /// <summary>Valid or refused, depending on the column: a 4xx is problem+json, never a 5xx.</summary>
        Beide,
    }

    /// <summary>A file the dry run accepts: the import's own template, and this year's CBS file (which changes nothing).</summary>
    private async Task<byte[]?> GeldigBestand(string operatie, string soort) => (operatie, soort) switch
    {
        ("afsprakenImporteren", Csv) => (await Download("/v1/importsjabloon?formaat=csv", Tokens.Regiopartij())).Inhoud,
        ("afsprakenImporteren", Xlsx) => (await Download("/v1/importsjabloon?formaat=xlsx", Tokens.Regiopartij())).Inhoud,
        ("indelingsbestandLaden", Csv) => Encoding.UTF8.GetBytes(Cbsbestanden.Bestand2026()),
        _ => null,
    };

    /// <summary>Every cell of the first data row changed, one at a time, written back as CSV the way a spreadsheet would.</summary>
    private static IEnumerable<(string, byte[], string?, Verwacht)> Csvvariaties(byte[] geldig)
    {
        var bom = geldig.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var tekst = Encoding.UTF8.GetString(bom ? geldig[3..] : geldig);
        var scheiding = tekst[..tekst.IndexOf('\n')].Contains(';') ? ';' : ',';
        var rijen = LeesCsv(geldig, scheiding);
        byte[] Schrijf(IReadOnlyList<IReadOnlyList<string>> r) => SchrijfCsv(r, scheiding, bom);
        IReadOnlyList<IReadOnlyList<string>> Met(int kolom, string waarde) =>
            rijen.Select((r, i) => i == 1 ? (IReadOnlyList<string>)r.Select((c, k) => k == kolom ? waarde : c).ToList() : r).ToList();

        yield return ("geldig", geldig, Csv, Verwacht.Aangenomen);
        yield return ("herschreven", Schrijf(rijen), Csv, Verwacht.Aangenomen);

        for (var kolom = 0; kolom < rijen[0].Count; kolom++)
        {
            var naam = rijen[0][kolom];
            var cel = rijen[1][kolom];
            foreach (var (variatie, waarde, verwacht) in Celvariaties(cel))
                yield return ($"{naam} {variatie}", Schrijf(Met(kolom, waarde)), Csv, verwacht);
        }

        var kop = rijen[0];
        yield return ("alleen de kopregel", Schrijf([kop]), Csv, Verwacht.Beide);
        yield return ("een kolom minder", Schrijf(rijen.Select(r => (IReadOnlyList<string>)r.Skip(1).ToList()).ToList()), Csv, Verwacht.Beide);
        yield return ("een kolom dubbel", Schrijf(rijen.Select(r => (IReadOnlyList<string>)r.Append(r[^1]).ToList()).ToList()), Csv, Verwacht.Beide);
        yield return ("een cel te veel", Schrijf([kop, [.. rijen[1], "extra"]]), Csv, Verwacht.Beide);
        yield return ("een cel te weinig", Schrijf([kop, rijen[1].Take(rijen[1].Count - 1).ToList()]), Csv, Verwacht.Beide);
        yield return ("NUL in de kopregel", Schrijf([[.. kop.Take(kop.Count - 1), kop[^1] + "\u0000"], .. rijen.Skip(1)]), Csv, Verwacht.Geweigerd);
        yield return ("open aanhalingsteken", Encoding.UTF8.GetBytes(tekst.Replace(scheiding + rijen[1][1], scheiding + "\"" + rijen[1][1])), Csv, Verwacht.Beide);
        yield return ("ongeldige utf-8", [.. Schrijf(rijen.Take(1).ToList()), .. "\r\n"u8, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(string.Join(scheiding, rijen[1].Skip(1)))],
            Csv, Verwacht.Geweigerd);
        yield return ("utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(tekst)], Csv, Verwacht.Geweigerd);
        yield return ("latin-1", Encoding.Latin1.GetBytes(tekst), "text/csv; charset=iso-8859-1", Verwacht.Beide);
        yield return ("andere regeleinden", Encoding.UTF8.GetBytes(tekst.Replace("\r\n", "\n").Replace("\n", "\r\n")), Csv, Verwacht.Beide);
    }

    /// <summary>The workbook's first data row changed cell by cell, and workbooks that are no workbook.</summary>
    private static IEnumerable<(string, byte[], string?, Verwacht)> Werkboekvariaties(byte[] geldig)
    {
        yield return ("geldig", geldig, Xlsx, Verwacht.Aangenomen);

        int kolommen;
        using (var werkboek = new XLWorkbook(new MemoryStream(geldig))) kolommen = werkboek.Worksheet(1).Row(1).LastCellUsed().Address.ColumnNumber;

        for (var kolom = 1; kolom <= kolommen; kolom++)
        {
            string naam, cel;
            using (var werkboek = new XLWorkbook(new MemoryStream(geldig)))
            {
                naam = werkboek.Worksheet(1).Cell(1, kolom).GetString();
                cel = werkboek.Worksheet(1).Cell(2, kolom).GetString();
            }

            foreach (var (variatie, waarde, verwacht) in Celvariaties(cel).Where(v => Xmlbaar(v.Waarde)))
                // SetValue keeps a string a string (assigning Value would let the workbook read "2025-01-01" plus a mark as a date).
                yield return ($"{naam} {variatie}", Werkboek(geldig, kolom, c => c.SetValue(waarde)), Xlsx, verwacht);
            yield return ($"{naam} als Excel-datum 1900-01-01", Werkboek(geldig, kolom, c => c.Value = new DateTime(1900, 1, 1)), Xlsx, Verwacht.Beide);
            yield return ($"{naam} als Excel-datum 9999-12-31", Werkboek(geldig, kolom, c => c.Value = new DateTime(9999, 12, 31)), Xlsx, Verwacht.Beide);
            yield return ($"{naam} als getal 1e300", Werkboek(geldig, kolom, c => c.Value = 1e300), Xlsx, Verwacht.Beide);
            yield return ($"{naam} als getal -0,5", Werkboek(geldig, kolom, c => c.Value = -0.5), Xlsx, Verwacht.Beide);
            yield return ($"{naam} als formule", Werkboek(geldig, kolom, c => c.FormulaA1 = "1/0"), Xlsx, Verwacht.Beide);
            yield return ($"{naam} als waar/onwaar", Werkboek(geldig, kolom, c => c.Value = true), Xlsx, Verwacht.Beide);
        }

        yield return ("een leeg werkblad", Werkboek(geldig, 0, _ => { }, leeg: true), Xlsx, Verwacht.Beide);
        yield return ("afgebroken", geldig[..(geldig.Length / 2)], Xlsx, Verwacht.Geweigerd);
        yield return ("een zip zonder werkblad", ZipZonderWerkblad(), Xlsx, Verwacht.Geweigerd);
        yield return ("willekeurige bytes", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(), Xlsx, Verwacht.Geweigerd);
        yield return ("csv als xlsx", Encoding.UTF8.GetBytes("kenmerk;werkgever\r\nA;01234567"), Xlsx, Verwacht.Geweigerd);
    }

    /// <summary>What holds for every file: wrong or missing media types, nothing at all, too much.</summary>
    private static IEnumerable<(string, byte[], string?, Verwacht)> Bestandsvariaties(byte[] geldig, string soort)
    {
        yield return ("leeg", [], soort, Verwacht.Geweigerd);
        yield return ("zonder content-type", geldig, null, Verwacht.Geweigerd);
        yield return ("application/json", geldig, "application/json", Verwacht.Geweigerd);
        yield return ("text/plain", geldig, "text/plain", Verwacht.Geweigerd);
        yield return ("multipart", geldig, "multipart/form-data; boundary=x", Verwacht.Geweigerd);
        yield return ("te groot", [.. geldig, .. Enumerable.Repeat((byte)'x', 3 * 1024 * 1024)], soort, Verwacht.Geweigerd);
    }

    private static IEnumerable<(string Naam, string Waarde, Verwacht Verwacht)> Celvariaties(string cel)
    {
        foreach (var teken in new[] { "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202E", "\u2066", "\u200F", "\u061C" })
            yield return ($"+U+{(int)teken[0]:X4}", cel + teken, Verwacht.Geweigerd);
        yield return ("te lang", new string('x', 5000), Verwacht.Geweigerd);
        yield return ("leeg", "", Verwacht.Beide);
        yield return ("met spaties", $"  {cel}  ", Verwacht.Beide);
        yield return ("formule", "=HYPERLINK(\"http://voorbeeld.invalid\")", Verwacht.Beide);
        if (Datum().IsMatch(cel))
        {
            foreach (var datum in new[] { "0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2025-02-30", "2025-13-01", "31-12-9999" })
                yield return ($"= {datum}", datum, Verwacht.Geweigerd);
        }

        if (long.TryParse(cel, out _))
        {
            foreach (var uiterst in new[] { "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1", "0", "0.5", "0,5", "NaN", "½" })
                yield return ($"= {uiterst}", uiterst, Verwacht.Beide);
        }
    }

    /// <summary>XML 1.0 cannot hold most control characters, so a workbook cannot carry them: those variations are the CSV's.</summary>
    private static bool Xmlbaar(string tekst) => tekst.All(t => t is '\t' or '\n' or '\r' || t >= '\u0020' && t is not ('\uFFFE' or '\uFFFF'));

    private static byte[] Werkboek(byte[] geldig, int kolom, Action<IXLCell> verander, bool leeg = false)
    {
        using var werkboek = new XLWorkbook(new MemoryStream(geldig));
        if (leeg)
        {
            werkboek.Worksheet(1).Clear();
        }
        else
        {
            verander(werkboek.Worksheet(1).Cell(2, kolom));
        }

        using var uit = new MemoryStream();
        werkboek.SaveAs(uit);
        return uit.ToArray();
    }

    private static byte[] ZipZonderWerkblad()
    {
        using var uit = new MemoryStream();
        using (var zip = new ZipArchive(uit, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var schrijver = new StreamWriter(zip.CreateEntry("leesmij.txt").Open());
            schrijver.Write("Geen werkboek.");
        }

        return uit.ToArray();
    }

    private static IReadOnlyList<IReadOnlyList<string>> LeesCsv(byte[] bytes, char scheiding)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = scheiding, HasHeader = false });
        var rijen = new List<IReadOnlyList<string>>();
        while (csv.Read()) rijen.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
        return rijen;
    }

    /// <summary>Quoted only where a cell needs it, as spreadsheets write CSV.</summary>
    private static byte[] SchrijfCsv(IReadOnlyList<IReadOnlyList<string>> rijen, char scheiding, bool bom)
    {
        static string Cel(string c, char s) => c.IndexOfAny([s, '"', '\r', '\n']) >= 0 || c != c.Trim() ? $"\"{c.Replace("\"", "\"\"")}\"" : c;
        var tekst = string.Join("\r\n", rijen.Select(r => string.Join(scheiding, r.Select(c => Cel(c, scheiding)))));
        return bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(tekst)] : Encoding.UTF8.GetBytes(tekst);
    }
}
