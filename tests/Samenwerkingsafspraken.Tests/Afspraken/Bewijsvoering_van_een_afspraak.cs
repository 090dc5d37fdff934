using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Bewijs;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Bewijsvoering_van_een_afspraak
{
    private static readonly DateTimeOffset NaEenJaar = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static object[] EenJaarOpDoel() =>
    [
        .. new[] { "2025-K1", "2025-K2", "2025-K3", "2025-K4" }.Select(k => (object)new ResultatenGeregistreerd(Afspraak.Id, k, new Resultaten(2, 2, 1, 0), NaEenJaar)),
        new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Werkgever, Oordeel.Succesvol, "Goed", true, NaEenJaar),
        new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Gemeentepartij, Oordeel.Succesvol, "Goed", true, NaEenJaar),
    ];

    [Fact]
    public void een_jaar_actief_op_doel_en_positief_geevalueerd_is_bewezen_met_het_bewijs_per_criterium()
    {
        var bewijs = Bewijsvoering.Beoordeel(Afspraak.ActieveAfspraak(EenJaarOpDoel()), new Bewijsregel());

        bewijs.Bewezen.ShouldBeTrue();
        bewijs.Peildatum.ShouldBe(new DateOnly(2026, 1, 15));
        bewijs.Criteria.ShouldAllBe(c => c.Voldaan);
        bewijs.Criteria.Single(c => c.Code == "looptijd").Gegevens["maanden"].ShouldBe("12");
        bewijs.Criteria.Single(c => c.Code == "resultaten").Bewijs.ShouldStartWith("8 plaatsingen tegen een doel van 10 over 12 maanden (80");
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
        var afspraak = Afspraak.ActieveAfspraak([.. EenJaarOpDoel(),
            new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Werkgever, Oordeel.NietSuccesvol, "Toch niet", false, later)]);

        var bewijs = Bewijsvoering.Beoordeel(afspraak, new Bewijsregel());

        bewijs.Bewezen.ShouldBeFalse();
        bewijs.Criteria.Single(c => c.Code == "evaluatie-werkgever").Voldaan.ShouldBeFalse();
    }

    [Fact]
    public void de_regel_is_instelbaar()
    {
        var afspraak = Afspraak.ActieveAfspraak(EenJaarOpDoel());

        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { MinimaleMaandenActief = 18 }).Bewezen.ShouldBeFalse();
        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel { MinimaalPercentageVanDoel = 101 }).Bewezen.ShouldBeFalse();
        var zonderEvaluaties = Afspraak.ActieveAfspraak(EenJaarOpDoel().Take(4).ToArray());
        Bewijsvoering.Beoordeel(zonderEvaluaties, new Bewijsregel()).Bewezen.ShouldBeFalse();
        Bewijsvoering.Beoordeel(zonderEvaluaties, new Bewijsregel { PositieveEvaluatieWerkgever = false, PositieveEvaluatieRegiopartij = false })
            .Bewezen.ShouldBeTrue();
    }

    [Fact]
    public void een_beeindigde_afspraak_telt_tot_haar_einde_niet_tot_late_registraties()
    {
        var afspraak = Afspraak.ActieveAfspraak([.. EenJaarOpDoel().Take(2),
            new AfspraakBeeindigd(Afspraak.Id, "anders", "x", new DateOnly(2025, 6, 30), NaEenJaar)]);

        Bewijsvoering.Beoordeel(afspraak, new Bewijsregel()).Peildatum.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Theory]
    [InlineData("2025-01-01", "2026-01-01", 12)]
    [InlineData("2025-01-15", "2026-01-14", 11)]
    [InlineData("2025-03-31", "2025-02-01", 0)]
    public void volle_maanden(string van, string tot, int maanden) =>
        Bewijsvoering.VolleMaanden(DateOnly.Parse(van), DateOnly.Parse(tot)).ShouldBe(maanden);
}
