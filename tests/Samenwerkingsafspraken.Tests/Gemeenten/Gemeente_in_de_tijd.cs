using Samenwerkingsafspraken.Gemeenten;

namespace Samenwerkingsafspraken.Tests.Gemeenten;

public sealed class Gemeente_in_de_tijd
{
    private static readonly DateOnly Begin = Indelingskader.Begin;
    private static Gemeente Beek => Indelingskader.Gemeenten()["GM0888"];

    [Fact]
    public void een_verplaatsing_geldt_vanaf_haar_datum_en_de_dag_ervoor_blijft_zoals_het_was()
    {
        var g = Indelingskader.Na(Beek, new GemeenteVerplaatst(Beek.Id, "AM30", "AM29", new DateOnly(2027, 1, 1)));

        g.RegioOp(new DateOnly(2026, 12, 31)).ShouldBe("AM30");
        g.RegioOp(new DateOnly(2027, 1, 1)).ShouldBe("AM29");
        g.Regios.ShouldBe(["AM30", "AM29"]);
        g.Arbeidsmarktregio.ShouldBe("AM29");
        g.Version.ShouldBe(2);
    }

    [Fact]
    public void een_correctie_van_het_verleden_laat_een_latere_wijziging_staan()
    {
        var g = Indelingskader.Na(Beek,
            new GemeenteVerplaatst(Beek.Id, "AM30", "AM29", new DateOnly(2027, 1, 1)),
            new GemeenteVerplaatst(Beek.Id, "AM30", "AM33", new DateOnly(2025, 1, 1)));

        g.RegioOp(new DateOnly(2024, 6, 1)).ShouldBe("AM30");
        g.RegioOp(new DateOnly(2026, 6, 1)).ShouldBe("AM33");
        g.RegioOp(new DateOnly(2027, 6, 1)).ShouldBe("AM29");
    }

    [Fact]
    public void een_opgeheven_gemeente_hoort_na_haar_einde_nergens_meer_bij()
    {
        var g = Indelingskader.Na(Beek, new GemeenteOpgeheven(Beek.Id, new DateOnly(2027, 1, 1), "GM1999"));

        g.IsGeldigOp(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        g.IsGeldigOp(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        g.RegioOp(new DateOnly(2027, 1, 1)).ShouldBeNull();
        g.NaamOp(new DateOnly(2027, 1, 1)).ShouldBeNull();
        g.OpgegaanIn.ShouldBe("GM1999");
        g.IsGeldigOp(Begin.AddDays(-1)).ShouldBeFalse();
    }

    [Fact]
    public void naam_en_provincie_hebben_elk_hun_eigen_geschiedenis()
    {
        var g = Indelingskader.Na(Beek,
            new GemeenteHernoemd(Beek.Id, "Beek (Limburg)", new DateOnly(2027, 1, 1)),
            new GemeenteProvincieGewijzigd(Beek.Id, new Provincie("PV30", "Noord-Brabant"), new DateOnly(2028, 1, 1)));

        g.NaamOp(new DateOnly(2026, 1, 1)).ShouldBe("Beek (L.)");
        g.NaamOp(new DateOnly(2027, 1, 1)).ShouldBe("Beek (Limburg)");
        g.ProvincieOp(new DateOnly(2027, 6, 1))!.Code.ShouldBe("PV31");
        g.ProvincieOp(new DateOnly(2028, 6, 1))!.Code.ShouldBe("PV30");
    }

    [Fact]
    public void een_naam_wordt_gevonden_zonder_hoofdletters_accenten_of_provincietoevoeging()
    {
        Beek.Zoeknamen.ShouldBe(["beek (l.)", "beek"]);
        Zoeknaam.Normaliseer("  Súdwest-Fryslân ").ShouldBe("sudwest-fryslan");
        Zoeknaam.Normaliseer("Bergen  (NH.)").ShouldBe("bergen (nh.)");
        Zoeknaam.Varianten("Bergen (NH.)").ShouldBe(["bergen (nh.)", "bergen"]);
    }

    [Fact]
    public void een_herindeling_in_een_bestaande_gemeente_wordt_bij_die_gemeente_vastgelegd()
    {
        var amsterdam = Indelingskader.Gemeenten()["GM0363"];

        var g = Indelingskader.Na(amsterdam, new GemeenteUitgebreid(amsterdam.Id, ["GM0457"], new DateOnly(2027, 3, 24)));

        g.Opgenomen.ShouldHaveSingleItem().Gemeenten.ShouldBe(["GM0457"]);
        g.IsGeldigOp(new DateOnly(2027, 3, 24)).ShouldBeTrue();
    }
}
