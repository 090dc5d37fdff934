using ClosedXML.Excel;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Register;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Exports;

public sealed class Register_exporteren(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const string Url = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken/export";

    private static readonly string[] Koppen =
    [
        "Afspraak-id", "Titel", "KvK-nummer", "Werkgever", "Arbeidsmarktregio", "Status", "Startdatum", "Einddatum", "Varianten",
        "Volledig ondertekend", "Overgenomen", "Versie", "Laatst gewijzigd",
    ];

    private Guid _actief;
    private Guid _andereWerkgever;
    private Guid _drenthe;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij())).Status.ShouldBe(201);
        (await Post("/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk, "Zorggroep \"Zuid\"; locatie Stad", "zorg-en-welzijn"), Tokens.Regiopartij()))
            .Status.ShouldBe(201);
        _actief = (await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;
        _drenthe = (await Post(Afspraken, Testdata.Afspraak(regio: Testdata.Drenthe, oin: Testdata.GemeenteAssen), Assen))
            .Als<SamenwerkingsafspraakWeergave>().Id;
        Tijd.Verzet(TimeSpan.FromHours(1));
        _andereWerkgever = (await Post(Afspraken, Testdata.Afspraak(kvk: Testdata.AndereKvk), Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>().Id;
        Tijd.Verzet(TimeSpan.FromHours(1));
        (await Post($"{Afspraken}/{_actief}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        (await Post($"{Afspraken}/{_actief}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij())).Status.ShouldBe(200);
    }

    [Fact]
    public async Task het_register_als_csv_heeft_nederlandse_koppen_en_een_rij_per_afspraak_van_de_regio()
    {
        var bestand = await Download($"{Url}?formaat=csv", Tokens.Auditor());

        bestand.ContentType.ShouldBe("text/csv; charset=utf-8");
        bestand.Dispositie.ShouldBe("attachment");
        bestand.Bestandsnaam.ShouldBe("register-AM01-2025-01-06.csv");
        bestand.ApiVersie.ShouldBe("1.0.0");
        bestand.CsvRijen()[0].ShouldBe(Koppen);
        var rijen = bestand.CsvRecords();
        rijen.Select(r => Guid.Parse(r["Afspraak-id"])).ShouldBe([_actief, _andereWerkgever]);
        rijen.ShouldNotContain(r => r["Afspraak-id"] == _drenthe.ToString());

        var actief = rijen[0];
        actief["Titel"].ShouldBe("Samen naar werk in de bouw");
        actief["KvK-nummer"].ShouldBe(Testdata.Kvk);
        actief["Werkgever"].ShouldBe("Bouwbedrijf Noord B.V.");
        actief["Arbeidsmarktregio"].ShouldBe("AM01");
        actief["Status"].ShouldBe("actief");
        actief["Startdatum"].ShouldBe("2025-01-01");
        actief["Einddatum"].ShouldBe("2026-12-31");
        actief["Varianten"].ShouldBe("praktijkroute, externe-jobcoaching");
        actief["Volledig ondertekend"].ShouldBe("ja");
        actief["Overgenomen"].ShouldBe("nee");
        actief["Versie"].ShouldBe("4");
        actief["Laatst gewijzigd"].ShouldBe("2025-01-06T11:00:00+01:00");
        rijen[1]["Werkgever"].ShouldBe("Zorggroep \"Zuid\"; locatie Stad");
        rijen[1]["Status"].ShouldBe("concept");
        rijen[1]["Volledig ondertekend"].ShouldBe("nee");
    }

    [Theory]
    [InlineData("status=actief")]
    [InlineData("status=concept&variant=praktijkroute")]
    [InlineData("werkgever=76543210")]
    [InlineData("variant=basisbaan")]
    [InlineData("")]
    public async Task de_export_past_dezelfde_filters_toe_als_het_register(string filters)
    {
        var register = (await Get($"/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken?{filters}", Tokens.Regiopartij())).Als<AfspraakLijst>();

        var export = (await Download($"{Url}?formaat=csv&{filters}", Tokens.Regiopartij())).CsvRecords();

        export.Select(r => Guid.Parse(r["Afspraak-id"])).ShouldBe(register.Samenwerkingsafspraken.Select(a => a.Id));
        register.Volgende.ShouldBeNull();
    }

    [Fact]
    public async Task de_filters_kiezen_de_juiste_afspraken()
    {
        (await Download($"{Url}?formaat=csv&status=actief", Tokens.Auditor())).CsvRecords().Select(r => Guid.Parse(r["Afspraak-id"])).ShouldBe([_actief]);
        (await Download($"{Url}?formaat=csv&werkgever={Testdata.AndereKvk}", Tokens.Auditor())).CsvRecords().Select(r => Guid.Parse(r["Afspraak-id"]))
            .ShouldBe([_andereWerkgever]);
        var leeg = await Download($"{Url}?formaat=csv&variant=basisbaan", Tokens.Auditor());
        leeg.CsvRijen().ShouldHaveSingleItem().ShouldBe(Koppen);
    }

    [Fact]
    public async Task het_register_als_xlsx_heeft_een_bevroren_kopregel_en_getypeerde_cellen()
    {
        var bestand = await Download($"{Url}?formaat=xlsx&status=actief", Tokens.Regiopartij());

        bestand.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        bestand.Bestandsnaam.ShouldBe("register-AM01-2025-01-06.xlsx");
        using var werkboek = bestand.Werkboek();
        var blad = werkboek.Worksheet(1);
        blad.Name.ShouldBe("Register");
        blad.SheetView.SplitRow.ShouldBe(1);
        blad.Row(1).Cells(1, Koppen.Length).Select(c => c.GetString()).ShouldBe(Koppen);
        blad.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        blad.LastRowUsed().RowNumber().ShouldBe(2);

        blad.Cell(2, 1).GetString().ShouldBe(_actief.ToString());
        blad.Cell(2, 3).DataType.ShouldBe(XLDataType.Text);
        blad.Cell(2, 3).GetString().ShouldBe(Testdata.Kvk);
        blad.Cell(2, 7).DataType.ShouldBe(XLDataType.DateTime);
        blad.Cell(2, 7).GetDateTime().ShouldBe(new DateTime(2025, 1, 1));
        blad.Cell(2, 8).GetDateTime().ShouldBe(new DateTime(2026, 12, 31));
        blad.Cell(2, 10).GetString().ShouldBe("ja");
        blad.Cell(2, 12).DataType.ShouldBe(XLDataType.Number);
        blad.Cell(2, 12).GetDouble().ShouldBe(4);
        blad.Cell(2, 13).DataType.ShouldBe(XLDataType.DateTime);
        blad.Cell(2, 13).GetDateTime().ShouldBe(new DateTime(2025, 1, 6, 11, 0, 0));
    }

    [Fact]
    public async Task de_export_kent_dezelfde_lezers_als_het_register()
    {
        (await Get($"{Url}?formaat=csv", Assen)).ProbleemCode(403).ShouldBe("geen-toegang");
        (await Get($"{Url}?formaat=csv", Tokens.Werkgever())).Probleem(403);
        (await Get($"{Url}?formaat=csv", Tokens.Beheerder())).Probleem(403);
        (await Get($"{Url}?formaat=csv")).Probleem(401);
        (await Get("/v1/arbeidsmarktregios/AM04/samenwerkingsafspraken/export?formaat=csv", Tokens.Auditor())).Probleem(404);
        (await Download($"/v1/arbeidsmarktregios/AM03/samenwerkingsafspraken/export?formaat=csv", Assen)).CsvRecords()
            .Select(r => Guid.Parse(r["Afspraak-id"])).ShouldBe([_drenthe]);
    }

    [Fact]
    public async Task een_ontbrekend_of_onbekend_formaat_wordt_met_de_andere_fouten_genoemd()
    {
        (await Get(Url, Tokens.Auditor())).OngeldigeVelden().ShouldBe(["formaat"]);
        (await Get($"{Url}?formaat=pdf", Tokens.Auditor())).Probleem(400)["invalidParams"]![0]!["code"]!.GetValue<string>().ShouldBe("onbekende-waarde");
        (await Get($"{Url}?formaat=ods&status=half&werkgever=12", Tokens.Auditor())).OngeldigeVelden()
            .ShouldBe(["formaat", "status", "werkgever"], ignoreOrder: true);
        (await Get("/v1/arbeidsmarktregios/XX1/samenwerkingsafspraken/export?formaat=csv", Tokens.Auditor())).OngeldigeVelden().ShouldBe(["code"]);
        (await Get($"{Url}?status=half", Assen)).OngeldigeVelden().ShouldBe(["formaat", "status"], ignoreOrder: true);
    }
}
