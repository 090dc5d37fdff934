using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Wijzigen;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Afspraak_wijzigen
{
    private static readonly DateOnly Vandaag = new(2025, 3, 3);

    private static WijzigingVerzoek Verzoek(string titel = "Samen naar werk, tweede versie", DateOnly? eind = null)
    {
        var basis = Afspraak_opstellen.Verzoek();
        return new WijzigingVerzoek("Meer plaatsen afgesproken", titel, null,
            [new RegiopartijVerzoek(Afspraak.Gemeente, "Gemeente Groningen", "gemeente", true, null), new RegiopartijVerzoek(Afspraak.Uwv, "UWV", "uwv", false, null)],
            basis.Werkafspraken, basis.Doelgroepen, basis.Beroepen, new DoelstellingenVerzoek(12, 6),
            new LooptijdVerzoek(new DateOnly(2025, 1, 1), eind ?? new DateOnly(2026, 12, 31)), 4);
    }

    [Fact]
    public void een_wijziging_is_een_nieuwe_versie_die_opnieuw_ondertekend_moet_worden_terwijl_de_afspraak_actief_blijft()
    {
        var afspraak = Afspraak.ActieveAfspraak();

        var besluit = AfspraakWijzigen.Beslis(afspraak, Verzoek(), Testkader.Kader(), Testkader.Werkgever(), Vandaag, Testkader.Nu);

        var gewijzigd = besluit.Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<AfspraakGewijzigd>();
        gewijzigd.Reden.ShouldBe("Meer plaatsen afgesproken");
        gewijzigd.Inhoud.Doelstellingen.ShouldBe(new Doelstellingen(12, 6));
        besluit.Berichten.ShouldBeEmpty();

        var daarna = Afspraak.ActieveAfspraak(gewijzigd);
        daarna.Status.ShouldBe(AfspraakStatus.Actief);
        daarna.InhoudVersie.ShouldBe(5);
        daarna.IsVolledigOndertekend.ShouldBeFalse();
        daarna.OntbrekendeOndertekenaars.Count().ShouldBe(2);
    }

    [Fact]
    public void een_andere_einddatum_van_een_actieve_afspraak_plant_een_nieuw_verloop()
    {
        var besluit = AfspraakWijzigen.Beslis(Afspraak.ActieveAfspraak(), Verzoek(eind: new DateOnly(2027, 6, 30)), Testkader.Kader(),
            Testkader.Werkgever(), Vandaag, Testkader.Nu);

        besluit.Berichten.Single().Bericht.ShouldBe(new LaatAfspraakVerlopen(Afspraak.Id, new DateOnly(2027, 6, 30)));
    }

    [Fact]
    public void dezelfde_inhoud_is_geen_wijziging()
    {
        var afspraak = Afspraak.ActieveAfspraak();
        var zelfde = AfspraakWijzigen.Beslis(afspraak, Verzoek(), Testkader.Kader(), Testkader.Werkgever(), Vandaag, Testkader.Nu).Gebeurtenissen.Single();

        AfspraakWijzigen.Beslis(Afspraak.ActieveAfspraak(zelfde), Verzoek(), Testkader.Kader(), Testkader.Werkgever(), Vandaag, Testkader.Nu)
            .Weigering!.Code.ShouldBe("geen-wijziging");
    }

    [Fact]
    public void alleen_partijen_wijzigen_en_niet_meer_na_het_einde()
    {
        AfspraakWijzigen.Beslis(Afspraak.ActieveAfspraak(), Verzoek(), Testkader.Kader(), Testkader.Werkgever("76543210"), Vandaag, Testkader.Nu)
            .Weigering!.Code.ShouldBe("geen-partij");
        var verlopen = Afspraak.ActieveAfspraak(new AfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31), Testkader.Nu));
        AfspraakWijzigen.Beslis(verlopen, Verzoek(), Testkader.Kader(), Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("afgesloten");
    }

    [Fact]
    public void een_actieve_afspraak_krijgt_geen_einddatum_in_het_verleden()
    {
        AfspraakWijzigen.Beslis(Afspraak.ActieveAfspraak(), Verzoek(eind: new DateOnly(2025, 2, 1)), Testkader.Kader(), Testkader.Werkgever(), Vandaag,
            Testkader.Nu).Weigering!.Code.ShouldBe("einddatum-voorbij");
    }
}
