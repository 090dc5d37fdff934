using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Gemeenten.Herindelen;
using Samenwerkingsafspraken.Gemeenten.Verplaatsen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;

namespace Samenwerkingsafspraken.Tests.Gemeenten;

public sealed class Gemeente_verplaatsen
{
    private static readonly DateOnly Jaar2027 = Indelingskader.Jaar2027;
    private static Gemeente Zeewolde => Indelingskader.Gemeenten()["GM0050"];
    private static GemeenteVerplaatsenVerzoek Verzoek => new("AM11", Jaar2027, "Zeewolde gaat naar Flevoland", 1);

    [Fact]
    public void de_beheerder_verplaatst_een_gemeente_vanaf_een_datum()
    {
        var besluit = GemeenteVerplaatsen.Beslis(Zeewolde, Indelingskader.Regios()["AM11"], Verzoek, Testkader.Beheerder());

        besluit.Gebeurtenissen.ShouldBeEvents([new GemeenteVerplaatst(Zeewolde.Id, "AM06", "AM11", Jaar2027)]);
    }

    [Fact]
    public void alleen_de_beheerder_wijzigt_de_indeling()
    {
        GemeenteVerplaatsen.Beslis(Zeewolde, Indelingskader.Regios()["AM11"], Verzoek, Testkader.Regiopartij()).Weigering!.Soort
            .ShouldBe(Weigeringsoort.NietToegestaan);
    }

    [Fact]
    public void naar_de_regio_waar_zij_al_hoort_is_geen_wijziging()
    {
        GemeenteVerplaatsen.Beslis(Zeewolde, Indelingskader.Regios()["AM06"], Verzoek with { Arbeidsmarktregio = "AM06" }, Testkader.Beheerder())
            .Weigering!.Code.ShouldBe("geen-wijziging");
    }

    [Fact]
    public void een_opgeheven_gemeente_wordt_niet_meer_verplaatst()
    {
        var opgeheven = Indelingskader.Na(Zeewolde, new GemeenteOpgeheven(Zeewolde.Id, new DateOnly(2026, 1, 1), null));

        GemeenteVerplaatsen.Beslis(opgeheven, Indelingskader.Regios()["AM11"], Verzoek, Testkader.Beheerder()).Weigering!.Code.ShouldBe("gemeente-niet-geldig");
    }

    [Fact]
    public void de_invoer_noemt_elke_fout_tegelijk()
    {
        var uitkomst = new GemeenteVerplaatsenValidator(null).Validate(new GemeenteVerplaatsenVerzoek("AM99", null, "", null));

        Validatie.AlsParameters(uitkomst).Select(f => f.Name).ShouldBe(["arbeidsmarktregio", "geldigVanaf", "reden"], ignoreOrder: true);
    }
}

public sealed class Gemeenten_herindelen
{
    private static readonly DateOnly Jaar2027 = Indelingskader.Jaar2027;

    private static Herindelingskader Kader(string code, params string[] opgeheven)
    {
        var gemeenten = Indelingskader.Gemeenten();
        return new Herindelingskader(gemeenten.GetValueOrDefault(code), opgeheven.ToDictionary(c => c, c => gemeenten[c]), null);
    }

    [Fact]
    public void drie_gemeenten_gaan_op_in_een_nieuwe_die_vastlegt_waaruit_zij_ontstond()
    {
        // Gorinchem, Molenlanden and Vijfheerenlanden share region AM35 but not their province: the province is named.
        var verzoek = new GemeentenHerindelenVerzoek("GM1999", "Alblasserwaard", "PV28", null, Jaar2027, ["GM0512", "GM1978", "GM1961"], "Herindeling 2027");
        var kader = Kader("GM1999", "GM0512", "GM1978", "GM1961");

        var besluit = GemeentenHerindelen.Beslis(verzoek, kader, Testkader.Beheerder());

        besluit.Weigering.ShouldBeNull();
        var nieuw = besluit.Wijzigingen[0];
        nieuw.VerwachteVersie.ShouldBeNull();
        nieuw.Gebeurtenissen.ShouldBeEvents([new GemeenteVastgesteld(Gemeente.StreamId("GM1999"), "GM1999", "Alblasserwaard", new Provincie("PV28", "Zuid-Holland"),
            "AM35", Jaar2027, ["GM0512", "GM1961", "GM1978"])]);
        besluit.Wijzigingen.Skip(1).Select(w => w.Gebeurtenissen.ShouldHaveSingleItem()).ShouldBeEvents(
        [
            new GemeenteOpgeheven(Gemeente.StreamId("GM0512"), Jaar2027, "GM1999"),
            new GemeenteOpgeheven(Gemeente.StreamId("GM1961"), Jaar2027, "GM1999"),
            new GemeenteOpgeheven(Gemeente.StreamId("GM1978"), Jaar2027, "GM1999"),
        ]);
        besluit.Wijzigingen.Skip(1).ShouldAllBe(w => w.VerwachteVersie == 1);
    }

