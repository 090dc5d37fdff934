using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Referentiedata;
using Samenwerkingsafspraken.Referentiedata.Indeling;
using Samenwerkingsafspraken.Tests.Gemeenten;

namespace Samenwerkingsafspraken.Tests.Referentiedata;

public sealed class Het_meegeleverde_cbs_bestand
{
    [Fact]
    public void bevat_de_342_gemeenten_van_2026_in_35_regios()
    {
        var bestand = ReferentiedataImport.LeesGemeenten();

        bestand.Jaar.ShouldBe(2026);
        bestand.Gemeenten.Count.ShouldBe(342);
        bestand.Gemeenten.Select(g => g.Code).Distinct().Count().ShouldBe(342);
        bestand.Regionamen.Count.ShouldBe(35);
        bestand.Gemeenten.Select(g => g.Provincie.Code).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public void elke_regiocode_staat_in_de_meegeleverde_regios_en_andersom()
    {
        var regios = ReferentiedataImport.LeesRegios().Select(r => r.Code).Order().ToList();

        ReferentiedataImport.LeesGemeenten().Regionamen.Keys.Order().ShouldBe(regios);
    }

    [Fact]
    public void de_gemeenten_heten_zoals_in_2026()
    {
        var gemeenten = ReferentiedataImport.LeesGemeenten().Gemeenten.ToDictionary(g => g.Code);

        gemeenten["GM0888"].Naam.ShouldBe("Beek (L.)");
        gemeenten["GM0820"].Naam.ShouldBe("Nuenen, Gerwen en Nederwetten");
        gemeenten["GM0014"].Arbeidsmarktregio.ShouldBe("AM01");
        gemeenten["GM1900"].Provincie.ShouldBe(new Provincie("PV21", "Fryslân"));
        gemeenten.ShouldNotContainKey("GM0457");
    }

    [Fact]
    public void vergeleken_met_zichzelf_verandert_er_niets_en_de_afwijkende_regionaam_is_een_opmerking()
    {
        var plan = Indelingsvergelijking.Vergelijk(ReferentiedataImport.LeesGemeenten(), new DateOnly(2026, 1, 1),
            Indelingskader.Gemeenten().Values.ToList(), Indelingskader.Regios().Values.ToList());

        plan.Besluit.Weigering.ShouldBeNull();
        plan.AantalGebeurtenissen.ShouldBe(0);
        plan.Opmerkingen.ShouldHaveSingleItem().ShouldContain("AM06");
    }
}

public sealed class Een_cbs_bestand_lezen
{
    private const string Kop = "name,code,year,corop_code,corop,region_code,region,province_code,province";

    [Fact]
    public void regels_van_andere_jaren_tellen_niet_mee_en_het_laatste_jaar_is_de_standaard()
    {
        var tekst = $"""
            {Kop}
            Beek,GM0888,2023,CR39,Zuid-Limburg,AM30,Zuid-Limburg,PV31,Limburg
            Beek (L.),GM0888,2026,CR39,Zuid-Limburg,AM30,Zuid-Limburg,PV31,Limburg
            Abcoude,GM0305,2010,CR17,Utrecht,,,PV26,Utrecht
            """;

        var (bestand, fouten) = CbsBestandLezer.Lees(new StringReader(tekst), null);

        fouten.ShouldBeEmpty();
        bestand!.Jaar.ShouldBe(2026);
        bestand.Gemeenten.ShouldHaveSingleItem().Naam.ShouldBe("Beek (L.)");
        CbsBestandLezer.Lees(new StringReader(tekst), 2023).Bestand!.Gemeenten.Single().Naam.ShouldBe("Beek");
    }

    [Fact]
    public void een_puntkomma_als_scheidingsteken_en_aanhalingstekens_gaan_goed()
    {
        var tekst = $"{Kop.Replace(',', ';')}\n\"Nuenen, Gerwen en Nederwetten\";GM0820;2026;CR36;x;AM28;Zuidoost-Brabant;PV30;Noord-Brabant\n";

        CbsBestandLezer.Lees(new StringReader(tekst), null).Bestand!.Gemeenten.Single().Naam.ShouldBe("Nuenen, Gerwen en Nederwetten");
    }

    [Fact]
    public void elke_fout_wordt_met_regel_en_kolom_genoemd()
    {
        var tekst = $"""
            {Kop}
            Goed,GM0001,2027,,,AM01,Groningen,PV20,Groningen
            ,GM12,2027,,,,Groningen,PV20,Groningen
            Dubbel,GM0001,2027,,,AM01,Groningen,P20,Groningen
            """;

        var (bestand, fouten) = CbsBestandLezer.Lees(new StringReader(tekst), null);

        bestand.ShouldBeNull();
        fouten.Select(f => f.Name).ShouldBe(["regels[3].code", "regels[3].name", "regels[3].region_code", "regels[4].province_code", "regels[4].code"],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("name,code,year,region_code,region,province_code,province\n\"GM0001,2027")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("name,code,year,region_code,region,province_code,province\nX,GM0001,2027,AM01,G,PV20")]
    public void onleesbare_invoer_geeft_fouten_en_geen_uitzondering(string tekst)
    {
        var (bestand, fouten) = CbsBestandLezer.Lees(new StringReader(tekst), null);

        bestand.ShouldBeNull();
        fouten.ShouldNotBeEmpty();
    }

    [Fact]
    public void een_ontbrekende_kolom_wordt_genoemd()
    {
        var (_, fouten) = CbsBestandLezer.Lees(new StringReader("name,code,year\nX,GM0001,2027\n"), null);

        fouten.Select(f => f.Name).ShouldBe(["bestand.region_code", "bestand.region", "bestand.province_code", "bestand.province"]);
    }
}

public sealed class Het_bestand_van_volgend_jaar
{
    private static readonly DateOnly Jaar2027 = Indelingskader.Jaar2027;

