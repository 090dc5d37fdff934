using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Importeren;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>A region loads its existing agreements from a spreadsheet: the template, a dry run, then all or nothing, once.</summary>
public sealed class Afspraken_importeren(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Imports = "/v1/arbeidsmarktregios/AM01/imports";
    private const string Csv = "text/csv";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Kop =
    [
        "kenmerk", "werkgever", "titel", "startdatum", "einddatum", "doelgroepen", "plaatsingenPerJaar", "duurzamePlaatsingenPerJaar", "regiopartij1Oin",
        "regiopartij1Naam", "regiopartij1Soort", "regiopartij1Ondertekent", "werkafspraak1Variant", "werkafspraak1Parameters", "werkaanbod1Sector",
        "werkaanbod1Functie", "werkaanbod1Plaatsen", "werkaanbod1Vanaf",
    ];

    private static string[] Rij(string kenmerk, string kvk, string titel, string start = "2025-01-01", string plaatsen = "8") =>
    [
        kenmerk, kvk, titel, start, "2026-12-31", "banenafspraak, participatiewet", plaatsen, "6", Testdata.GemeenteGroningen, "Gemeente Groningen", "gemeente",
        "ja", "praktijkroute", "aantalPlaatsen=4; mboKwalificatie=Timmerman", "bouw", "Timmerman", "4", "2025-03-01",
    ];

    private static byte[] AlsCsv(params string[][] rijen) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { Kop }.Concat(rijen).Select(r => string.Join(';', r.Select(v => v.Contains(';') ? $"\"{v}\"" : v)))));

    private async Task<Antwoord> Importeer(byte[] inhoud, string mediatype = Csv, string? token = null, string url = Imports)
    {
        using var client = Host.Server.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, url);
        if ((token ?? Tokens.Regiopartij()) is { Length: > 0 } t) verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t);
        verzoek.Content = new ByteArrayContent(inhoud);
        verzoek.Content.Headers.ContentType = new MediaTypeHeaderValue(mediatype);
        using var antwoord = await client.SendAsync(verzoek);
        var headers = antwoord.Headers.Concat(antwoord.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Antwoord((int)antwoord.StatusCode, headers, antwoord.Content.Headers.ContentType?.ToString() ?? "", await antwoord.Content.ReadAsStringAsync());
    }

    private async Task WerkgeversGeregistreerd()
    {
        await WerkgeverGeregistreerd();
        await WerkgeverGeregistreerd(Testdata.AndereKvk);
    }

    private async Task<int> AantalInRegister() =>
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Auditor())).Json["samenwerkingsafspraken"]!.AsArray().Count;

    [Fact]
    public async Task het_sjabloon_is_te_downloaden_als_csv_en_excel_met_een_voorbeeldregel_die_de_import_aanneemt()
    {
        var csv = await Download("/v1/importsjabloon?formaat=csv", Tokens.Regiopartij());
        csv.CsvRijen()[0].ShouldBe(Importkolommen.Alle.Select(k => k.Naam).ToList());
        csv.CsvRecords().ShouldHaveSingleItem()["werkgever"].ShouldBe("01234567");
        (await Get("/v1/importsjabloon?formaat=csv")).Status.ShouldBe(200, "het sjabloon is openbaar, zoals de catalogus");

        var xlsx = await Download("/v1/importsjabloon?formaat=xlsx", Tokens.Regiopartij());
        using (var werkboek = xlsx.Werkboek())
        {
            werkboek.Worksheet(1).Cell(1, 2).GetString().ShouldBe("werkgever");
            werkboek.Worksheet(1).Cell(2, 2).GetString().ShouldBe("01234567");
        }

        await WerkgeverGeregistreerd();
        var proef = await Importeer(xlsx.Inhoud, Xlsx, url: $"{Imports}?proef=true");
        proef.Status.ShouldBe(200, proef.Tekst);
        (await Get("/v1/importsjabloon?formaat=pdf")).OngeldigeVelden().ShouldBe(["formaat"]);
    }

    [Fact]
    public async Task een_proefrun_noemt_wat_er_zou_ontstaan_en_legt_niets_vast()
    {
        await WerkgeversGeregistreerd();

        var proef = await Importeer(AlsCsv(Rij("GR-1", Testdata.Kvk, "Samen naar werk in de bouw"), Rij("GR-2", Testdata.AndereKvk, "Leren in de zorg")),
            url: $"{Imports}?proef=true");

        proef.Status.ShouldBe(200, proef.Tekst);
        var uitkomst = proef.Als<Importuitkomst>();
        uitkomst.Proef.ShouldBeTrue();
        uitkomst.EerderGeimporteerd.ShouldBeFalse();
        uitkomst.AantalAfspraken.ShouldBe(2);
        uitkomst.Afspraken.ShouldBe([
            new Importafspraak(2, "GR-1", null, Testdata.Kvk, "Samen naar werk in de bouw"),
            new Importafspraak(3, "GR-2", null, Testdata.AndereKvk, "Leren in de zorg"),
        ]);
        (await AantalInRegister()).ShouldBe(0);
        (await Get($"{Imports}/{uitkomst.ImportId}", Tokens.Regiopartij())).Probleem(404);
    }

    [Fact]
    public async Task elk_probleem_van_elke_regel_wordt_tegelijk_gemeld_en_er_wordt_niets_vastgelegd()
    {
        await WerkgeverGeregistreerd();
        var bestand = AlsCsv(
            Rij("GR-1", Testdata.Kvk, "Goed"),
            Rij("GR-2", "99999999", "Onbekende werkgever", start: "1-13-2025"),
            Rij("GR-3", Testdata.Kvk, "", plaatsen: "veel"),
            Rij("GR-1", Testdata.Kvk, "Goed"));

        foreach (var url in new[] { $"{Imports}?proef=true", Imports })
        {
            var velden = (await Importeer(bestand, url: url)).OngeldigeVelden();
            velden.ShouldBe([
                "regels[3].startdatum", "regels[3].werkgever", "regels[4].plaatsingenPerJaar", "regels[4].titel", "regels[5].kenmerk", "regels[5].titel",
            ], ignoreOrder: true, url);
        }

        (await AantalInRegister()).ShouldBe(0, "alles of niets: ook de goede regel is niet vastgelegd");
    }

    [Fact]
    public async Task datums_aan_het_eind_van_de_kalender_in_een_regel_zijn_een_400_die_de_kolom_noemt_en_er_wordt_niets_vastgelegd()
    {
        await WerkgeverGeregistreerd();
        static string[] MetDatums(string kenmerk, string start, string eind, string vanaf)
        {
            var rij = Rij(kenmerk, Testdata.Kvk, $"Afspraak {kenmerk}", start);
            rij[Array.IndexOf(Kop, "einddatum")] = eind;
            rij[Array.IndexOf(Kop, "werkaanbod1Vanaf")] = vanaf;
            return rij;
        }

        var bestand = AlsCsv(
            MetDatums("GR-1", "0001-01-01", "9999-12-31", "31-12-9999"),
            MetDatums("GR-2", "2025-01-01", "2026-12-31", "9999-12-31"),
            MetDatums("GR-3", "1-1-1", "31/12/9999", "1-1-0001"),
            MetDatums("GR-4", "2100-12-31", "2101-01-01", "2100-12-31"));
        await using (var session = Service<IDocumentStore>().QuerySession())
        {
            var voor = await session.Events.QueryAllRawEvents().LongCountAsync();
            foreach (var url in new[] { $"{Imports}?proef=true", Imports })
            {
                var antwoord = await Importeer(bestand, url: url);
                antwoord.ProbleemCode(400).ShouldBe("ongeldige-invoer");
                antwoord.OngeldigeVelden().ShouldBe([
                    "regels[2].startdatum", "regels[2].einddatum", "regels[2].werkaanbod1Vanaf", "regels[3].werkaanbod1Vanaf", "regels[4].startdatum",
                    "regels[4].einddatum", "regels[4].werkaanbod1Vanaf", "regels[5].einddatum",
                ], ignoreOrder: true, url);
            }

            (await session.Events.QueryAllRawEvents().LongCountAsync()).ShouldBe(voor);
        }

        (await AantalInRegister()).ShouldBe(0);
    }

    [Fact]
    public async Task de_echte_run_legt_elke_regel_vast_als_dezelfde_gebeurtenis_als_de_api_met_de_import_in_de_metadata()
    {
        await WerkgeversGeregistreerd();

        var antwoord = await Importeer(AlsCsv(Rij("GR-1", Testdata.Kvk, "Samen naar werk in de bouw"), Rij("GR-2", Testdata.AndereKvk, "Leren in de zorg")));

        antwoord.Status.ShouldBe(201, antwoord.Tekst);
        var uitkomst = antwoord.Als<Importuitkomst>();
        antwoord.Header("Location").ShouldBe($"{Imports}/{uitkomst.ImportId}");
        uitkomst.Proef.ShouldBeFalse();
        uitkomst.Afspraken.Select(a => a.AfspraakId).ShouldAllBe(id => id != null);
        (await AantalInRegister()).ShouldBe(2);

        var eerste = await Lees(uitkomst.Afspraken[0].AfspraakId!.Value);
        eerste.Status.ShouldBe(AfspraakStatus.Concept);
        eerste.Titel.ShouldBe("Samen naar werk in de bouw");
        eerste.Werkafspraken.Single().Parameters["praktijkverklaring"].GetBoolean().ShouldBeTrue("de standaardwaarde van de variant, zoals bij de API");
        eerste.Werkaanbod.ShouldBe([new Werkaanbodregel("bouw", "Timmerman", null, 4, new DateOnly(2025, 3, 1))]);
        eerste.Ondertekening.Ontbrekend.Select(p => p.Identificatie).ShouldBe([Testdata.Kvk, Testdata.GemeenteGroningen]);

        var historie = (await Get($"{Afspraken}/{eerste.Id}/historie", Tokens.Auditor())).Json["gebeurtenissen"]!.AsArray().ShouldHaveSingleItem()!;
        historie["type"]!.GetValue<string>().ShouldBe("afspraak_opgesteld");
        historie["door"]!["rol"]!.GetValue<string>().ShouldBe("regiopartij");
        historie["reden"]!.GetValue<string>().ShouldContain("Geïmporteerd");
        await using var sessie = Service<IDocumentStore>().QuerySession();
        var gebeurtenis = (await sessie.Events.FetchStreamAsync(eerste.Id)).Single();
        gebeurtenis.Headers![AfsprakenImporteren.MetadataImport].ToString().ShouldBe(uitkomst.ImportId.ToString());

        var import = await Get($"{Imports}/{uitkomst.ImportId}", Tokens.Auditor());
        import.Status.ShouldBe(200, import.Tekst);
        import.Als<Importuitkomst>().Afspraken.ShouldBe(uitkomst.Afspraken);
    }

    [Fact]
    public async Task een_import_opvragen_geeft_haar_versie_als_etag_en_304_aan_wie_haar_al_heeft()
    {
        await WerkgeverGeregistreerd();
        var import = (await Importeer(AlsCsv(Rij("GR-1", Testdata.Kvk, "Samen naar werk")))).Als<Importuitkomst>();
        var url = $"{Imports}/{import.ImportId}";

        var eerst = await Get(url, Tokens.Auditor());
        eerst.Status.ShouldBe(200, eerst.Tekst);
        eerst.Header("ETag").ShouldBe("\"1\"");
        eerst.Als<Importuitkomst>().Afspraken.ShouldHaveSingleItem().Kenmerk.ShouldBe("GR-1");

        var opnieuw = await Get(url, Tokens.Regiopartij(), new Dictionary<string, string> { ["If-None-Match"] = "\"1\"" });
        opnieuw.Status.ShouldBe(304);
        opnieuw.Tekst.ShouldBeEmpty();
        opnieuw.Header("ETag").ShouldBe("\"1\"");
        (await Get(url, Tokens.Regiopartij(), new Dictionary<string, string> { ["If-None-Match"] = "W/\"1\"" })).Status.ShouldBe(304);
        (await Get(url, Tokens.Regiopartij(), new Dictionary<string, string> { ["If-None-Match"] = "\"2\"" })).Status.ShouldBe(200);
        (await Get(url, Leeuwarden, new Dictionary<string, string> { ["If-None-Match"] = "\"1\"" })).Probleem(403);
    }

    [Fact]
    public async Task hetzelfde_bestand_nog_eens_ook_als_excel_heeft_zijn_effect_maar_een_keer()
    {
        await WerkgeversGeregistreerd();
        var rijen = new[] { Rij("GR-1", Testdata.Kvk, "Samen naar werk in de bouw"), Rij("GR-2", Testdata.AndereKvk, "Leren in de zorg") };
        var eerste = await Importeer(AlsCsv(rijen));
        eerste.Status.ShouldBe(201, eerste.Tekst);

        var nogEens = await Importeer(AlsCsv(rijen));
        nogEens.Status.ShouldBe(200, nogEens.Tekst);
        nogEens.Als<Importuitkomst>().ShouldSatisfyAllConditions(
            u => u.EerderGeimporteerd.ShouldBeTrue(), u => u.Afspraken.ShouldBe(eerste.Als<Importuitkomst>().Afspraken));

        var alsExcel = await Importeer(AlsXlsx(rijen), Xlsx);
        alsExcel.Status.ShouldBe(200, alsExcel.Tekst);
        alsExcel.Als<Importuitkomst>().ImportId.ShouldBe(eerste.Als<Importuitkomst>().ImportId);
        (await Importeer(AlsXlsx(rijen), Xlsx, url: $"{Imports}?proef=true")).Als<Importuitkomst>().EerderGeimporteerd.ShouldBeTrue();
        (await AantalInRegister()).ShouldBe(2);
    }

    /// <summary>
    /// A workbook as Excel writes it when a person types: the KvK-nummer as a number (its leading zero gone), dates as
    /// dates, numbers as numbers. The import reads them back as the template means them.
    /// </summary>
    private static byte[] AlsXlsx(IEnumerable<string[]> rijen)
    {
        using var werkboek = new XLWorkbook();
        var blad = werkboek.AddWorksheet("Afspraken");
        for (var k = 0; k < Kop.Length; k++) blad.Cell(1, k + 1).Value = Kop[k];
        var r = 2;
        foreach (var rij in rijen)
        {
            for (var k = 0; k < rij.Length; k++)
            {
                var cel = blad.Cell(r, k + 1);
                if (Kop[k] == "regiopartij1Oin") cel.SetValue(rij[k]);
                else if (DateTime.TryParseExact(rij[k], "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var datum)) cel.Value = datum;
                else if (long.TryParse(rij[k], out var getal)) cel.Value = getal;
                else cel.Value = rij[k];
            }

            r++;
        }

        using var stroom = new MemoryStream();
        werkboek.SaveAs(stroom);
        return stroom.ToArray();
    }

    [Fact]
    public async Task weigeringen_bij_het_importeren()
    {
        await WerkgeverGeregistreerd();
        var bestand = AlsCsv(Rij("GR-1", Testdata.Kvk, "Samen naar werk"));

        (await Importeer(bestand, token: "")).Probleem(401);
        (await Importeer(bestand, token: Leeuwarden)).Probleem(403);
        (await Importeer(bestand, token: Tokens.Auditor())).Probleem(403);
        (await Importeer(bestand, token: Tokens.Werkgever())).Probleem(403);
        (await Importeer(bestand, token: Tokens.Regiopartij(Testdata.GemeenteGroningen, "AM99"), url: "/v1/arbeidsmarktregios/AM99/imports")).Probleem(404);
        (await Importeer(bestand, token: Tokens.Regiopartij(), url: "/v1/arbeidsmarktregios/AM1/imports"))
            .OngeldigeVelden().ShouldBe(["code"]);
        (await Importeer(bestand, "application/json")).ProbleemCode(415).ShouldBe("mediatype-niet-ondersteund");
        (await Importeer(Encoding.UTF8.GetBytes("kenmerk;kleur\r\nA;rood"))).OngeldigeVelden().ShouldContain("bestand.kleur");
        (await Importeer(bestand, Xlsx)).OngeldigeVelden().ShouldBe(["bestand"]);
        (await Importeer(new byte[AfsprakenImporterenEndpoint.MaximaleGrootte + 1])).ProbleemCode(413).ShouldBe("bestand-te-groot");
        (await Get($"{Imports}/{Guid.NewGuid()}", Tokens.Regiopartij())).Probleem(404);
        (await Get($"{Imports}/{Guid.NewGuid()}", Leeuwarden)).Probleem(403);
        (await Get($"{Imports}/{Guid.NewGuid()}")).Probleem(401);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    public async Task een_stuur_of_richtingsteken_in_een_bestand_wordt_geweigerd_en_niets_wordt_vastgelegd(string teken)
    {
        await WerkgeverGeregistreerd();
        var voor = await Opslag();
        var rij = Rij("GR-1", Testdata.Kvk, $"Samen{teken}naar werk");

        (await Importeer(AlsCsv(rij))).ProbleemCode(400).ShouldBe("ongeldige-invoer");
        if (teken.Length == 1 && teken[0] >= 0x20)
        {
            // XML cannot hold a C0 control character, so only the bidi characters can be in a workbook's cell.
            var uitExcel = await Importeer(AlsXlsx([rij]), Xlsx);
            uitExcel.OngeldigeVelden().ShouldBe(["regels[2].titel"], uitExcel.Tekst);
        }

        (await Opslag()).Gelijk(voor).ShouldBeTrue();
        (await AantalInRegister()).ShouldBe(0);
    }

    [Fact]
    public async Task een_opgeheven_regio_neemt_geen_import_meer_aan()
    {
        await WerkgeverGeregistreerd();
        var opheffing = await Post("/v1/arbeidsmarktregios/AM01/opheffing", new { opvolger = "AM02", geldigVanaf = "2025-01-01", reden = "Samengegaan" },
            Tokens.Beheerder(), IfMatch(1));
        opheffing.Status.ShouldBe(200, opheffing.Tekst);

        (await Importeer(AlsCsv(Rij("GR-1", Testdata.Kvk, "Samen naar werk")))).ProbleemCode(409).ShouldBe("regio-opgeheven");
    }
}