    [Fact]
    public void zonder_provincie_en_regio_neemt_de_nieuwe_gemeente_over_wat_de_oude_deelden()
    {
        var verzoek = new GemeentenHerindelenVerzoek("GM1999", "Groot-Twente", null, null, Jaar2027, ["GM0141", "GM0164"], "Herindeling");

        var vastgesteld = (GemeenteVastgesteld)GemeentenHerindelen.Beslis(verzoek, Kader("GM1999", "GM0141", "GM0164"), Testkader.Beheerder())
            .Wijzigingen[0].Gebeurtenissen.Single();

        vastgesteld.Arbeidsmarktregio.ShouldBe("AM05");
        vastgesteld.Provincie.ShouldBe(new Provincie("PV23", "Overijssel"));
    }

    [Fact]
    public void een_bestaande_gemeente_neemt_een_andere_op_en_houdt_haar_code()
    {
        var verzoek = new GemeentenHerindelenVerzoek("GM0363", null, null, null, Jaar2027, ["GM0384"], "Diemen gaat op in Amsterdam");

        var besluit = GemeentenHerindelen.Beslis(verzoek, Kader("GM0363", "GM0384"), Testkader.Beheerder());

        besluit.Wijzigingen[0].Gebeurtenissen.ShouldBeEvents([new GemeenteUitgebreid(Gemeente.StreamId("GM0363"), ["GM0384"], Jaar2027)]);
        besluit.Wijzigingen[0].VerwachteVersie.ShouldBe(1);
        besluit.Wijzigingen[1].Gebeurtenissen.ShouldBeEvents([new GemeenteOpgeheven(Gemeente.StreamId("GM0384"), Jaar2027, "GM0363")]);
    }

    [Fact]
    public void een_al_opgeheven_gemeente_gaat_niet_nog_eens_op()
    {
        var kader = Kader("GM1999", "GM0141", "GM0164");
        var almelo = kader.Opgeheven["GM0141"];
        kader = kader with
        {
            Opgeheven = new Dictionary<string, Gemeente>(kader.Opgeheven) { ["GM0141"] = Indelingskader.Na(almelo, new GemeenteOpgeheven(almelo.Id, Jaar2027, null)) },
        };

        GemeentenHerindelen.Beslis(new GemeentenHerindelenVerzoek("GM1999", "X", null, null, Jaar2027, ["GM0141", "GM0164"], "r"), kader, Testkader.Beheerder())
            .Weigering!.Code.ShouldBe("gemeente-niet-geldig");
    }

    [Fact]
    public void de_invoer_noemt_elke_fout_tegelijk()
    {
        // Aalten (AM09, Gelderland) and Almelo (AM05, Overijssel): a new gemeente from them needs a province and a region.
        var kader = Kader("GM1999", "GM0197", "GM0141");
        var verzoek = new GemeentenHerindelenVerzoek("GM1999", null, null, null, Jaar2027, ["GM0197", "GM0141", "GM9999", "GM0197"], null);

        var velden = Validatie.AlsParameters(new GemeentenHerindelenValidator(kader).Validate(verzoek)).Select(f => f.Name).ToList();

        velden.ShouldBe(["naam", "provincie", "arbeidsmarktregio", "reden", "opgeheven", "opgeheven[2]"], ignoreOrder: true);
    }

    [Fact]
    public void alleen_de_beheerder_deelt_gemeenten_in()
    {
        GemeentenHerindelen.Beslis(new GemeentenHerindelenVerzoek("GM1999", "X", null, null, Jaar2027, ["GM0141", "GM0164"], "r"),
            Kader("GM1999", "GM0141", "GM0164"), Testkader.Auditor()).Weigering!.Soort.ShouldBe(Weigeringsoort.NietToegestaan);
    }
}
