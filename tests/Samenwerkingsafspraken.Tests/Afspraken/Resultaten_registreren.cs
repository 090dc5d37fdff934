using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.ResultatenRegistreren;
using Samenwerkingsafspraken.Infrastructure.Http;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Resultaten_registreren
{
    private static readonly DateOnly Vandaag = new(2025, 4, 10);

    private static ResultatenVerzoek Verzoek(string periode = "2025-K1", int plaatsingen = 3) => new(periode, plaatsingen, 2, 0, 1, 4);

    [Fact]
    public void resultaten_over_een_begonnen_kwartaal_binnen_de_looptijd_worden_geregistreerd()
    {
        var besluit = ResultatenRegistreren.Beslis(Afspraak.ActieveAfspraak(), Verzoek(), Testkader.Regiopartij(Afspraak.Gemeente), Vandaag, Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new ResultatenGeregistreerd(Afspraak.Id, "2025-K1", new Resultaten(3, 2, 0, 1), Testkader.Nu)]);
    }

    [Fact]
    public void een_concept_heeft_nog_geen_resultaten()
    {
        ResultatenRegistreren.Beslis(Afspraak.Concept(), Verzoek(), Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("nog-concept");
    }

    [Fact]
    public void een_kwartaal_buiten_de_looptijd_of_dat_nog_niet_voorbij_is_wordt_geweigerd()
    {
        ResultatenRegistreren.Beslis(Afspraak.ActieveAfspraak(), Verzoek("2025-K2"), Testkader.Werkgever(), new DateOnly(2025, 6, 30), Testkader.Nu)
            .Weigering!.Code.ShouldBe("periode-niet-afgelopen");
        ResultatenRegistreren.Beslis(Afspraak.ActieveAfspraak(), Verzoek("2025-K2"), Testkader.Werkgever(), new DateOnly(2025, 7, 1), Testkader.Nu)
            .IsWeigering.ShouldBeFalse();
        ResultatenRegistreren.Beslis(Afspraak.ActieveAfspraak(), Verzoek("2024-K4"), Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("periode-buiten-looptijd");
        ResultatenRegistreren.Beslis(Afspraak.ActieveAfspraak(), Verzoek("2025-K3"), Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("periode-niet-afgelopen");
    }

    [Fact]
    public void een_kwartaal_wordt_een_keer_geregistreerd_en_daarna_gecorrigeerd()
    {
        var afspraak = Afspraak.ActieveAfspraak(new ResultatenGeregistreerd(Afspraak.Id, "2025-K1", new Resultaten(3, 2, 0, 1), Testkader.Nu));

        ResultatenRegistreren.Beslis(afspraak, Verzoek(), Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("periode-al-geregistreerd");

        var correctie = ResultatenRegistreren.Corrigeer(afspraak, "2025-K1", new CorrectieVerzoek("Telfout", 4, 2, 0, 1, 5), Testkader.Werkgever(),
            Testkader.Nu);
        correctie.Gebeurtenissen.ShouldBe([new ResultatenGecorrigeerd(Afspraak.Id, "2025-K1", new Resultaten(4, 2, 0, 1), "Telfout", Testkader.Nu)]);

        var gecorrigeerd = Afspraak.ActieveAfspraak([.. afspraak.Resultaten.Select(_ => (object)new ResultatenGeregistreerd(Afspraak.Id, "2025-K1",
            new Resultaten(3, 2, 0, 1), Testkader.Nu)), .. correctie.Gebeurtenissen]);
        gecorrigeerd.Resultaten.Single().ShouldBe(new Perioderesultaat("2025-K1", new Resultaten(4, 2, 0, 1), Testkader.Nu, 1, Testkader.Nu));
    }

    [Fact]
    public void een_correctie_van_een_ongeregistreerd_kwartaal_of_zonder_verschil_wordt_geweigerd()
    {
        var afspraak = Afspraak.ActieveAfspraak(new ResultatenGeregistreerd(Afspraak.Id, "2025-K1", new Resultaten(3, 2, 0, 1), Testkader.Nu));

        ResultatenRegistreren.Corrigeer(afspraak, "2025-K2", new CorrectieVerzoek("x", 1, 0, 0, 0, 5), Testkader.Werkgever(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("periode-niet-geregistreerd");
        ResultatenRegistreren.Corrigeer(afspraak, "2025-K1", new CorrectieVerzoek("x", 3, 2, 0, 1, 5), Testkader.Werkgever(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("geen-wijziging");
    }

    [Fact]
    public void een_beeindigde_afspraak_krijgt_nog_late_resultaten_maar_niet_na_het_einde()
    {
        var beeindigd = Afspraak.ActieveAfspraak(new AfspraakBeeindigd(Afspraak.Id, "doelen-bereikt", "Klaar", new DateOnly(2025, 3, 31), Testkader.Nu));

        ResultatenRegistreren.Beslis(beeindigd, Verzoek(), Testkader.Werkgever(), new DateOnly(2025, 5, 1), Testkader.Nu).IsWeigering.ShouldBeFalse();
        ResultatenRegistreren.Beslis(beeindigd, Verzoek("2025-K2"), Testkader.Werkgever(), new DateOnly(2025, 5, 1), Testkader.Nu).Weigering!.Code
            .ShouldBe("periode-buiten-looptijd");
    }

    [Fact]
    public void duurzaam_in_werk_en_uitval_zijn_nooit_meer_dan_plaatsingen()
    {
        var uitkomst = new ResultatenValidator().Validate(new ResultatenVerzoek("2025-K1", 2, 3, 3, 3, 1));

        Validatie.AlsParameters(uitkomst).Select(p => p.Code).ShouldBe(["meer-dan-plaatsingen", "meer-dan-plaatsingen", "meer-dan-plaatsingen"]);
        new ResultatenValidator().Validate(new ResultatenVerzoek("2025-Q1", -1, 0, 0, 0, 1)).Errors.Count.ShouldBe(2);
    }
}
