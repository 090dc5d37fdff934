using System.Text;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Importeren;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Tests.Afspraken;

/// <summary>Reading an import file, turning its rows into the API's requests, and judging them with the API's own rules.</summary>
public sealed class Afspraken_importeren
{
    private const string Kop =
        "kenmerk;werkgever;titel;startdatum;einddatum;doelgroepen;plaatsingenPerJaar;duurzamePlaatsingenPerJaar;regiopartij1Oin;regiopartij1Naam;" +
        "regiopartij1Soort;regiopartij1Ondertekent;werkafspraak1Variant;werkafspraak1Parameters;werkafspraak2Variant;werkafspraak2Parameters;werkaanbod1Sector;werkaanbod1Plaatsen;werkaanbod1Vanaf";

    private const string Goed =
        "GR-1;01234567;Samen naar werk;2025-01-01;31-12-2026;banenafspraak, participatiewet;8;6;00000001001589623000;Gemeente Groningen;gemeente;ja;" +
        "praktijkroute;\"aantalPlaatsen=4; mboKwalificatie=Timmerman\";externe-jobcoaching;urenPerWeek=2,5;bouw;4;2025-03-01";

    private static IReadOnlyList<Importregel> Regels(params string[] rijen)
    {
        var (gelezen, fouten) = Importbestand.Lees(Encoding.UTF8.GetBytes(string.Join("\r\n", [Kop, .. rijen])), Importformaat.Csv);
        fouten.ShouldBeEmpty();
        return gelezen.Select(r => Importvertaling.Vertaal(r, "AM01", Testkader.Kader().Varianten)).ToList();
    }

    private static Importplan Beoordeel(IReadOnlyList<Importregel> regels) =>
        AfsprakenImporteren.Beoordeel(regels, Testkader.Kader(), new Dictionary<string, Werkgever> { ["01234567"] = Testkader.Bouwbedrijf },
            Testkader.Regiopartij(), Testkader.Nu, Guid.CreateVersion7);

