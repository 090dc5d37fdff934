using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Ondertekenen;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.Writing;
using Samenwerkingsafspraken.Tests.Gemeenten;
using Samenwerkingsafspraken.Werkgevers;
using Samenwerkingsafspraken.Werkgevers.Samenvoegen;
using Samenwerkingsafspraken.Werkgevers.Uitschrijven;
using Samenwerkingsafspraken.Werkgevers.Vestigingen;
using Samenwerkingsafspraken.Werkgevers.Wijzigen;
using AfspraakBouwer = Samenwerkingsafspraken.Tests.Afspraken.Afspraak;

namespace Samenwerkingsafspraken.Tests.Werkgevers;

public sealed class Werkgever_wijzigen
{
    private static readonly Werkgever Bouwbedrijf = Testkader.Bouwbedrijf;
    private static WerkgeverWijzigenVerzoek Leeg => new(null, null, null, null, null, 1);

    [Fact]
    public void alleen_wat_verandert_wordt_een_gebeurtenis()
    {
        var besluit = WerkgeverWijzigen.Beslis(Bouwbedrijf, Leeg with { Naam = " Bouwgroep Noord B.V. ", Sector = "bouw", Netwerken = ["slw"] },
            Testkader.Werkgever(), Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBeEvents(
            new WerkgeverHernoemd(Bouwbedrijf.Id, "Bouwgroep Noord B.V.", Testkader.Nu),
            new WerkgeverAangeslotenBijNetwerk(Bouwbedrijf.Id, Netwerk.Slw, Testkader.Nu));
    }

    [Fact]
    public void een_andere_sector_brengt_haar_soort_mee_en_een_netwerk_verlaten_is_een_eigen_gebeurtenis()
    {
        var lid = Indelingskader.Na(Bouwbedrijf, new WerkgeverAangeslotenBijNetwerk(Bouwbedrijf.Id, Netwerk.Dnz, Testkader.Nu));

        var besluit = WerkgeverWijzigen.Beslis(lid, Leeg with { Sector = "gemeenten", Netwerken = [] }, Testkader.Beheerder(), Testkader.Nu);

        besluit.Gebeurtenissen.ShouldBeEvents(
            new WerkgeverSectorGewijzigd(Bouwbedrijf.Id, "gemeenten", Werkgeversoort.Publiek, Testkader.Nu),
            new WerkgeverUitNetwerkGetreden(Bouwbedrijf.Id, Netwerk.Dnz, Testkader.Nu));
        var na = Indelingskader.Na(lid, besluit.Gebeurtenissen.ToArray());
        na.Soort.ShouldBe(Werkgeversoort.Publiek);
        na.Netwerken.ShouldBeEmpty();
    }

    [Fact]
    public void een_soort_die_niet_bij_de_sector_past_is_ongeldig()
    {
        var weigering = WerkgeverWijzigen.Beslis(Bouwbedrijf, Leeg with { Soort = "publiek" }, Testkader.Werkgever(), Testkader.Nu).Weigering!;

        weigering.Soort.ShouldBe(Weigeringsoort.OngeldigeInvoer);
        weigering.Fouten!.ShouldHaveSingleItem().Name.ShouldBe("soort");
    }

    [Fact]
    public void niets_nieuws_is_geen_wijziging_en_een_andere_werkgever_mag_het_niet()
    {
        WerkgeverWijzigen.Beslis(Bouwbedrijf, Leeg with { Naam = "Bouwbedrijf Noord B.V." }, Testkader.Werkgever(), Testkader.Nu).Weigering!.Code
            .ShouldBe("geen-wijziging");
        WerkgeverWijzigen.Beslis(Bouwbedrijf, Leeg with { Naam = "X" }, Testkader.Werkgever("76543210"), Testkader.Nu).Weigering!.Code
            .ShouldBe("andere-werkgever");
        WerkgeverWijzigen.Beslis(Bouwbedrijf, Leeg with { Naam = "X" }, Testkader.Regiopartij(), Testkader.Nu).Weigering!.Soort
            .ShouldBe(Weigeringsoort.NietToegestaan);
    }

    [Fact]
    public void een_uitgeschreven_werkgever_verandert_niet_meer()
    {
        var uitgeschreven = Indelingskader.Na(Bouwbedrijf, new WerkgeverUitgeschreven(Bouwbedrijf.Id, new DateOnly(2025, 6, 30), "Opgeheven", Testkader.Nu));

        uitgeschreven.Status.ShouldBe(Werkgeverstatus.Uitgeschreven);
        WerkgeverWijzigen.Beslis(uitgeschreven, Leeg with { Naam = "X" }, Testkader.Beheerder(), Testkader.Nu).Weigering!.Code.ShouldBe("werkgever-niet-actief");
        WerkgeverUitschrijven.Beslis(uitgeschreven, new WerkgeverUitschrijvenVerzoek(new DateOnly(2025, 7, 1), "r", 2), Testkader.Beheerder(), Testkader.Nu)
            .Weigering!.Code.ShouldBe("werkgever-niet-actief");
    }

    [Fact]
    public void de_invoer_noemt_elke_fout_tegelijk()
    {
        var uitkomst = new WerkgeverWijzigenValidator().Validate(new WerkgeverWijzigenVerzoek("", "ruimtevaart", "half", ["vno"], null, 1));

        Validatie.AlsParameters(uitkomst).Select(f => f.Name).ShouldBe(["naam", "sector", "soort", "netwerken[0]"], ignoreOrder: true);
        Validatie.AlsParameters(new WerkgeverWijzigenValidator().Validate(Leeg)).ShouldHaveSingleItem().Code.ShouldBe("niets-te-wijzigen");
    }
}

public sealed class Vestigingen_van_een_werkgever
{
    private static readonly Werkgever Bouwbedrijf = Testkader.Bouwbedrijf;

