using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Ondertekenen;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Afspraak_ondertekenen
{
    private static readonly DateOnly Vandaag = new(2025, 3, 3);

    [Fact]
    public void de_werkgever_ondertekent_een_concept()
    {
        var besluit = AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Werkgever(), Vandaag, Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 1, Testkader.Nu)]);
        besluit.Berichten.ShouldBeEmpty();
    }

    [Fact]
    public void de_laatste_vereiste_handtekening_maakt_de_afspraak_actief_vanaf_de_startdatum_en_plant_het_verlopen()
    {
        var afspraak = Afspraak.Na(Afspraak.Opgesteld(), new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 1, Testkader.Nu));

        var besluit = AfspraakOndertekenen.Beslis(afspraak, Testkader.Regiopartij(Afspraak.Gemeente), Vandaag, Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe(
        [
            new AfspraakOndertekend(Afspraak.Id, Afspraak.Gemeentepartij, 1, Testkader.Nu),
            new AfspraakGeactiveerd(Afspraak.Id, new DateOnly(2025, 1, 1), Testkader.Nu),
        ]);
        var gepland = besluit.Berichten.ShouldHaveSingleItem();
        gepland.Bericht.ShouldBe(new LaatAfspraakVerlopen(Afspraak.Id, new DateOnly(2026, 12, 31)));
        gepland.Tijdstip.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)));

        var actief = Afspraak.Na([.. new object[] { Afspraak.Opgesteld(), new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 1, Testkader.Nu) }, .. besluit.Gebeurtenissen]);
        actief.Status.ShouldBe(AfspraakStatus.Actief);
        actief.ActiefVanaf.ShouldBe(new DateOnly(2025, 1, 1));
        actief.IsVolledigOndertekend.ShouldBeTrue();
    }

    [Fact]
    public void een_tweede_handtekening_van_dezelfde_partij_wordt_geweigerd()
    {
        var afspraak = Afspraak.Na(Afspraak.Opgesteld(), new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 1, Testkader.Nu));

        AfspraakOndertekenen.Beslis(afspraak, Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("al-ondertekend");
    }

    [Fact]
    public void wie_geen_partij_is_ondertekent_niet()
    {
        AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Werkgever("76543210"), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("geen-partij");
        AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Regiopartij("00000001009999999000"), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-partij");
        AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Regiopartij(Afspraak.Gemeente, "AM02"), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-partij");
    }

    [Fact]
    public void een_partij_die_niet_hoeft_te_ondertekenen_ondertekent_niet()
    {
        AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Regiopartij(Afspraak.Uwv), Vandaag, Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-ondertekenaar");
    }

    [Fact]
    public void een_beeindigde_afspraak_wordt_niet_meer_ondertekend()
    {
        var afspraak = Afspraak.Na(Afspraak.Opgesteld(), new AfspraakBeeindigd(Afspraak.Id, "ingetrokken", "Niet doorgegaan", Vandaag, Testkader.Nu));

        AfspraakOndertekenen.Beslis(afspraak, Testkader.Werkgever(), Vandaag, Testkader.Nu).Weigering!.Code.ShouldBe("afgesloten");
    }

    [Fact]
    public void een_concept_waarvan_de_einddatum_voorbij_is_wordt_niet_ondertekend()
    {
        AfspraakOndertekenen.Beslis(Afspraak.Concept(), Testkader.Werkgever(), new DateOnly(2027, 1, 1), Testkader.Nu).Weigering!.Code
            .ShouldBe("looptijd-verstreken");
    }

    [Fact]
    public void na_een_wijziging_van_een_actieve_afspraak_bevestigt_ondertekenen_de_nieuwe_inhoud_zonder_opnieuw_te_activeren()
    {
        var gewijzigd = new AfspraakGewijzigd(Afspraak.Id, Afspraak.Opgesteld().Inhoud with { Titel = "Nieuw" }, "Nieuwe titel", Testkader.Nu);
        var afspraak = Afspraak.ActieveAfspraak(gewijzigd, new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 5, Testkader.Nu));
        afspraak.InhoudVersie.ShouldBe(5);

        var besluit = AfspraakOndertekenen.Beslis(afspraak, Testkader.Regiopartij(Afspraak.Gemeente), Vandaag, Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new AfspraakOndertekend(Afspraak.Id, Afspraak.Gemeentepartij, 5, Testkader.Nu)]);
        besluit.Berichten.ShouldBeEmpty();
    }
}
