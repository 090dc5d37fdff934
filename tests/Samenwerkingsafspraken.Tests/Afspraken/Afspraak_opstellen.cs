using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Opstellen;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Afspraak_opstellen
{
    public static AfspraakOpstellenVerzoek Verzoek(string regio = "AM01") => new(
        "01234567", regio, "Samen naar werk", null,
        [new RegiopartijVerzoek("00000001001589623000", "Gemeente Groningen", "gemeente", true, null)],
        [new WerkafspraakVerzoek("externe-jobcoaching", new() { ["urenPerWeek"] = Testkader.Json(3) }, "Eerste drie maanden intensiever.")],
        ["banenafspraak"], [], new DoelstellingenVerzoek(10, 5), new LooptijdVerzoek(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));

    [Fact]
    public void een_regiopartij_van_de_regio_stelt_een_concept_op()
    {
        var id = Guid.NewGuid();

        var opgesteld = AfspraakOpstellen.Beslis(id, Verzoek(), Testkader.Kader(), Testkader.Regiopartij(), Testkader.Nu)
            .Gebeurtenissen.ShouldHaveSingleItem().ShouldBeOfType<AfspraakOpgesteld>();

        opgesteld.AfspraakId.ShouldBe(id);
        opgesteld.Werkgever.ShouldBe(new Werkgeverpartij("01234567", "Bouwbedrijf Noord B.V.", "bouw", Samenwerkingsafspraken.Werkgevers.Werkgeversoort.Privaat));
        opgesteld.Inhoud.Werkafspraken.Single().Parameters.Keys.ShouldBe(["duurInMaanden", "urenPerWeek"]);
        opgesteld.Inhoud.Doelgroepen.ShouldBe([Doelgroep.Banenafspraak]);
    }

    [Fact]
    public void een_regiopartij_van_een_andere_regio_stelt_er_geen_op()
    {
        var besluit = AfspraakOpstellen.Beslis(Guid.NewGuid(), Verzoek(), Testkader.Kader(), Testkader.Regiopartij(regios: "AM02"), Testkader.Nu);

        besluit.Weigering!.Soort.ShouldBe(Samenwerkingsafspraken.Infrastructure.Writing.Weigeringsoort.NietToegestaan);
        besluit.Weigering.Code.ShouldBe("andere-regio");
        besluit.Gebeurtenissen.ShouldBeEmpty();
    }

    [Fact]
    public void een_nieuwe_afspraak_is_een_concept_dat_nog_door_werkgever_en_ondertekenende_regiopartijen_getekend_moet_worden()
    {
        var opgesteld = AfspraakOpstellen.Beslis(Guid.NewGuid(), Verzoek(), Testkader.Kader(), Testkader.Regiopartij(), Testkader.Nu).Gebeurtenissen.Single();

        var afspraak = Samenwerkingsafspraak.Evolueer(null, opgesteld, 1);

        afspraak.Status.ShouldBe(AfspraakStatus.Concept);
        afspraak.Version.ShouldBe(1);
        afspraak.OntbrekendeOndertekenaars.Select(p => p.Identificatie).ShouldBe(["01234567", "00000001001589623000"]);
    }

    [Fact]
    public void de_validatie_meldt_alle_problemen_van_een_verzoek()
    {
        var verzoek = Verzoek("AM04") with
        {
            Werkafspraken = [new WerkafspraakVerzoek("externe-jobcoaching", new() { ["urenPerWeek"] = Testkader.Json(80) }, null)],
            Looptijd = new LooptijdVerzoek(new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1)),
        };

        var uitkomst = AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(verzoek, Testkader.Kader()));

        Samenwerkingsafspraken.Infrastructure.Http.Validatie.AlsParameters(uitkomst).Select(p => p.Name).ShouldBe(["werkafspraken[0].parameters.urenPerWeek", "looptijd.einddatum", "arbeidsmarktregio"], ignoreOrder: true);
    }

    [Fact]
    public void de_gedeelde_validator_toetst_elk_verzoek_aan_de_referentiegegevens_die_het_meekrijgt()
    {
        var verzoek = Verzoek();
        var zonderWerkgever = Testkader.Kader() with { Werkgever = null };
        var zonderRegio = Testkader.Kader() with
        {
            Regios = Testkader.Kader().Regios.Where(r => r.Key != "AM01").ToDictionary(),
        };

        Namen(Testkader.Kader()).ShouldBeEmpty();
        Namen(zonderWerkgever).ShouldBe(["werkgever"]);
        Namen(zonderRegio).ShouldBe(["arbeidsmarktregio"]);
        Namen(Testkader.Kader()).ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => AfspraakOpstellenValidator.Instantie.Validate(verzoek));

        IEnumerable<string> Namen(Samenwerkingsafspraken.Referentiedata.Referentiekader kader) =>
            Validatie.AlsParameters(AfspraakOpstellenValidator.Instantie.Validate(Kadercontext.Met(verzoek, kader))).Select(p => p.Name);
    }
}
