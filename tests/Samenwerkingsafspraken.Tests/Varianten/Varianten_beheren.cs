using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Varianten;
using Samenwerkingsafspraken.Varianten.Beheren;

namespace Samenwerkingsafspraken.Tests.Varianten;

public sealed class Varianten_beheren
{
    private static readonly VariantToevoegenVerzoek Nieuw = new("buddy", "Buddy op de werkvloer", "Een collega als vast aanspreekpunt.", "route",
        [new VariantParameterVerzoek("urenPerMaand", "decimaal", true, "Uren per maand.", 1, 40, null, null, Testkader.Json(4), "uren")]);

    [Fact]
    public void de_beheerder_voegt_een_variant_toe()
    {
        var toegevoegd = VariantenBeheren.Toevoegen(Nieuw, Testkader.Beheerder(), Testkader.Nu).Gebeurtenissen.Single().ShouldBeOfType<VariantToegevoegd>();

        toegevoegd.Code.ShouldBe("buddy");
        toegevoegd.Pijler.ShouldBe(Pijler.Route);
        toegevoegd.Parameters.Single().Type.ShouldBe(Parametertype.Decimaal);
    }

    [Fact]
    public void alleen_de_beheerder_wijzigt_de_catalogus()
    {
        VariantenBeheren.Toevoegen(Nieuw, Testkader.Regiopartij(), Testkader.Nu).Weigering!.Code.ShouldBe("alleen-beheerder");
        var variant = Testkader.Kader().Varianten["nazorg"];
        VariantenBeheren.Uitfaseren(variant, new VariantUitfaserenVerzoek("x", 1), Testkader.Auditor(), Testkader.Nu).Weigering!.Code.ShouldBe("alleen-beheerder");
    }

    [Fact]
    public void een_uitgefaseerde_variant_verandert_niet_meer()
    {
        var variant = Testkader.Kader().Varianten["nazorg"];
        var uitgefaseerd = Variant.Evolueer(variant, VariantenBeheren.Uitfaseren(variant, new VariantUitfaserenVerzoek("Opgegaan in jobcoaching", 1),
            Testkader.Beheerder(), Testkader.Nu).Gebeurtenissen.Single(), 2);

        uitgefaseerd.Status.ShouldBe(Variantstatus.Uitgefaseerd);
        VariantenBeheren.Uitfaseren(uitgefaseerd, new VariantUitfaserenVerzoek("nog eens", 2), Testkader.Beheerder(), Testkader.Nu).Weigering!.Code.ShouldBe("uitgefaseerd");
        VariantenBeheren.Wijzigen(uitgefaseerd, new VariantWijzigenVerzoek("n", "o", "route", [], "r", 2), Testkader.Beheerder(), Testkader.Nu).Weigering!.Code
            .ShouldBe("uitgefaseerd");
    }

    [Fact]
    public void een_definitie_met_tegenstrijdige_grenzen_of_een_ongeldige_standaard_wordt_geweigerd()
    {
        var verzoek = Nieuw with
        {
            Code = "Buddy Systeem",
            Parameters =
            [
                new VariantParameterVerzoek("uren", "decimaal", true, "x", 10, 5, null, null, null, null),
                new VariantParameterVerzoek("soort", "keuze", false, "x", null, null, null, [], null, null),
                new VariantParameterVerzoek("aantal", "geheelGetal", false, "x", 1, 3, null, null, Testkader.Json(7), null),
                new VariantParameterVerzoek("Fout Naam", "kleur", false, "x", null, null, null, null, null, null),
            ],
        };

        Validatie.AlsParameters(new VariantToevoegenValidator().Validate(verzoek)).Select(p => p.Name).ShouldBe(
            ["code", "parameters[0].maximum", "parameters[1].keuzes", "parameters[2].standaard", "parameters[3].naam", "parameters[3].type"],
            ignoreOrder: true);
    }
}
