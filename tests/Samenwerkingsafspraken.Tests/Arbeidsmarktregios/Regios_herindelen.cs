using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Arbeidsmarktregios.Beheren;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Infrastructure.MultiStreamWriting;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Tests.Gemeenten;

namespace Samenwerkingsafspraken.Tests.Arbeidsmarktregios;

public sealed class Regios_herindelen
{
    private static readonly DateOnly Jaar2027 = Indelingskader.Jaar2027;

    private static IReadOnlyList<object> Van(Meerstroombesluit besluit, Guid id) =>
        besluit.Wijzigingen.Where(w => w.Id == id).SelectMany(w => w.Gebeurtenissen).ToList();

    [Fact]
    public void een_regio_hernoemen_geldt_vanaf_een_datum()
    {
        var kader = Indelingskader.Kader();
        var besluit = Regioherindeling.Hernoemen(kader.Regios["AM38"], "Regio Foodvalley", Jaar2027, Testkader.Beheerder());

        var regio = Indelingskader.Na(kader.Regios["AM38"], besluit.Gebeurtenissen.ToArray());

        regio.NaamOp(Jaar2027.AddDays(-1)).ShouldBe("Food Valley");
        regio.NaamOp(Jaar2027).ShouldBe("Regio Foodvalley");
        Regioherindeling.Hernoemen(regio, "Regio Foodvalley", Jaar2027, Testkader.Beheerder()).Weigering!.Code.ShouldBe("geen-wijziging");
    }

