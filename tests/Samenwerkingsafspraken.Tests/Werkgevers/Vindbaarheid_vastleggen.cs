using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Vindbaarheid;

namespace Samenwerkingsafspraken.Tests.Werkgevers;

public sealed class Vindbaarheid_vastleggen
{
    private static readonly Werkgever Werkgever = Testkader.Bouwbedrijf;

    private static Werkgever Na(params IWerkgeverwijziging[] wijzigingen) =>
        wijzigingen.Aggregate(Werkgever, (w, e) => Samenwerkingsafspraken.Werkgevers.Werkgever.Evolueer(w, e, w.Version + 1));

    [Fact]
    public void een_werkgever_is_niet_vindbaar_tot_hij_toestemming_geeft()
    {
        Werkgever.Vindbaar.ShouldBeFalse();

        var besluit = VindbaarheidVastleggen.Beslis(Werkgever, new VindbaarheidVerzoek(true, null, 1), Testkader.Werkgever(), Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu)]);
        var daarna = Na(besluit.Gebeurtenissen.Cast<IWerkgeverwijziging>().ToArray());
        daarna.Vindbaar.ShouldBeTrue();
        daarna.VindbaarSinds.ShouldBe(Testkader.Nu);
    }

    [Fact]
    public void de_werkgever_trekt_zijn_toestemming_in_en_is_dan_niet_meer_vindbaar()
    {
        var vindbaar = Na(new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu));

        var besluit = VindbaarheidVastleggen.Beslis(vindbaar, new VindbaarheidVerzoek(false, "Liever niet", 2), Testkader.Werkgever(), Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBe([new VindbaarheidIngetrokken(Werkgever.Id, Testkader.Nu)]);
        Na(new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu), new VindbaarheidIngetrokken(Werkgever.Id, Testkader.Nu)).Vindbaar.ShouldBeFalse();
    }

    [Fact]
    public void alleen_de_werkgever_zelf_beslist_over_zijn_vindbaarheid()
    {
        foreach (var ander in new[] { Testkader.Werkgever("76543210"), Testkader.Regiopartij(), Testkader.Beheerder(), Testkader.Auditor() })
        {
            var besluit = VindbaarheidVastleggen.Beslis(Werkgever, new VindbaarheidVerzoek(true, null, 1), ander, Testkader.Nu);
            besluit.Weigering!.Soort.ShouldBe(Weigeringsoort.NietToegestaan, ander.Rol);
        }
    }

    [Fact]
    public void wat_al_zo_is_verandert_niet()
    {
        VindbaarheidVastleggen.Beslis(Werkgever, new VindbaarheidVerzoek(false, null, 1), Testkader.Werkgever(), Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-wijziging");
        VindbaarheidVastleggen.Beslis(Na(new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu)), new VindbaarheidVerzoek(true, null, 2), Testkader.Werkgever(),
            Testkader.Nu).Weigering!.Code.ShouldBe("geen-wijziging");
    }

    [Fact]
    public void een_uitgeschreven_werkgever_geeft_geen_nieuwe_toestemming_maar_kan_haar_wel_intrekken()
    {
        var uitgeschreven = Na(new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu),
            new WerkgeverUitgeschreven(Werkgever.Id, new DateOnly(2025, 6, 30), "Gestopt", Testkader.Nu));

        VindbaarheidVastleggen.Beslis(uitgeschreven, new VindbaarheidVerzoek(false, null, 3), Testkader.Werkgever(), Testkader.Nu).Gebeurtenissen
            .ShouldHaveSingleItem().ShouldBeOfType<VindbaarheidIngetrokken>();
        var ingetrokken = Na(new VindbaarheidToegestaan(Werkgever.Id, Testkader.Nu), new WerkgeverUitgeschreven(Werkgever.Id, new DateOnly(2025, 6, 30), "Gestopt",
            Testkader.Nu), new VindbaarheidIngetrokken(Werkgever.Id, Testkader.Nu));
        VindbaarheidVastleggen.Beslis(ingetrokken, new VindbaarheidVerzoek(true, null, 4), Testkader.Werkgever(), Testkader.Nu).Weigering!.Code
            .ShouldBe("werkgever-niet-actief");
    }
}