    [Fact]
    public void een_vestiging_ligt_in_een_gemeente_en_verhuist_of_sluit()
    {
        var toegevoegd = VestigingenBeheren.Toevoegen(Bouwbedrijf, "000012345678", "GM0014", "AM01", Testkader.Werkgever(), Testkader.Nu);
        var met = Indelingskader.Na(Bouwbedrijf, toegevoegd.Gebeurtenissen.ToArray());
        met.Vestigingen.ShouldBe([new Vestiging("000012345678", "AM01", "GM0014")]);

        var verhuisd = VestigingenBeheren.Verhuizen(met, "000012345678", "GM0080", "AM02", Testkader.Beheerder(), Testkader.Nu);
        Indelingskader.Na(met, verhuisd.Gebeurtenissen.ToArray()).Vestigingen.ShouldBe([new Vestiging("000012345678", "AM02", "GM0080")]);

        var gesloten = VestigingenBeheren.Sluiten(met, "000012345678", "Verhuisd naar het buitenland", Testkader.Werkgever(), Testkader.Nu);
        Indelingskader.Na(met, gesloten.Gebeurtenissen.ToArray()).Vestigingen.ShouldBeEmpty();
    }

    [Fact]
    public void weigeringen_bij_vestigingen()
    {
        var met = Indelingskader.Na(Bouwbedrijf, new VestigingToegevoegd(Bouwbedrijf.Id, "000012345678", "GM0014", "AM01", Testkader.Nu));

        VestigingenBeheren.Toevoegen(met, "000012345678", "GM0014", "AM01", Testkader.Werkgever(), Testkader.Nu).Weigering!.Code.ShouldBe("bestaat-al");
        VestigingenBeheren.Verhuizen(met, "000012345678", "GM0014", "AM01", Testkader.Werkgever(), Testkader.Nu).Weigering!.Code.ShouldBe("geen-wijziging");
        VestigingenBeheren.Sluiten(met, "999912345678", "r", Testkader.Werkgever(), Testkader.Nu).Weigering!.Soort.ShouldBe(Weigeringsoort.NietGevonden);
        VestigingenBeheren.Sluiten(met, "000012345678", "r", Testkader.Werkgever("76543210"), Testkader.Nu).Weigering!.Code.ShouldBe("andere-werkgever");
    }
}

public sealed class Werkgever_samenvoegen
{
    private static readonly Werkgever Overgenomen = Testkader.Bouwbedrijf;

    private static readonly Werkgever Opvolger = Werkgever.Evolueer(null, new WerkgeverGeregistreerd(Werkgever.StreamId("76543210"), "76543210",
        "Bouwconcern Nederland N.V.", "bouw", Werkgeversoort.Privaat, [], [], Testkader.Nu), 1);

    private static readonly WerkgeverSamenvoegenVerzoek Verzoek = new("76543210", new DateOnly(2025, 7, 1), "Fusie", 1);

    [Fact]
    public void de_afspraken_gaan_mee_naar_de_opvolger_met_waar_zij_vandaan_komen()
    {
        var afspraak = AfspraakBouwer.ActieveAfspraak();

        var besluit = WerkgeverSamenvoegen.Beslis(Overgenomen, Opvolger, [afspraak], Verzoek, Testkader.Beheerder(), Testkader.Nu);

        besluit.Wijzigingen.Select(w => (w.Id, w.VerwachteVersie)).ShouldBe([(Overgenomen.Id, 1L), (Opvolger.Id, 1L), (afspraak.Id, 4L)]);
        besluit.Wijzigingen[0].Gebeurtenissen.ShouldBeEvents(
            new WerkgeverOpgegaanIn(Overgenomen.Id, "76543210", "Bouwconcern Nederland N.V.", new DateOnly(2025, 7, 1), 1, Testkader.Nu));
        besluit.Wijzigingen[1].Gebeurtenissen.ShouldBeEvents(
            new WerkgeverOvernameGeregistreerd(Opvolger.Id, "01234567", "Bouwbedrijf Noord B.V.", new DateOnly(2025, 7, 1), 1, Testkader.Nu));

        var na = Indelingskader.Na(afspraak, besluit.Wijzigingen[2].Gebeurtenissen.ToArray());
        na.Werkgever.KvkNummer.ShouldBe("76543210");
        na.VorigeWerkgevers.ShouldHaveSingleItem().Werkgever.KvkNummer.ShouldBe("01234567");
        na.IsVolledigOndertekend.ShouldBeTrue();
    }

