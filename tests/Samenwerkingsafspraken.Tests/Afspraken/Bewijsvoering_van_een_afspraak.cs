using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Bewijsvoering_van_een_afspraak
{
    private static readonly DateTimeOffset Geactiveerd = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NaEenJaar = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Each quarter's results a few days after the quarter ended, as the parties report while the agreement runs.</summary>
    private static readonly (string Kwartaal, DateTimeOffset Op)[] Tijdig =
    [
        ("2025-K1", new(2025, 4, 5, 9, 0, 0, TimeSpan.Zero)), ("2025-K2", new(2025, 7, 5, 9, 0, 0, TimeSpan.Zero)),
        ("2025-K3", new(2025, 10, 5, 9, 0, 0, TimeSpan.Zero)), ("2025-K4", new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero)),
    ];

    private static object[] Resultaten(IEnumerable<(string Kwartaal, DateTimeOffset Op)> kwartalen) =>
        kwartalen.Select(k => (object)new ResultatenGeregistreerd(Afspraak.Id, k.Kwartaal, new Resultaten(2, 2, 1, 0), k.Op)).ToArray();

    private static object[] Evaluaties(DateTimeOffset op) =>
    [
        new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Werkgever, Oordeel.Succesvol, "Goed", true, op),
        new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Gemeentepartij, Oordeel.Succesvol, "Goed", true, op),
    ];

    public static object[] EenJaarOpDoel() => [.. Resultaten(Tijdig), .. Evaluaties(NaEenJaar)];

    /// <summary>Activated in early January 2025, a year of timely results on target, two positive evaluations.</summary>
    public static Samenwerkingsafspraak BewezenAfspraak() => Afspraak.GeactiveerdOp(Geactiveerd, EenJaarOpDoel());

    [Fact]
    public void een_jaar_actief_op_doel_en_positief_geevalueerd_is_bewezen_met_het_bewijs_per_criterium()
    {
        var bewijs = Bewijsvoering.Beoordeel(Afspraak.GeactiveerdOp(Geactiveerd, EenJaarOpDoel()), new Bewijsregel());

        bewijs.Bewezen.ShouldBeTrue();
        bewijs.Peildatum.ShouldBe(new DateOnly(2026, 1, 15));
        bewijs.Criteria.ShouldAllBe(c => c.Voldaan);
        bewijs.Criteria.Single(c => c.Code == "looptijd").Gegevens["maanden"].ShouldBe("12");
        bewijs.Criteria.Single(c => c.Code == "resultaten").Bewijs.ShouldStartWith("8 plaatsingen tegen een doel van 10 over 12 maanden (80");
        bewijs.Bewijsstukken.Select(b => (b.Soort, b.Periode, b.Tijdig, b.Telt)).ShouldBe(
        [
            ("resultaten", "2025-K1", true, true), ("resultaten", "2025-K2", true, true), ("resultaten", "2025-K3", true, true),
            ("resultaten", "2025-K4", true, true), ("evaluatie", null, true, true), ("evaluatie", null, true, true),
        ]);
        bewijs.Bewijsstukken[0].VastgelegdOp.ShouldBe(Tijdig[0].Op);
    }

    [Fact]
    public void elk_ontbrekend_criterium_wordt_genoemd()
    {
        var bewijs = Bewijsvoering.Beoordeel(Afspraak.ActieveAfspraak(), new Bewijsregel());

        bewijs.Bewezen.ShouldBeFalse();
        bewijs.Criteria.Where(c => !c.Voldaan).Select(c => c.Code).ShouldBe(["looptijd", "resultaten", "evaluatie-werkgever", "evaluatie-regiopartij"]);
        bewijs.Criteria.Single(c => c.Code == "evaluatie-werkgever").Bewijs.ShouldBe("Nog geen evaluatie.");
    }

    [Fact]
    public void de_laatste_evaluatie_van_een_partij_telt()
    {
        var later = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd, [.. EenJaarOpDoel(),
            new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Werkgever, Oordeel.NietSuccesvol, "Toch niet", false, later)]);

        var bewijs = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel());

        bewijs.Bewezen.ShouldBeFalse();
        bewijs.Criteria.Single(c => c.Code == "evaluatie-werkgever").Voldaan.ShouldBeFalse();
    }

    [Fact]
    public void de_regel_is_instelbaar()
    {
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd, EenJaarOpDoel());

        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { MinimaleMaandenActief = 18 }).Bewezen.ShouldBeFalse();
        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { MinimaalPercentageVanDoel = 101 }).Bewezen.ShouldBeFalse();
        var zonderEvaluaties = Afspraak.GeactiveerdOp(Geactiveerd, Resultaten(Tijdig));
        Bewijsvoering.Beoordeel(zonderEvaluaties, new Bewijsregel()).Bewezen.ShouldBeFalse();
        Bewijsvoering.Beoordeel(zonderEvaluaties, new Bewijsregel { PositieveEvaluatieWerkgever = false, PositieveEvaluatieRegiopartij = false })
            .Bewezen.ShouldBeTrue();
    }

    [Fact]
    public void een_beeindigde_afspraak_telt_tot_haar_einde_niet_tot_late_registraties()
    {
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd, [.. Resultaten(Tijdig.Take(2)),
            new AfspraakBeeindigd(Afspraak.Id, "anders", "x", new DateOnly(2025, 6, 30), NaEenJaar)]);

        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).Peildatum.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void maanden_actief_tellen_vanaf_de_dag_dat_het_register_de_afspraak_actief_zag_niet_vanaf_een_startdatum_in_het_verleden()
    {
        var vandaag = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var afspraak = Afspraak.GeactiveerdOp(vandaag, [.. Resultaten(Tijdig.Select(t => (t.Kwartaal, vandaag))), .. Evaluaties(vandaag.AddSeconds(1))]);

        var bewijs = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { AchterafIngevoerdBewijsTelt = true });

        bewijs.Bewezen.ShouldBeFalse();
        var looptijd = bewijs.Criteria.Single(c => c.Code == "looptijd");
        looptijd.Voldaan.ShouldBeFalse();
        looptijd.Gegevens["actiefVanaf"].ShouldBe("2025-01-01");
        looptijd.Gegevens["teltVanaf"].ShouldBe("2026-03-10");
        looptijd.Gegevens["maanden"].ShouldBe("0");
        looptijd.Bewijs.ShouldContain("pas op 2026-03-10 in het register actief geworden");
    }

    [Fact]
    public void achteraf_ingevoerde_resultaten_worden_getoond_en_tellen_standaard_niet_mee()
    {
        var laat = new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd,
            [.. Resultaten([("2025-K1", laat)]), .. Resultaten(Tijdig.Skip(1)), .. Evaluaties(NaEenJaar)]);

        var standaard = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel());
        var resultaten = standaard.Criteria.Single(c => c.Code == "resultaten");
        resultaten.Gegevens["kwartalenTijdig"].ShouldBe("3");
        resultaten.Gegevens["kwartalenAchteraf"].ShouldBe("1");
        resultaten.Gegevens["gerapporteerdeMaanden"].ShouldBe("9");
        resultaten.Bewijs.ShouldContain("1 kwartaal is achteraf ingevoerd en telt niet mee");
        standaard.Bewijsstukken.Where(b => b.Soort == "resultaten").Select(b => (b.Periode, b.Tijdig, b.Telt))
            .ShouldBe([("2025-K1", false, false), ("2025-K2", true, true), ("2025-K3", true, true), ("2025-K4", true, true)]);

        var ruim = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { AchterafIngevoerdBewijsTelt = true });
        ruim.Criteria.Single(c => c.Code == "resultaten").Gegevens["gerapporteerdeMaanden"].ShouldBe("12");
        ruim.Bewijsstukken.ShouldAllBe(b => b.Telt);
    }

    [Fact]
    public void een_late_correctie_maakt_een_kwartaal_achteraf_ingevoerd()
    {
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd, [.. Resultaten(Tijdig),
            new ResultatenGecorrigeerd(Afspraak.Id, "2025-K1", new Resultaten(5, 2, 1, 0), "Alsnog meegeteld", new DateTimeOffset(2025, 11, 1, 9, 0, 0, TimeSpan.Zero))]);

        var stuk = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).Bewijsstukken.Single(b => b.Periode == "2025-K1");

        stuk.Tijdig.ShouldBeFalse();
        stuk.VastgelegdOp.ShouldBe(new DateTimeOffset(2025, 11, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void een_evaluatie_lang_na_het_einde_is_achteraf_ingevoerd()
    {
        var afspraak = Afspraak.GeactiveerdOp(Geactiveerd, [.. Resultaten(Tijdig.Take(2)),
            new AfspraakBeeindigd(Afspraak.Id, "anders", "x", new DateOnly(2025, 6, 30), new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero)),
            .. Evaluaties(new DateTimeOffset(2025, 9, 29, 9, 0, 0, TimeSpan.Zero)), .. Evaluaties(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero))]);

        var stukken = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).Bewijsstukken.Where(b => b.Soort == "evaluatie").ToList();

        stukken.Select(s => s.Tijdig).ShouldBe([true, true, false, false]);
    }

    [Theory]
    [InlineData("2025-01-01", "2026-01-01", 12)]
    [InlineData("2025-01-15", "2026-01-14", 11)]
    [InlineData("2025-03-31", "2025-02-01", 0)]
    public void volle_maanden(string van, string tot, int maanden) =>
        Bewijsvoering.VolleMaanden(DateOnly.Parse(van), DateOnly.Parse(tot)).ShouldBe(maanden);
}