    /// <summary>2027 as it might come: Beek renamed, Zeewolde to Flevoland, Gorinchem's three gemeenten into a new one in a new region.</summary>
    private static CbsBestand Bestand2027()
    {
        var rijen = ReferentiedataImport.LeesGemeenten().Gemeenten
            .Where(g => g.Arbeidsmarktregio != "AM35")
            .Select(g => g.Code switch
            {
                "GM0888" => g with { Naam = "Beek" },
                "GM0050" => g with { Arbeidsmarktregio = "AM11", Regionaam = "Flevoland" },
                _ => g,
            })
            .Append(new CbsGemeente(999, "GM1999", "Alblasserwaard", new Provincie("PV28", "Zuid-Holland"), "AM39", "Zuid-Holland Zuid"))
            .ToList();
        return new CbsBestand(2027, rijen);
    }

    private static Indelingsplan Plan(CbsBestand bestand) =>
        Indelingsvergelijking.Vergelijk(bestand, Jaar2027, Indelingskader.Gemeenten().Values.ToList(), Indelingskader.Regios().Values.ToList());

    [Fact]
    public void geeft_precies_de_gebeurtenissen_voor_wat_er_veranderde()
    {
        var plan = Plan(Bestand2027());

        var gebeurtenissen = plan.Besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).ToList();
        gebeurtenissen.ShouldBeEvents(
        [
            new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId("AM39"), "AM39", "Zuid-Holland Zuid", Jaar2027, [], null, []),
            new GemeenteVerplaatst(Gemeente.StreamId("GM0050"), "AM06", "AM11", Jaar2027),
            new GemeenteHernoemd(Gemeente.StreamId("GM0888"), "Beek", Jaar2027),
            new GemeenteVastgesteld(Gemeente.StreamId("GM1999"), "GM1999", "Alblasserwaard", new Provincie("PV28", "Zuid-Holland"), "AM39", Jaar2027, []),
            new GemeenteOpgeheven(Gemeente.StreamId("GM0512"), Jaar2027, null),
            new GemeenteOpgeheven(Gemeente.StreamId("GM1961"), Jaar2027, null),
            new GemeenteOpgeheven(Gemeente.StreamId("GM1978"), Jaar2027, null),
            new ArbeidsmarktregioOpgeheven(Arbeidsmarktregio.StreamId("AM35"), Jaar2027, null, []),
        ]);
        plan.Opmerkingen.Count(o => o.Contains("herindeling")).ShouldBe(3);
        plan.Vingerafdruk.ShouldBe(Plan(Bestand2027()).Vingerafdruk);
        plan.Vingerafdruk.ShouldNotBe(Plan(ReferentiedataImport.LeesGemeenten() with { Jaar = 2027 }).Vingerafdruk);
    }

    [Fact]
    public void een_herindeling_die_al_vastligt_bevestigt_het_bestand_alleen()
    {
        var gemeenten = Indelingskader.Gemeenten().ToDictionary();
        foreach (var code in new[] { "GM0512", "GM1961", "GM1978" })
        {
            gemeenten[code] = Indelingskader.Na(gemeenten[code], new GemeenteOpgeheven(gemeenten[code].Id, Jaar2027, "GM1999"));
        }

        gemeenten["GM1999"] = Gemeente.Evolueer(null, new GemeenteVastgesteld(Gemeente.StreamId("GM1999"), "GM1999", "Alblasserwaard",
            new Provincie("PV28", "Zuid-Holland"), "AM39", Jaar2027, ["GM0512", "GM1961", "GM1978"]), 1);
        var regios = Indelingskader.Regios().ToDictionary();
        regios["AM35"] = Indelingskader.Na(regios["AM35"], new ArbeidsmarktregioOpgeheven(regios["AM35"].Id, Jaar2027, "AM39", ["AM39"]));
        regios["AM39"] = Arbeidsmarktregio.Evolueer(null, new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId("AM39"), "AM39", "Zuid-Holland Zuid",
            Jaar2027, [], null, ["AM35"]), 1);

        var plan = Indelingsvergelijking.Vergelijk(Bestand2027(), Jaar2027, gemeenten.Values.ToList(), regios.Values.ToList());

        plan.Besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).Select(e => e.GetType().Name).ShouldBe(["GemeenteVerplaatst", "GemeenteHernoemd"]);
    }

    [Fact]
    public void een_opgeheven_gemeente_die_terugkomt_in_het_bestand_botst()
    {
        var gemeenten = Indelingskader.Gemeenten().ToDictionary();
        gemeenten["GM0888"] = Indelingskader.Na(gemeenten["GM0888"], new GemeenteOpgeheven(gemeenten["GM0888"].Id, new DateOnly(2026, 1, 1), null));

        var plan = Indelingsvergelijking.Vergelijk(Bestand2027(), Jaar2027, gemeenten.Values.ToList(), Indelingskader.Regios().Values.ToList());

        plan.Besluit.Weigering!.Code.ShouldBe("bestand-botst-met-register");
        plan.Besluit.Weigering.Detail.ShouldContain("GM0888");
    }
}