    [Fact]
    public void de_opvolger_ondertekent_niet_opnieuw_wat_zijn_voorganger_al_tekende()
    {
        var concept = AfspraakBouwer.Na(AfspraakBouwer.Opgesteld(), new AfspraakOndertekend(AfspraakBouwer.Id, AfspraakBouwer.Werkgever, 1, Testkader.Nu));
        var overgegaan = Indelingskader.Na(concept, new AfspraakOvergegaan(concept.Id,
            new Werkgeverpartij("76543210", "Bouwconcern Nederland N.V.", "bouw", Werkgeversoort.Privaat), concept.Werkgever, new DateOnly(2025, 7, 1), Testkader.Nu));

        overgegaan.OntbrekendeOndertekenaars.ShouldHaveSingleItem().Identificatie.ShouldBe(AfspraakBouwer.Gemeente);
        AfspraakOndertekenen.Beslis(overgegaan, Testkader.Werkgever("76543210"), new DateOnly(2025, 3, 1), Testkader.Nu).Weigering!.Code.ShouldBe("al-ondertekend");
        AfspraakOndertekenen.Beslis(overgegaan, Testkader.Regiopartij(), new DateOnly(2025, 3, 1), Testkader.Nu).Gebeurtenissen
            .OfType<AfspraakGeactiveerd>().ShouldHaveSingleItem();
    }

    [Fact]
    public void weigeringen_bij_een_samenvoeging()
    {
        WerkgeverSamenvoegen.Beslis(Overgenomen, Opvolger, [], Verzoek, Testkader.Regiopartij(), Testkader.Nu).Weigering!.Soort.ShouldBe(Weigeringsoort.NietToegestaan);
        var uitgeschreven = Indelingskader.Na(Opvolger, new WerkgeverUitgeschreven(Opvolger.Id, new DateOnly(2025, 1, 1), "r", Testkader.Nu));
        WerkgeverSamenvoegen.Beslis(Overgenomen, uitgeschreven, [], Verzoek, Testkader.Beheerder(), Testkader.Nu).Weigering!.Code.ShouldBe("opvolger-niet-actief");
        var opgegaan = Indelingskader.Na(Overgenomen, new WerkgeverOpgegaanIn(Overgenomen.Id, "76543210", "X", new DateOnly(2025, 1, 1), 0, Testkader.Nu));
        WerkgeverSamenvoegen.Beslis(opgegaan, Opvolger, [], Verzoek, Testkader.Beheerder(), Testkader.Nu).Weigering!.Code.ShouldBe("werkgever-niet-actief");
        Validatie.AlsParameters(new WerkgeverSamenvoegenValidator("01234567", null).Validate(new WerkgeverSamenvoegenVerzoek("01234567", null, null, 1)))
            .Select(f => f.Name).ShouldBe(["opgegaanIn", "datum", "reden"], ignoreOrder: true);
    }
}

public sealed class Werkgevernamen_vergelijken
{
    [Theory]
    [InlineData("Bouwbedrijf Noord B.V.", "bouwbedrijf noord")]
    [InlineData("BOUWBEDRIJF NOORD BV", "bouwbedrijf noord")]
    [InlineData("Stichting Zorggroep Élan", "zorggroep elan")]
    [InlineData("A.B.N. Amro Bank N.V.", "abn amro bank")]
    [InlineData("Holding B.V.", "holding bv")]
    public void rechtsvorm_hoofdletters_en_leestekens_tellen_niet(string naam, string vergelijkbaar)
    {
        Werkgevernaam.Vergelijkbaar(naam).ShouldBe(vergelijkbaar);
    }

    [Fact]
    public void een_naam_wordt_vergeleken_op_de_trigrammen_van_zijn_woorden_zoals_pg_trgm_ze_vormt()
    {
        // pg_trgm's show_trgm('ab cd'): each word padded with two spaces in front and one behind, distinct, sorted.
        Werkgevernaam.Trigrammen("ab cd").ShouldBe(["  a", "  c", " ab", " cd", "ab ", "cd "]);
        Werkgevernaam.Trigrammen("noord noord").ShouldBe(["  n", " no", "noo", "ord", "rd ", "oor"], ignoreOrder: true);
        Werkgevernaam.Trigrammen("").ShouldBeEmpty();
    }
}
