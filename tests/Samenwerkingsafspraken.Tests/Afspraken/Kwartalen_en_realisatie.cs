using Samenwerkingsafspraken.Afspraken;

namespace Samenwerkingsafspraken.Tests.Afspraken;

public sealed class Kwartalen_en_realisatie
{
    [Theory]
    [InlineData("2025-K1", "2025-01-01", "2025-03-31")]
    [InlineData("2024-K4", "2024-10-01", "2024-12-31")]
    public void een_kwartaal_heeft_een_begin_en_een_eind(string tekst, string begin, string eind)
    {
        var kwartaal = Kwartaal.Van(tekst);

        kwartaal.Start.ShouldBe(DateOnly.Parse(begin));
        kwartaal.Eind.ShouldBe(DateOnly.Parse(eind));
        kwartaal.ToString().ShouldBe(tekst);
    }

    [Theory]
    [InlineData("2025-Q1")]
    [InlineData("2025-K5")]
    [InlineData("1999-K1")]
    [InlineData("")]
    public void een_ander_formaat_is_geen_kwartaal(string tekst) => Kwartaal.TryParse(tekst, out _).ShouldBeFalse();

    [Fact]
    public void doelen_tellen_naar_rato_van_de_gerapporteerde_maanden()
    {
        var resultaten = new[]
        {
            new Perioderesultaat("2025-K1", new Resultaten(3, 2, 0, 1), DateTimeOffset.UnixEpoch, 0),
            new Perioderesultaat("2025-K2", new Resultaten(2, 2, 1, 0), DateTimeOffset.UnixEpoch, 0),
        };

        var realisatie = Realisatie.Van(resultaten, new Doelstellingen(12, 6));

        realisatie.GerapporteerdeMaanden.ShouldBe(6);
        realisatie.DoelPlaatsingen.ShouldBe(6m);
        realisatie.Plaatsingen.ShouldBe(5);
        realisatie.PercentagePlaatsingen.ShouldBe(83.3m);
        realisatie.AandeelNaZesMaandenInWerk.ShouldBe(80m);
        realisatie.PercentageDuurzaam.ShouldBe(33.3m);
    }

    [Fact]
    public void zonder_doel_is_er_geen_percentage()
    {
        Realisatie.Van([], new Doelstellingen(0, 0)).PercentagePlaatsingen.ShouldBeNull();
    }
}
