using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Beeindigen;
using Samenwerkingsafspraken.Afspraken.Evalueren;
using Samenwerkingsafspraken.Afspraken.Verlengen;
using Samenwerkingsafspraken.Afspraken.Verlopen;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Evalueren_verlengen_beeindigen_verlopen
{
    private static readonly DateOnly Vandaag = new(2025, 6, 1);

    [Fact]
    public void elke_partij_evalueert_een_actieve_of_afgelopen_afspraak_maar_geen_concept()
    {
        var verzoek = new EvaluatieVerzoek("deelsSuccesvol", "Jobcoaching werkte, de praktijkroute kwam laat op gang.", true, 4);

        AfspraakEvalueren.Beslis(Afspraak.ActieveAfspraak(), verzoek, Testkader.Werkgever(), Testkader.Nu).Gebeurtenissen.ShouldBe(
            [new AfspraakGeevalueerd(Afspraak.Id, Afspraak.Werkgever, Oordeel.DeelsSuccesvol, verzoek.Lessen!, true, Testkader.Nu)]);
        AfspraakEvalueren.Beslis(Afspraak.Concept(), verzoek, Testkader.Werkgever(), Testkader.Nu).Weigering!.Code.ShouldBe("nog-concept");
        AfspraakEvalueren.Beslis(Afspraak.ActieveAfspraak(), verzoek, Testkader.Auditor(), Testkader.Nu).Weigering!.Code.ShouldBe("geen-partij");
        var verlopen = Afspraak.ActieveAfspraak(new AfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31), Testkader.Nu));
        AfspraakEvalueren.Beslis(verlopen, verzoek, Testkader.Regiopartij(Afspraak.Gemeente), Testkader.Nu).IsWeigering.ShouldBeFalse();
    }

    [Fact]
    public void verlengen_zet_een_latere_einddatum_en_plant_het_verlopen_opnieuw()
    {
        var besluit = AfspraakVerlengen.Beslis(Afspraak.ActieveAfspraak(), new VerlengingVerzoek(new DateOnly(2027, 12, 31), "Goed bevallen", 4),
            Testkader.Werkgever(), Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new AfspraakVerlengd(Afspraak.Id, new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31), "Goed bevallen", Testkader.Nu)]);
        besluit.Berichten.Single().Bericht.ShouldBe(new LaatAfspraakVerlopen(Afspraak.Id, new DateOnly(2027, 12, 31)));
        Afspraak.ActieveAfspraak(besluit.Gebeurtenissen.ToArray()).Inhoud.Looptijd.Einddatum.ShouldBe(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void verlengen_weigert_een_concept_een_eerdere_datum_en_een_te_lange_looptijd()
    {
        AfspraakVerlengen.Beslis(Afspraak.Concept(), new VerlengingVerzoek(new DateOnly(2027, 1, 1), null, 1), Testkader.Werkgever(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("nog-concept");
        AfspraakVerlengen.Beslis(Afspraak.ActieveAfspraak(), new VerlengingVerzoek(new DateOnly(2026, 12, 31), null, 4), Testkader.Werkgever(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("niet-later");
        AfspraakVerlengen.Beslis(Afspraak.ActieveAfspraak(), new VerlengingVerzoek(new DateOnly(2035, 1, 2), null, 4), Testkader.Werkgever(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("te-lang");
    }

    [Fact]
    public void alleen_een_regiopartij_van_de_regio_beeindigt_en_dat_per_vandaag()
    {
        var verzoek = new BeeindigingVerzoek("werkgever-gestopt", "De vestiging in Groningen sluit.", 4);

        AfspraakBeeindigen.Beslis(Afspraak.ActieveAfspraak(), verzoek, Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("geen-regiopartij");
        AfspraakBeeindigen.Beslis(Afspraak.ActieveAfspraak(), verzoek, Testkader.Regiopartij(regios: "AM02"), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-regiopartij");
        AfspraakBeeindigen.Beslis(Afspraak.ActieveAfspraak(), verzoek, Testkader.Regiopartij("00000001009999999000"), Vandaag, Testkader.Nu)
            .Gebeurtenissen.ShouldBe([new AfspraakBeeindigd(Afspraak.Id, "werkgever-gestopt", "De vestiging in Groningen sluit.", Vandaag, Testkader.Nu)]);
    }

    [Fact]
    public void een_afgesloten_afspraak_wordt_niet_nog_eens_beeindigd()
    {
        var beeindigd = Afspraak.ActieveAfspraak(new AfspraakBeeindigd(Afspraak.Id, "anders", "x", Vandaag, Testkader.Nu));

        AfspraakBeeindigen.Beslis(beeindigd, new BeeindigingVerzoek("anders", "y", 5), Testkader.Regiopartij(), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("afgesloten");
    }

    [Fact]
    public void een_actieve_afspraak_verloopt_na_haar_einddatum()
    {
        var bericht = new LaatAfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31));

        AfspraakLatenVerlopen.Beslis(Afspraak.ActieveAfspraak(), bericht, new DateOnly(2027, 1, 1), Testkader.Nu).Gebeurtenissen
            .ShouldBe([new AfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31), Testkader.Nu)]);
        Afspraak.ActieveAfspraak(new AfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31), Testkader.Nu)).Status.ShouldBe(AfspraakStatus.Verlopen);
    }

    [Fact]
    public void verlopen_verandert_niets_aan_een_verlengde_beeindigde_of_nog_lopende_afspraak()
    {
        var bericht = new LaatAfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31));
        var verlengd = Afspraak.ActieveAfspraak(new AfspraakVerlengd(Afspraak.Id, new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31), null, Testkader.Nu));
        var beeindigd = Afspraak.ActieveAfspraak(new AfspraakBeeindigd(Afspraak.Id, "anders", "x", Vandaag, Testkader.Nu));

        AfspraakLatenVerlopen.Beslis(verlengd, bericht, new DateOnly(2027, 1, 1), Testkader.Nu).Gebeurtenissen.ShouldBeEmpty();
        AfspraakLatenVerlopen.Beslis(beeindigd, bericht, new DateOnly(2027, 1, 1), Testkader.Nu).Gebeurtenissen.ShouldBeEmpty();
        AfspraakLatenVerlopen.Beslis(Afspraak.ActieveAfspraak(), bericht, new DateOnly(2026, 12, 31), Testkader.Nu).Gebeurtenissen.ShouldBeEmpty();
    }
}
