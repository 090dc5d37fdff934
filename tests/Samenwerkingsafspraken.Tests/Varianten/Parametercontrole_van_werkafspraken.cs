using System.Text.Json;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Tests.Varianten;

public sealed class Parametercontrole_van_werkafspraken
{
    private static Variant Variant(string code) => Testkader.Kader().Varianten[code];

    [Fact]
    public void een_juiste_werkafspraak_heeft_geen_fouten()
    {
        Parametercontrole.Controleer(Variant("praktijkroute"),
            new Dictionary<string, JsonElement> { ["aantalPlaatsen"] = Testkader.Json(3), ["mboKwalificatie"] = Testkader.Json("Kok") }).ShouldBeEmpty();
    }

    [Fact]
    public void elk_type_en_elke_grens_wordt_gecontroleerd()
    {
        var fouten = Parametercontrole.Controleer(Variant("praktijkroute"), new Dictionary<string, JsonElement>
        {
            ["aantalPlaatsen"] = Testkader.Json(1.5),
            ["mboKwalificatie"] = Testkader.Json(new string('k', 201)),
            ["praktijkverklaring"] = Testkader.Json("ja"),
            ["onbekend"] = Testkader.Json(1),
        });

        fouten.Select(f => (f.Parameter, f.Code)).ShouldBe(
            [("onbekend", "onbekende-parameter"), ("aantalPlaatsen", "verkeerd-type"), ("mboKwalificatie", "te-lang"), ("praktijkverklaring", "verkeerd-type")],
            ignoreOrder: true);
    }

    [Fact]
    public void een_ontbrekende_verplichte_parameter_zonder_standaard_is_een_fout()
    {
        Parametercontrole.Controleer(Variant("externe-jobcoaching"), null).Select(f => f.Code).ShouldBe(["verplicht"]);
    }

    [Fact]
    public void een_keuze_buiten_de_lijst_is_een_fout_en_bereik_telt_voor_decimalen()
    {
        Parametercontrole.Controleer(Variant("loonkostensubsidie"), new Dictionary<string, JsonElement> { ["methode"] = Testkader.Json("gokken") })
            .Single().Code.ShouldBe("onbekende-waarde");
        Parametercontrole.Controleer(Variant("externe-jobcoaching"), new Dictionary<string, JsonElement> { ["urenPerWeek"] = Testkader.Json(0.25) })
            .Single().Code.ShouldBe("buiten-bereik");
    }
}
