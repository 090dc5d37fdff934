using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Tests.Afspraken;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Gebruik;

namespace Samenwerkingsafspraken.Tests.Audit;

public sealed class Variantmatrix_berekenen
{
    private static Variantgebruik Gebruik(params object[] gebeurtenissen) => Variantgebruik.Van(Afspraak.Na(gebeurtenissen));

    [Fact]
    public void een_afspraak_telt_voor_elke_variant_die_zij_gebruikt_met_afwijkingen_ten_opzichte_van_de_standaard()
    {
        var actief = Gebruik(Afspraak.Actief());
        var afwijkend = Gebruik(Afspraak.Opgesteld() with
        {
            AfspraakId = Guid.NewGuid(),
            Inhoud = Afspraak.Opgesteld().Inhoud with
            {
                Werkafspraken = [Afspraak.Opgesteld().Inhoud.Werkafspraken[0] with
                {
                    Parameters = new Dictionary<string, System.Text.Json.JsonElement>
                    {
                        ["urenPerWeek"] = Testkader.Json(3), ["duurInMaanden"] = Testkader.Json(24),
                    },
                }],
            },
        });

        var matrix = Variantmatrixberekening.Bereken([actief, afwijkend], Testkader.Kader().Varianten, null);

        var regel = matrix.Varianten.ShouldHaveSingleItem();
        regel.VariantCode.ShouldBe("externe-jobcoaching");
        regel.AantalAfspraken.ShouldBe(2);
        regel.AantalActief.ShouldBe(1);
        regel.PerRegio.ShouldBe([new Telling("AM01", 2, 1)]);
        regel.Maatwerk.MetAfwijkendeParameters.ShouldBe(1);
        regel.Maatwerk.MetMaatwerktekst.ShouldBe(2);
        regel.Maatwerk.VolgensStandaard.ShouldBe(0);
        regel.Maatwerk.Afwijkingen.Single().Standaard!.Value.GetInt32().ShouldBe(12);
        regel.Maatwerk.Afwijkingen.Single().Waarden.Single().Waarde.GetInt32().ShouldBe(24);
    }

    [Fact]
    public void de_pijler_komt_uit_de_catalogus_en_filtert()
    {
        var matrix = Variantmatrixberekening.Bereken([Gebruik(Afspraak.Actief())], Testkader.Kader().Varianten, Pijler.Scholing);

        matrix.Varianten.ShouldBeEmpty();
        matrix.AantalAfspraken.ShouldBe(1);
    }

    [Fact]
    public void resultaten_tellen_alleen_voor_afspraken_met_resultaten()
    {
        var gemeten = Gebruik([.. Afspraak.Actief(), new ResultatenGeregistreerd(Afspraak.Id, "2025-K1", new Resultaten(4, 2, 1, 0), Testkader.Nu)]);

        var resultaten = Variantmatrixberekening.Bereken([gemeten, Gebruik(Afspraak.Opgesteld() with { AfspraakId = Guid.NewGuid() })],
            Testkader.Kader().Varianten, null).Varianten.Single().Resultaten;

        resultaten.AfsprakenMetResultaten.ShouldBe(1);
        resultaten.Plaatsingen.ShouldBe(4);
        resultaten.DoelPlaatsingen.ShouldBe(2.5m);
        resultaten.PercentageVanDoel.ShouldBe(160m);
        resultaten.AandeelNaZesMaandenInWerk.ShouldBe(50m);
    }
}
