using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Opstellen;
using Samenwerkingsafspraken.Afspraken.Vervullen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkaanbod;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Werkaanbod_en_vervulling
{
    private static readonly DateOnly NaHetEersteKwartaal = new(2025, 4, 10);

    private static readonly WerkaanbodVerzoek Timmerman = new("bouw", "Timmerman", "externe-jobcoaching", 4, new DateOnly(2025, 1, 1));
    private static readonly WerkaanbodVerzoek Schoonmaak = new("schoonmaak-en-facilitair", null, null, 2, new DateOnly(2025, 7, 1));

    private static AfspraakOpstellenVerzoek Verzoek(params WerkaanbodVerzoek[] werkaanbod) => Afspraak_opstellen.Verzoek() with
    {
        Regiopartijen = [new RegiopartijVerzoek(Afspraak.Gemeente, "Gemeente Groningen", "gemeente", true, null)],
        Werkaanbod = werkaanbod,
    };

    private static Samenwerkingsafspraak Actief(params object[] daarna)
    {
        var opgesteld = AfspraakOpstellen.Beslis(Afspraak.Id, Verzoek(Timmerman, Schoonmaak), Testkader.Kader(), Testkader.Regiopartij(), Testkader.Nu)
            .Gebeurtenissen.Single();
        return Afspraak.Na([opgesteld, new AfspraakOndertekend(Afspraak.Id, Afspraak.Werkgever, 1, Testkader.Nu),
            new AfspraakOndertekend(Afspraak.Id, Afspraak.Gemeentepartij, 1, Testkader.Nu), new AfspraakGeactiveerd(Afspraak.Id, new DateOnly(2025, 1, 1), Testkader.Nu),
            .. daarna]);
    }

    private static VervuldeRegelVerzoek R(string sector, string? functie, int vervuld) => new(sector, functie, vervuld);

    private static VervullingVerzoek Melding(string periode, params VervuldeRegelVerzoek[] regels) => new(periode, regels, 4);

    [Fact]
    public void het_werkaanbod_hoort_bij_de_inhoud_en_wordt_met_de_rest_afgesproken()
    {
        var afspraak = Actief();

        afspraak.Inhoud.Werkaanbod.ShouldBe([
            new Werkaanbodregel("bouw", "Timmerman", "externe-jobcoaching", 4, new DateOnly(2025, 1, 1)),
            new Werkaanbodregel("schoonmaak-en-facilitair", null, null, 2, new DateOnly(2025, 7, 1)),
        ]);
        Inhoudvergelijking.Gelijk(afspraak.Inhoud, afspraak.Inhoud with { Werkaanbod = [afspraak.Inhoud.Werkaanbod[0] with { AantalPlaatsen = 5 }] })
            .ShouldBeFalse("een ander werkaanbod is een wijziging van de afspraak, die opnieuw wordt ondertekend");
    }

    [Fact]
    public void elk_probleem_in_het_werkaanbod_wordt_tegelijk_gemeld()
    {
        var verzoek = Verzoek(
            new WerkaanbodVerzoek("ruimtevaart", null, null, 0, new DateOnly(2024, 1, 1)),
            new WerkaanbodVerzoek("bouw", "Timmerman", "praktijkroute", 3, null),
            new WerkaanbodVerzoek("bouw", " timmerman ", null, 1, new DateOnly(2025, 2, 1)));

        var fouten = Validatie.AlsParameters(AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader())));

        fouten.Select(f => (f.Name, f.Code)).ShouldBe([
            ("werkaanbod[0].sector", "onbekende-sector"), ("werkaanbod[0].aantalPlaatsen", "buiten-bereik"), ("werkaanbod[0].vanaf", "buiten-looptijd"),
            ("werkaanbod[1].variantCode", "variant-niet-afgesproken"), ("werkaanbod[1].vanaf", "verplicht"), ("werkaanbod[2].functie", "dubbel"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void de_vervulling_van_een_afgelopen_kwartaal_legt_ook_vast_hoeveel_er_toen_werd_aangeboden()
    {
        var besluit = VervullingRegistreren.Beslis(Actief(), Melding("2025-K1", R("bouw", "timmerman", 3)), Testkader.Werkgever(), NaHetEersteKwartaal,
            Testkader.Nu);

        var vervuld = besluit.Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<VervullingGeregistreerd>();
        vervuld.Periode.ShouldBe("2025-K1");
        vervuld.Vervullingen.ShouldBe([new Vervulling("bouw", "Timmerman", "externe-jobcoaching", 4, 3)]);
    }

    [Fact]
    public void elk_probleem_van_een_melding_wordt_tegelijk_gemeld()
    {
        var besluit = VervullingRegistreren.Beslis(Actief(), Melding("2025-K3", R("bouw", "Metselaar", 1), R("bouw", "Timmerman", 9)),
            Testkader.Werkgever(), new DateOnly(2025, 10, 2), Testkader.Nu);

        besluit.Weigering!.Soort.ShouldBe(Weigeringsoort.OngeldigeInvoer);
        besluit.Weigering.Fouten!.Select(f => (f.Name, f.Code)).ShouldBe([
            ("regels[0].functie", "onbekende-regel"), ("regels[1].vervuld", "meer-dan-aangeboden"), ("regels", "regel-ontbreekt"),
        ]);
    }

    [Fact]
    public void werk_dat_pas_later_wordt_aangeboden_telt_in_een_eerder_kwartaal_niet_mee()
    {
        var besluit = VervullingRegistreren.Beslis(Actief(), Melding("2025-K1", R("bouw", "Timmerman", 1), R("schoonmaak-en-facilitair", null, 0)),
            Testkader.Werkgever(), NaHetEersteKwartaal, Testkader.Nu);

        besluit.Weigering!.Fouten!.ShouldHaveSingleItem().ShouldBe(new OngeldigeParameter("regels[1].functie", "nog-niet-aangeboden",
            "Het werk 'schoonmaak-en-facilitair' wordt pas aangeboden vanaf 2025-07-01."));
    }

    [Fact]
    public void een_kwartaal_dat_nog_loopt_een_concept_en_een_afspraak_zonder_werkaanbod_krijgen_geen_vervulling()
    {
        VervullingRegistreren.Beslis(Actief(), Melding("2025-K2", R("bouw", "Timmerman", 1)), Testkader.Werkgever(), new DateOnly(2025, 6, 30), Testkader.Nu)
            .Weigering!.Code.ShouldBe("periode-niet-afgelopen");
        VervullingRegistreren.Beslis(Actief(), Melding("2024-K4", R("bouw", "Timmerman", 1)), Testkader.Werkgever(), NaHetEersteKwartaal, Testkader.Nu)
            .Weigering!.Code.ShouldBe("periode-buiten-looptijd");
        VervullingRegistreren.Beslis(Afspraak.Concept(), Melding("2025-K1"), Testkader.Werkgever(), NaHetEersteKwartaal, Testkader.Nu).Weigering!.Code
            .ShouldBe("nog-concept");
        VervullingRegistreren.Beslis(Afspraak.ActieveAfspraak(), Melding("2025-K1"), Testkader.Werkgever(), NaHetEersteKwartaal, Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-werkaanbod");
        VervullingRegistreren.Beslis(Actief(), Melding("2025-K1"), Testkader.Regiopartij("00000001001563891000", "AM02"), NaHetEersteKwartaal, Testkader.Nu)
            .Weigering!.Soort.ShouldBe(Weigeringsoort.NietToegestaan);
    }

    [Fact]
    public void een_kwartaal_wordt_een_keer_gemeld_en_daarna_gecorrigeerd_tegen_het_aanbod_van_toen()
    {
        var gemeld = new VervullingGeregistreerd(Afspraak.Id, "2025-K1", [new Vervulling("bouw", "Timmerman", "externe-jobcoaching", 4, 3)], Testkader.Nu);
        var gemeldeAfspraak = Actief(gemeld);

        VervullingRegistreren.Beslis(gemeldeAfspraak, Melding("2025-K1", R("bouw", "Timmerman", 2)), Testkader.Werkgever(), NaHetEersteKwartaal, Testkader.Nu)
            .Weigering!.Code.ShouldBe("periode-al-geregistreerd");

        var correctie = VervullingRegistreren.Corrigeer(gemeldeAfspraak, "2025-K1", new VervullingCorrectieVerzoek("Telfout", [new("bouw", "Timmerman", 4)], 6),
            Testkader.Werkgever(), Testkader.Nu);
        correctie.Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<VervullingGecorrigeerd>().Vervullingen
            .ShouldBe([new Vervulling("bouw", "Timmerman", "externe-jobcoaching", 4, 4)]);
        VervullingRegistreren.Corrigeer(gemeldeAfspraak, "2025-K1", new VervullingCorrectieVerzoek("Nog eens", [new("bouw", "Timmerman", 3)], 6), Testkader.Werkgever(),
            Testkader.Nu).Weigering!.Code.ShouldBe("geen-wijziging");
        VervullingRegistreren.Corrigeer(gemeldeAfspraak, "2025-K2", new VervullingCorrectieVerzoek("Telfout", [new("bouw", "Timmerman", 1)], 6), Testkader.Werkgever(),
            Testkader.Nu).Weigering!.Soort.ShouldBe(Weigeringsoort.NietGevonden);

        var gecorrigeerd = Actief(gemeld, correctie.Gebeurtenissen.Single());
        gecorrigeerd.Vervullingen.ShouldHaveSingleItem().Correcties.ShouldBe(1);
        gecorrigeerd.Vervullingen.Single().Regels.Single().Vervuld.ShouldBe(4);
    }

    [Fact]
    public void het_overzicht_zet_aangeboden_tegen_vervuld_per_sector_variant_en_regio()
    {
        var gemeld = Actief(new VervullingGeregistreerd(Afspraak.Id, "2025-K3",
            [new Vervulling("bouw", "Timmerman", "externe-jobcoaching", 4, 3), new Vervulling("schoonmaak-en-facilitair", null, null, 2, 1)], Testkader.Nu));
        var andere = Werkaanbodfeiten.Van(Actief() with { Id = Guid.NewGuid(), Arbeidsmarktregio = "AM02" });
        var concept = Werkaanbodfeiten.Van(Afspraak.Na(AfspraakOpstellen.Beslis(Guid.NewGuid(), Verzoek(Timmerman), Testkader.Kader(), Testkader.Regiopartij(),
            Testkader.Nu).Gebeurtenissen.Single()));
        var feiten = new[] { Werkaanbodfeiten.Van(gemeld), andere, concept };

        var overzicht = Werkaanbodtelling.Overzicht(feiten, new Kwartaal(2025, 3), null, null, null);

        overzicht.Totaal.ShouldBe(new Werkaanbodrij(null, null, null, 2, 12, 6, 4, 66.7m));
        overzicht.PerSectorEnVariant.ShouldBe([
            new Werkaanbodrij(null, "bouw", "externe-jobcoaching", 2, 8, 4, 3, 75m),
            new Werkaanbodrij(null, "schoonmaak-en-facilitair", null, 2, 4, 2, 1, 50m),
        ]);
        overzicht.PerRegio.ShouldBe([new Werkaanbodrij("AM01", null, null, 1, 6, 6, 4, 66.7m), new Werkaanbodrij("AM02", null, null, 1, 6, 0, 0, null)]);
        overzicht.PerRegioSectorEnVariant.Count.ShouldBe(4);

        Werkaanbodtelling.Overzicht(feiten, new Kwartaal(2025, 1), "AM01", "bouw", null).Totaal
            .ShouldBe(new Werkaanbodrij(null, null, null, 1, 4, 0, 0, null), "in het eerste kwartaal was er alleen het bouwwerk, nog niet gemeld");
    }

    [Theory]
    [InlineData("2025-04-01", "2025-K1")]
    [InlineData("2025-03-31", "2024-K4")]
    [InlineData("2025-12-31", "2025-K3")]
    public void het_laatste_afgelopen_kwartaal(string vandaag, string kwartaal)
    {
        Werkaanbodtelling.LaatsteAfgelopen(DateOnly.Parse(vandaag)).ToString().ShouldBe(kwartaal);
    }
}