    [Fact]
    public void een_regel_wordt_hetzelfde_verzoek_als_de_api_krijgt()
    {
        var regel = Regels(Goed).ShouldHaveSingleItem();

        regel.Celfouten.ShouldBeEmpty();
        regel.Regel.ShouldBe(2);
        regel.Kenmerk.ShouldBe("GR-1");
        var verzoek = regel.Verzoek;
        verzoek.Werkgever.ShouldBe("01234567");
        verzoek.Arbeidsmarktregio.ShouldBe("AM01");
        verzoek.Looptijd.ShouldBe(new Samenwerkingsafspraken.Afspraken.LooptijdVerzoek(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));
        verzoek.Doelgroepen.ShouldBe(["banenafspraak", "participatiewet"]);
        verzoek.Regiopartijen.ShouldHaveSingleItem().ShouldBe(new RegiopartijVerzoek("00000001001589623000", "Gemeente Groningen", "gemeente", true, null));
        verzoek.Werkafspraken!.Select(w => w.VariantCode).ShouldBe(["praktijkroute", "externe-jobcoaching"]);
        verzoek.Werkafspraken![0].Parameters!["aantalPlaatsen"].GetInt64().ShouldBe(4);
        verzoek.Werkafspraken![1].Parameters!["urenPerWeek"].GetDecimal().ShouldBe(2.5m);
        verzoek.Werkaanbod!.ShouldHaveSingleItem().ShouldBe(new WerkaanbodVerzoek("bouw", null, null, 4, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void goede_regels_worden_de_gebeurtenis_die_de_api_zou_vastleggen()
    {
        var plan = Beoordeel(Regels(Goed, Goed.Replace("GR-1", "GR-2").Replace("Samen naar werk", "Tweede afspraak")));

        plan.Fouten.ShouldBeEmpty();
        plan.Afspraken.Count.ShouldBe(2);
        var opgesteld = plan.Afspraken[0].Gebeurtenis;
        opgesteld.Arbeidsmarktregio.ShouldBe("AM01");
        opgesteld.Werkgever.Naam.ShouldBe("Bouwbedrijf Noord B.V.");
        opgesteld.Inhoud.Werkafspraken[0].Parameters.Keys.ShouldBe(["aantalPlaatsen", "mboKwalificatie", "praktijkverklaring"], ignoreOrder: true,
            customMessage: "een ontbrekende parameter krijgt de standaardwaarde, zoals in de API");
        opgesteld.Inhoud.Werkaanbod.ShouldBe([new Werkaanbodregel("bouw", null, null, 4, new DateOnly(2025, 3, 1))]);
    }

    [Fact]
    public void elk_probleem_van_elke_regel_wordt_tegelijk_gemeld_met_regel_en_kolom()
    {
        var slecht = "GR-1;0123;;2025-13-01;2024-01-01;iedereen;veel;6;;Gemeente;gemeente;misschien;praktijkroute;aantalPlaatsen=4000;onbekend;x;ruimtevaart;0;2025-03-01";

        var plan = Beoordeel(Regels(Goed, slecht, Goed));

        plan.Afspraken.Count.ShouldBe(2);
        plan.Fouten.Select(f => f.Name).ShouldBe([
            "regels[3].startdatum", "regels[3].plaatsingenPerJaar", "regels[3].regiopartij1Ondertekent", "regels[3].werkafspraak2Parameters",
            "regels[3].kenmerk",
            "regels[3].werkgever", "regels[3].titel", "regels[3].regiopartij1Oin", "regels[3].werkafspraak1Parameters", "regels[3].werkafspraak1Parameters",
            "regels[3].werkafspraak2Variant",
            "regels[3].doelgroepen", "regels[3].werkaanbod1Sector", "regels[3].werkaanbod1Plaatsen",
            "regels[4].kenmerk", "regels[4].titel",
        ], ignoreOrder: true);
    }

    [Fact]
    public void het_besluit_start_de_import_en_per_regel_de_afspraak_in_een_keer()
    {
        var bestand = new Afsprakenbestand("AM01", "csv", Regels(Goed, Goed.Replace("GR-1", "GR-2").Replace("Samen naar werk", "Tweede afspraak")));
        var werkgevers = new Dictionary<string, Werkgever> { ["01234567"] = Testkader.Bouwbedrijf };

        var besluit = AfsprakenImporteren.Beslis(bestand, werkgevers, Testkader.Kader(), Testkader.Regiopartij(), Testkader.Nu, Guid.CreateVersion7);

        var import = besluit.Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<AfsprakenGeimporteerd>();
        import.ImportId.ShouldBe(bestand.ImportId);
        import.Afspraken.Select(a => (a.Regel, a.Kenmerk)).ShouldBe([(2, "GR-1"), (3, "GR-2")]);
        besluit.NieuweStromen.Select(s => s.Id).ShouldBe(import.Afspraken.Select(a => a.AfspraakId));
        besluit.NieuweStromen.ShouldAllBe(s => s.AggregateType == typeof(Samenwerkingsafspraak) && s.Gebeurtenissen.Single() is AfspraakOpgesteld);
    }

    [Fact]
    public void alleen_een_regiopartij_van_een_bestaande_regio_die_niet_is_opgeheven_importeert()
    {
        var bestand = new Afsprakenbestand("AM01", "csv", Regels(Goed));
        var werkgevers = new Dictionary<string, Werkgever> { ["01234567"] = Testkader.Bouwbedrijf };
        var kader = Testkader.Kader();
        var opgeheven = kader with
        {
            Regios = kader.Regios.ToDictionary(r => r.Key, r => r.Key == "AM01" ? r.Value with { GeldigTot = new DateOnly(2025, 1, 1) } : r.Value),
        };

        AfsprakenImporteren.Beslis(bestand, werkgevers, kader, Testkader.Regiopartij(regios: "AM02"), Testkader.Nu, Guid.CreateVersion7).Weigering!.Code
            .ShouldBe("andere-regio");
        AfsprakenImporteren.Beslis(bestand with { Arbeidsmarktregio = "AM99" }, werkgevers, kader, Testkader.Regiopartij(regios: "AM99"), Testkader.Nu,
            Guid.CreateVersion7).Weigering!.Soort.ShouldBe(Samenwerkingsafspraken.Infrastructure.Writing.Weigeringsoort.NietGevonden);
        AfsprakenImporteren.Beslis(bestand, werkgevers, opgeheven, Testkader.Regiopartij(), Testkader.Nu, Guid.CreateVersion7).Weigering!.Code
            .ShouldBe("regio-opgeheven");
    }

    [Fact]
    public void de_kolom_van_een_probleem_volgt_de_genummerde_groep_waar_het_vandaan_kwam()
    {
        var groepen = new Importgroepen([2, 3], [1, 4], [3]);

        Importvertaling.Kolom("regiopartijen[0].oin", "ongeldig-formaat", groepen).ShouldBe("regiopartij2Oin");
        Importvertaling.Kolom("regiopartijen[1].soort", "onbekende-waarde", groepen).ShouldBe("regiopartij3Soort");
        Importvertaling.Kolom("regiopartijen", "geen-ondertekenaar", groepen).ShouldBe("regiopartij2Ondertekent");
        Importvertaling.Kolom("werkafspraken[1].parameters.urenPerWeek", "buiten-bereik", groepen).ShouldBe("werkafspraak4Parameters");
        Importvertaling.Kolom("werkafspraken[0].maatwerk", "te-lang", groepen).ShouldBe("werkafspraak1Maatwerk");
        Importvertaling.Kolom("werkaanbod[0].aantalPlaatsen", "buiten-bereik", groepen).ShouldBe("werkaanbod3Plaatsen");
        Importvertaling.Kolom("doelstellingen.duurzamePlaatsingenPerJaar", "meer-dan-plaatsingen", groepen).ShouldBe("duurzamePlaatsingenPerJaar");
        Importvertaling.Kolom("looptijd.einddatum", "voor-startdatum", groepen).ShouldBe("einddatum");
        Importvertaling.Kolom("doelgroepen[1]", "onbekende-waarde", groepen).ShouldBe("doelgroepen");
    }

    [Fact]
    public void dezelfde_afspraken_geven_dezelfde_vingerafdruk_ook_met_lege_regels_ertussen()
    {
        var een = AfsprakenImporteren.Vingerafdruk(Regels(Goed));

        AfsprakenImporteren.Vingerafdruk(Regels("", Goed, ";;;")).ShouldBe(een);
        AfsprakenImporteren.Vingerafdruk(Regels(Goed.Replace(";8;", ";9;"))).ShouldNotBe(een);
    }

    [Fact]
    public void een_excelbestand_dat_uitgepakt_te_groot_wordt_is_een_fout_in_het_bestand_geen_uitzondering()
    {
        using var werkboek = new ClosedXML.Excel.XLWorkbook();
        var blad = werkboek.AddWorksheet("Afspraken");
        blad.Cell(1, 1).Value = "kenmerk";
        var lang = new string('x', 30_000);
        for (var r = 2; r <= 2_400; r++) blad.Cell(r, 1).Value = lang + r;
        using var stroom = new MemoryStream();
        werkboek.SaveAs(stroom);
        stroom.Length.ShouldBeLessThan(2 * 1024 * 1024, "klein genoeg voor de grens van het verzoek");

        Importbestand.Lees(stroom.ToArray(), Importformaat.Xlsx).Fouten.ShouldHaveSingleItem().Code.ShouldBe("ongeldig-formaat");
    }

    [Fact]
    public void een_bestand_zonder_de_verplichte_kolommen_of_met_onbekende_wordt_als_geheel_geweigerd()
    {
        var (_, fouten) = Importbestand.Lees(Encoding.UTF8.GetBytes("kenmerk;titel;Werkgever;werkgever;kleur\r\nA;B;C;D;E"), Importformaat.Csv);

        fouten.Select(f => (f.Name, f.Code)).ShouldContain(("bestand.kleur", "onbekende-kolom"));
        fouten.Select(f => (f.Name, f.Code)).ShouldContain(("bestand.werkgever", "dubbel"));
        fouten.Select(f => (f.Name, f.Code)).ShouldContain(("bestand.startdatum", "kolom-ontbreekt"));
        Importbestand.Lees([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], Importformaat.Xlsx).Fouten.ShouldHaveSingleItem().Code.ShouldBe("ongeldig-formaat");
        Importbestand.Lees(Encoding.UTF8.GetBytes(Kop), Importformaat.Csv).Fouten.ShouldHaveSingleItem().Code.ShouldBe("geen-regels");
    }
}
