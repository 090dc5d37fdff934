using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Registreren;

namespace Samenwerkingsafspraken.Tests.Werkgevers;

public sealed class Werkgever_registreren
{
    private static readonly WerkgeverRegistrerenVerzoek Verzoek =
        new("01234567", " Bouwbedrijf Noord B.V. ", "bouw", "privaat", ["dnz", "DNZ", "slw"], [new VestigingVerzoek("000012345678", "AM01")]);

    [Fact]
    public void een_regiopartij_registreert_een_werkgever()
    {
        var besluit = WerkgeverRegistreren.Beslis(Verzoek, Testkader.Regiopartij(), Testkader.Nu);

        var geregistreerd = besluit.Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<WerkgeverGeregistreerd>();
        geregistreerd.WerkgeverId.ShouldBe(Werkgever.StreamId("01234567"));
        geregistreerd.Naam.ShouldBe("Bouwbedrijf Noord B.V.");
        geregistreerd.Netwerken.ShouldBe([Netwerk.Dnz, Netwerk.Slw]);
        geregistreerd.Vestigingen.ShouldBe([new Vestiging("000012345678", "AM01")]);
        geregistreerd.Op.ShouldBe(Testkader.Nu);
    }

    [Fact]
    public void een_werkgever_registreert_zichzelf_maar_geen_ander()
    {
        WerkgeverRegistreren.Beslis(Verzoek, Testkader.Werkgever("01234567"), Testkader.Nu).IsWeigering.ShouldBeFalse();
        WerkgeverRegistreren.Beslis(Verzoek, Testkader.Werkgever("76543210"), Testkader.Nu).Weigering!.Code.ShouldBe("andere-werkgever");
    }

    [Fact]
    public void een_auditor_registreert_geen_werkgevers()
    {
        WerkgeverRegistreren.Beslis(Verzoek, Testkader.Auditor(), Testkader.Nu).Weigering!.Code.ShouldBe("rol");
    }

    [Fact]
    public void het_stroom_id_volgt_uit_het_kvk_nummer_en_verschilt_per_soort_sleutel()
    {
        Werkgever.StreamId("01234567").ShouldBe(Werkgever.StreamId("01234567"));
        Werkgever.StreamId("01234567").ShouldNotBe(Werkgever.StreamId("1234567"));
        Werkgever.StreamId("01234567").ShouldNotBe(Samenwerkingsafspraken.Varianten.Variant.StreamId("01234567"));
    }
}
