using ClosedXML.Excel;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Exports;

public sealed class Referenties_exporteren(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly string Url = $"/v1/werkgevers/{Testdata.Kvk}/referenties/export";

    private static readonly string[] Koppen =
    [
        "Afspraak-id", "Versie", "Arbeidsmarktregio", "Titel", "Status", "Startdatum", "Einddatum", "Actief vanaf", "Beëindigd of verlopen op",
        "Varianten", "Doel plaatsingen per jaar", "Gerapporteerde maanden", "Plaatsingen", "Doel plaatsingen", "Percentage van doel",
        "Na 6 maanden in werk", "Na 12 maanden in werk", "Uitval", "Bewezen", "Niet voldaan", "Peildatum bewijs", "Bewijsstukken tijdig",
        "Bewijsstukken achteraf ingevoerd", "Herkomst regio",
        "Herkomst afspraak-id", "Herkomst versie", "Hergebruikt in", "Laatste evaluatie werkgever", "Laatste evaluaties regiopartijen",
    ];

    [Fact]
    public async Task de_werkgever_exporteert_zijn_bewezen_afspraak_met_resultaten_en_evaluaties()
    {
        var bron = await Bewezen();

        var bestand = await Download($"{Url}?formaat=csv", Tokens.Werkgever());

        bestand.ContentType.ShouldBe("text/csv; charset=utf-8");
        bestand.Dispositie.ShouldBe("attachment");
        bestand.Bestandsnaam.ShouldBe("referenties-01234567-2026-01-15.csv");
        bestand.CsvRijen()[0].ShouldBe(Koppen);
        var rij = bestand.CsvRecords().ShouldHaveSingleItem();
        rij["Afspraak-id"].ShouldBe(bron.Id.ToString());
        rij["Versie"].ShouldBe(bron.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rij["Arbeidsmarktregio"].ShouldBe("AM01");
        rij["Status"].ShouldBe("actief");
        rij["Startdatum"].ShouldBe("2025-01-01");
        rij["Einddatum"].ShouldBe("2026-12-31");
        rij["Actief vanaf"].ShouldBe("2025-01-01");
        rij["Beëindigd of verlopen op"].ShouldBe("");
        rij["Doel plaatsingen per jaar"].ShouldBe("8");
        rij["Gerapporteerde maanden"].ShouldBe("12");
        rij["Plaatsingen"].ShouldBe("8");
        rij["Doel plaatsingen"].ShouldBe("8");
        rij["Percentage van doel"].ShouldBe("100");
        rij["Na 6 maanden in werk"].ShouldBe("8");
        rij["Na 12 maanden in werk"].ShouldBe("4");
        rij["Bewezen"].ShouldBe("ja");
        rij["Niet voldaan"].ShouldBe("");
        rij["Peildatum bewijs"].ShouldBe("2026-01-15");
        rij["Bewijsstukken tijdig"].ShouldBe("6");
        rij["Bewijsstukken achteraf ingevoerd"].ShouldBe("0");
        rij["Herkomst regio"].ShouldBe("");
        rij["Hergebruikt in"].ShouldBe("");
        rij["Laatste evaluatie werkgever"].ShouldBe("succesvol (2026-01-15)");
        rij["Laatste evaluaties regiopartijen"].ShouldBe("Gemeente: succesvol (2026-01-15)");
    }

    [Fact]
    public async Task na_hergebruik_noemt_de_bron_de_regio_en_de_overgenomen_afspraak_haar_herkomst_en_wat_nog_ontbreekt()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();
        var besluit = await Post($"/v1/hergebruikverzoeken/{verzoek.Id}/besluit", Accepteren(verzoek.Versie), Leeuwarden);
        besluit.Status.ShouldBe(200, besluit.Tekst);
        var overgenomen = besluit.Als<HergebruikverzoekWeergave>().NieuweAfspraakId!.Value;

        var rijen = (await Download($"{Url}?formaat=csv", Tokens.Auditor())).CsvRecords().ToDictionary(r => Guid.Parse(r["Afspraak-id"]));

        rijen.Keys.ShouldBe([bron.Id, overgenomen], ignoreOrder: true);
        rijen[bron.Id]["Hergebruikt in"].ShouldBe("AM02");
        var nieuw = rijen[overgenomen];
        nieuw["Arbeidsmarktregio"].ShouldBe("AM02");
        nieuw["Status"].ShouldBe("concept");
        nieuw["Herkomst regio"].ShouldBe("AM01");
        nieuw["Herkomst afspraak-id"].ShouldBe(bron.Id.ToString());
        nieuw["Herkomst versie"].ShouldBe(bron.Versie.ToString(System.Globalization.CultureInfo.InvariantCulture));
        nieuw["Bewezen"].ShouldBe("nee");
        nieuw["Niet voldaan"].Split(" | ").ShouldBe([
            "Ten minste 12 maanden actief: De afspraak is nooit actief geweest.",
            "Plaatsingen ten minste 80% van het doel: Er zijn nog geen resultaten geregistreerd.",
            "Positief geëvalueerd door de werkgever: Nog geen evaluatie.",
            "Positief geëvalueerd door ten minste één regiopartij: Nog geen evaluatie.",
        ]);
        nieuw["Percentage van doel"].ShouldBe("");
    }

    [Fact]
    public async Task een_auditor_krijgt_de_historie_als_xlsx_met_getypeerde_cellen()
    {
        var bron = await Bewezen();

        var bestand = await Download($"{Url}?formaat=xlsx", Tokens.Auditor());

        bestand.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        bestand.Bestandsnaam.ShouldBe("referenties-01234567-2026-01-15.xlsx");
        using var werkboek = bestand.Werkboek();
        var blad = werkboek.Worksheet("Referenties");
        blad.SheetView.SplitRow.ShouldBe(1);
        blad.Row(1).Cells(1, Koppen.Length).Select(c => c.GetString()).ShouldBe(Koppen);
        blad.LastRowUsed().RowNumber().ShouldBe(2);
        var kolom = Koppen.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i + 1);
        blad.Cell(2, kolom["Afspraak-id"]).GetString().ShouldBe(bron.Id.ToString());
        blad.Cell(2, kolom["Actief vanaf"]).DataType.ShouldBe(XLDataType.DateTime);
        blad.Cell(2, kolom["Actief vanaf"]).GetDateTime().ShouldBe(new DateTime(2025, 1, 1));
        blad.Cell(2, kolom["Plaatsingen"]).DataType.ShouldBe(XLDataType.Number);
        blad.Cell(2, kolom["Plaatsingen"]).GetDouble().ShouldBe(8);
        blad.Cell(2, kolom["Percentage van doel"]).GetDouble().ShouldBe(100);
        blad.Cell(2, kolom["Bewezen"]).GetString().ShouldBe("ja");
        blad.Cell(2, kolom["Herkomst regio"]).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public async Task een_regio_die_om_hergebruik_is_gevraagd_mag_exporteren_een_andere_niet()
    {
        var bron = await Bewezen();

        (await Get($"{Url}?formaat=csv", Leeuwarden)).ProbleemCode(403).ShouldBe("geen-toegang");
        (await VraagHergebruik(bron.Id)).Status.ShouldBe(201);

        (await Download($"{Url}?formaat=xlsx", Leeuwarden)).Werkboek().Worksheet(1).Cell(2, 1).GetString().ShouldBe(bron.Id.ToString());
        (await Get($"{Url}?formaat=csv", Assen)).Probleem(403);
        (await Get($"{Url}?formaat=csv", Tokens.Werkgever(Testdata.AndereKvk))).Probleem(403);
        (await Get($"{Url}?formaat=csv", Tokens.Beheerder())).Status.ShouldBe(200);
        (await Get($"{Url}?formaat=csv")).Probleem(401);
    }

    [Fact]
    public async Task een_onbekende_werkgever_een_ongeldig_kvk_nummer_en_een_onbekend_formaat_worden_geweigerd()
    {
        await WerkgeverGeregistreerd();

        (await Get("/v1/werkgevers/99999999/referenties/export?formaat=csv", Tokens.Auditor())).Probleem(404);
        (await Get(Url, Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["formaat"]);
        (await Get($"{Url}?formaat=json", Tokens.Werkgever())).OngeldigeVelden().ShouldBe(["formaat"]);
        (await Get("/v1/werkgevers/123/referenties/export?formaat=doc", Tokens.Auditor())).OngeldigeVelden()
            .ShouldBe(["kvkNummer", "formaat"], ignoreOrder: true);
        (await Download($"{Url}?formaat=csv", Tokens.Werkgever())).CsvRijen().ShouldHaveSingleItem().ShouldBe(Koppen);
    }
}