    [Fact]
    public void een_regio_opheffen_met_haar_opvolger_verplaatst_haar_gemeenten_daarheen()
    {
        var kader = Indelingskader.Kader();
        var gorinchem = kader.Regios["AM35"];

        var besluit = Regioherindeling.Samenvoegen([gorinchem], "AM23", null, Jaar2027, kader, Testkader.Beheerder());

        Van(besluit, gorinchem.Id).ShouldBeEvents([new ArbeidsmarktregioOpgeheven(gorinchem.Id, Jaar2027, "AM23", ["AM23"])]);
        besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).OfType<GemeenteVerplaatst>().Select(v => (v.VanArbeidsmarktregio, v.NaarArbeidsmarktregio))
            .ShouldBe([("AM35", "AM23"), ("AM35", "AM23"), ("AM35", "AM23")]);
        besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).OfType<ArbeidsmarktregioVastgesteld>().ShouldBeEmpty();

        var opgeheven = Indelingskader.Na(gorinchem, Van(besluit, gorinchem.Id).ToArray());
        opgeheven.IsGeldigOp(Jaar2027).ShouldBeFalse();
        opgeheven.Opvolgers.ShouldBe(["AM23"]);
    }

    [Fact]
    public void twee_regios_gaan_samen_in_een_nieuwe_die_weet_waar_zij_vandaan_komt()
    {
        var kader = Indelingskader.Kader();

        var besluit = Regioherindeling.Samenvoegen([kader.Regios["AM23"], kader.Regios["AM35"]], "AM39", "Zuid-Holland Zuid", Jaar2027, kader,
            Testkader.Beheerder());

        var nieuw = besluit.Wijzigingen[0];
        nieuw.VerwachteVersie.ShouldBeNull();
        nieuw.Gebeurtenissen.ShouldBeEvents([new ArbeidsmarktregioVastgesteld(Arbeidsmarktregio.StreamId("AM39"), "AM39", "Zuid-Holland Zuid", Jaar2027, [], null,
            ["AM23", "AM35"])]);
        besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).OfType<GemeenteVerplaatst>().Count().ShouldBe(7 + 3);
        besluit.Wijzigingen.SelectMany(w => w.Gebeurtenissen).OfType<ArbeidsmarktregioOpgeheven>().Select(o => o.Opvolger).ShouldBe(["AM39", "AM39"]);
    }

    [Fact]
    public void een_splitsing_in_alle_gemeenten_heft_de_regio_op_met_de_delen_als_opvolgers()
    {
        var kader = Indelingskader.Kader();
        var gorinchem = kader.Regios["AM35"];
        Regioherindeling.Deel[] delen = [new("AM23", null, ["GM0512", "GM1978"]), new("AM39", "Vijfheerenlanden", ["GM1961"])];

        var besluit = Regioherindeling.Splitsen(gorinchem, delen, Jaar2027, kader, Testkader.Beheerder());

        besluit.Weigering.ShouldBeNull();
        Van(besluit, Arbeidsmarktregio.StreamId("AM39")).ShouldHaveSingleItem().ShouldBeOfType<ArbeidsmarktregioVastgesteld>().Voorgangers.ShouldBe(["AM35"]);
        Van(besluit, gorinchem.Id).ShouldBeEvents([new ArbeidsmarktregioOpgeheven(gorinchem.Id, Jaar2027, null, ["AM23", "AM39"])]);
        Van(besluit, Gemeente.StreamId("GM1961")).ShouldBeEvents([new GemeenteVerplaatst(Gemeente.StreamId("GM1961"), "AM35", "AM39", Jaar2027)]);
    }

    [Fact]
    public void een_afsplitsing_laat_de_regio_kleiner_verder_gaan()
    {
        var kader = Indelingskader.Kader();
        var gorinchem = kader.Regios["AM35"];

        var besluit = Regioherindeling.Splitsen(gorinchem, [new Regioherindeling.Deel("AM23", null, ["GM1978"])], Jaar2027, kader, Testkader.Beheerder());

        Van(besluit, gorinchem.Id).ShouldBeEmpty();
        besluit.Wijzigingen.ShouldHaveSingleItem().Id.ShouldBe(Gemeente.StreamId("GM1978"));
    }

    [Fact]
    public void een_gemeente_die_niet_bij_de_regio_hoort_kan_niet_meegesplitst_worden()
    {
        var kader = Indelingskader.Kader();

        Regioherindeling.Splitsen(kader.Regios["AM35"], [new Regioherindeling.Deel("AM23", null, ["GM0014"])], Jaar2027, kader, Testkader.Beheerder())
            .Weigering!.Code.ShouldBe("gemeente-buiten-regio");
    }

    [Fact]
    public void een_regio_die_na_haar_einde_nog_een_gemeente_zou_krijgen_wordt_niet_opgeheven()
    {
        var kader = Indelingskader.Kader();
        var aalten = kader.Gemeenten["GM0197"];
        var gemeenten = new Dictionary<string, Gemeente>(kader.Gemeenten)
        {
            ["GM0197"] = Indelingskader.Na(aalten, new GemeenteVerplaatst(aalten.Id, "AM09", "AM35", new DateOnly(2028, 1, 1))),
        };
        kader = kader with { Gemeenten = gemeenten };

        Regioherindeling.Samenvoegen([kader.Regios["AM35"]], "AM23", null, Jaar2027, kader, Testkader.Beheerder()).Weigering!.Code.ShouldBe("later-ingedeeld");
    }

    [Fact]
    public void een_opgeheven_regio_gaat_niet_nog_eens_op_en_neemt_geen_gemeenten_meer_op()
    {
        var kader = Indelingskader.Kader();
        var opgeheven = Indelingskader.Na(kader.Regios["AM35"], new ArbeidsmarktregioOpgeheven(kader.Regios["AM35"].Id, new DateOnly(2026, 1, 1), "AM23", ["AM23"]));
        var regios = new Dictionary<string, Arbeidsmarktregio>(kader.Regios) { ["AM35"] = opgeheven };
        kader = kader with { Regios = regios };

        Regioherindeling.Samenvoegen([opgeheven], "AM23", null, Jaar2027, kader, Testkader.Beheerder()).Weigering!.Code.ShouldBe("regio-opgeheven");
        Regioherindeling.Samenvoegen([kader.Regios["AM23"]], "AM35", null, Jaar2027, kader, Testkader.Beheerder()).Weigering!.Code.ShouldBe("regio-niet-geldig");
    }

    [Fact]
    public void de_centrumgemeente_hoort_bij_de_regio()
    {
        var kader = Indelingskader.Kader();
        var groningen = kader.Regios["AM01"];

        Regioherindeling.CentrumgemeenteAanwijzen(groningen, kader.Gemeenten["GM0014"], Jaar2027, Testkader.Beheerder()).Gebeurtenissen
            .ShouldBe([new CentrumgemeenteAangewezen(groningen.Id, "GM0014", Jaar2027)]);
        Regioherindeling.CentrumgemeenteAanwijzen(groningen, kader.Gemeenten["GM0080"], Jaar2027, Testkader.Beheerder()).Weigering!.Code
            .ShouldBe("gemeente-buiten-regio");
        Regioherindeling.Hernoemen(groningen, "Groningen", Jaar2027, Testkader.Werkgever()).Weigering!.Soort.ShouldBe(Weigeringsoort.NietToegestaan);
    }
}
