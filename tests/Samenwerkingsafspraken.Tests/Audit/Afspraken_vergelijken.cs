using System.Text.Json;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Verschillen;
using Samenwerkingsafspraken.Tests.Afspraken;

namespace Samenwerkingsafspraken.Tests.Audit;

public sealed class Afspraken_vergelijken
{
    private static Werkafspraak Wa(string code, object parameters, string? maatwerk = null) =>
        new(code, JsonSerializer.SerializeToElement(parameters).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()), maatwerk);

    [Fact]
    public void een_versie_is_gelijk_aan_zichzelf()
    {
        var afspraak = Afspraak.ActieveAfspraak();

        var verschillen = Afspraakvergelijking.Tussen(afspraak, afspraak);

        verschillen.Gelijk.ShouldBeTrue();
        verschillen.Velden.ShouldBeEmpty();
    }

    [Fact]
    public void werkafspraken_worden_per_variant_en_volgnummer_veld_voor_veld_vergeleken()
    {
        var concept = Afspraak.Concept();
        var inhoud = concept.Inhoud with
        {
            Werkafspraken =
            [
                Wa("praktijkroute", new { aantalPlaatsen = 2, mboKwalificatie = "Kok" }),
                Wa("praktijkroute", new { aantalPlaatsen = 1, mboKwalificatie = "Bakker" }),
            ],
        };
        var van = Afspraak.Na(Afspraak.Opgesteld() with { Inhoud = inhoud });
        var tot = Samenwerkingsafspraak.Evolueer(van, new AfspraakGewijzigd(van.Id, inhoud with
        {
            Werkafspraken =
            [
                Wa("praktijkroute", new { aantalPlaatsen = 2, mboKwalificatie = "Kok" }),
                Wa("praktijkroute", new { aantalPlaatsen = 3, mboKwalificatie = "Bakker" }, "Met de bakkerij om de hoek"),
                Wa("basisbaan", new { aantalBanen = 1 }),
            ],
            Doelstellingen = new Doelstellingen(20, 10),
        }, "meer", Testkader.Nu), 2);

        var verschillen = Afspraakvergelijking.Tussen(van, tot);

        verschillen.Werkafspraken.Toegevoegd.Single().VariantCode.ShouldBe("basisbaan");
        var tweede = verschillen.Werkafspraken.Gewijzigd.ShouldHaveSingleItem();
        (tweede.VariantCode, tweede.Volgnummer).ShouldBe(("praktijkroute", 2));
        tweede.Velden.Select(v => v.Veld).ShouldBe(["parameters.aantalPlaatsen", "maatwerk"]);
        tweede.Velden[1].Oud.ShouldBeNull();
        verschillen.Velden.Select(v => v.Veld).ShouldBe(["doelstellingen.plaatsingenPerJaar", "doelstellingen.duurzamePlaatsingenPerJaar", "ondertekening.inhoudVersie"]);
    }

    [Fact]
    public void regiopartijen_worden_op_oin_vergeleken_en_resultaten_per_periode()
    {
        var van = Afspraak.ActieveAfspraak();
        var tot = Afspraak.ActieveAfspraak(
            new AfspraakGewijzigd(Afspraak.Id, van.Inhoud with { Regiopartijen = [van.Inhoud.Regiopartijen[0] with { Contactrol = "Nieuw" }] }, "x", Testkader.Nu),
            new ResultatenGeregistreerd(Afspraak.Id, "2025-K1", new Resultaten(1, 0, 0, 0), Testkader.Nu));

        var verschillen = Afspraakvergelijking.Tussen(van, tot);

        verschillen.Regiopartijen.Verwijderd.Single().Oin.ShouldBe(Afspraak.Uwv);
        verschillen.Regiopartijen.Gewijzigd.Single().Veld.ShouldBe($"regiopartijen[{Afspraak.Gemeente}]");
        verschillen.Resultaten.Single().Veld.ShouldBe("resultaten[2025-K1]");
    }
}
