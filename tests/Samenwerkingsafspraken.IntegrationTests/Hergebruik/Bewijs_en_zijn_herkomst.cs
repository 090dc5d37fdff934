using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Hergebruik.Opvragen;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Referenties;

namespace Samenwerkingsafspraken.IntegrationTests.Hergebruik;

/// <summary>
/// Evidence is judged by when it was recorded: results per quarter after the quarter ended and soon after, evaluations
/// while the agreement runs. Evidence entered afterwards is shown, but does not count by default; months active run
/// from the day the registry saw the agreement become active, so a back-dated start proves nothing.
/// </summary>
public sealed class Bewijs_en_zijn_herkomst(ApiFixture fixture) : IntegratieTest(fixture)
{
    private static readonly DateTimeOffset Vandaag = new(2025, 5, 6, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task een_afspraak_die_vandaag_met_een_verleden_looptijd_is_ingevoerd_is_een_seconde_later_niet_bewezen()
    {
        Tijd.Zet(Vandaag);
        await WerkgeverGeregistreerd();
        var id = (await Post(Afspraken, Testdata.Afspraak(start: new DateOnly(2024, 1, 1), eind: new DateOnly(2026, 12, 31)), Tokens.Regiopartij()))
            .Als<SamenwerkingsafspraakWeergave>().Id;
        (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 1 }, Tokens.Werkgever())).Status.ShouldBe(200);
        var versie = (await Post($"{Afspraken}/{id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij())).Versie;
        foreach (var kwartaal in new[] { "2024-K1", "2024-K2", "2024-K3", "2024-K4", "2025-K1" })
        {
            var gemeten = await Post($"{Afspraken}/{id}/resultaten", Resultaten(kwartaal, 2, versie, zes: 2, twaalf: 1), Tokens.Regiopartij());
            gemeten.Status.ShouldBe(200, gemeten.Tekst);
            versie = gemeten.Versie;
        }

        Tijd.Verzet(TimeSpan.FromSeconds(1));
        foreach (var token in new[] { Tokens.Werkgever(), Tokens.Regiopartij() })
        {
            versie = (await Post($"{Afspraken}/{id}/evaluaties",
                new { oordeel = "succesvol", lessen = "Uitstekend.", aanbevolenVoorHergebruik = true, versie }, token)).Versie;
        }

        var referentie = (await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Tokens.Werkgever())).Als<ReferentieLijst>().Referenties.Single();
        referentie.Bewijs.Bewezen.ShouldBeFalse();
        var looptijd = referentie.Bewijs.Criteria.Single(c => c.Code == "looptijd");
        looptijd.Voldaan.ShouldBeFalse();
        looptijd.Gegevens["maanden"].ShouldBe("0");
        looptijd.Gegevens["geactiveerdOp"].ShouldBe("2025-05-06");
        var resultaten = referentie.Bewijs.Criteria.Single(c => c.Code == "resultaten");
        resultaten.Gegevens["kwartalenTijdig"].ShouldBe("1");
        resultaten.Gegevens["kwartalenAchteraf"].ShouldBe("4");
        referentie.Bewijs.Bewijsstukken.Where(b => b.Soort == "resultaten").Select(b => (b.Periode, b.Tijdig)).ShouldBe(
            [("2024-K1", false), ("2024-K2", false), ("2024-K3", false), ("2024-K4", false), ("2025-K1", true)]);
        referentie.Bewijs.Bewijsstukken.ShouldAllBe(b => b.VastgelegdOp >= Vandaag);

        var verzoek = await Geweigerd(() => VraagHergebruik(id));
        verzoek.ProbleemCode(409).ShouldBe("niet-bewezen");
    }

    [Fact]
    public async Task resultaten_over_een_kwartaal_dat_nog_loopt_worden_geweigerd()
    {
        var actief = await Actief();
        Tijd.Zet(new DateTimeOffset(2025, 3, 31, 23, 0, 0, TimeSpan.FromHours(2)));

        var antwoord = await Geweigerd(() => Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 1, actief.Versie), Tokens.Regiopartij()));

        antwoord.ProbleemCode(400).ShouldBe("periode-niet-afgelopen");
        Tijd.Zet(new DateTimeOffset(2025, 4, 1, 0, 30, 0, TimeSpan.FromHours(2)));
        (await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 1, actief.Versie), Tokens.Regiopartij())).Status.ShouldBe(200);
    }

    [Fact]
    public async Task het_referentiedossier_toont_wanneer_elk_bewijsstuk_is_vastgelegd()
    {
        var bron = await Bewezen();
        var verzoek = (await VraagHergebruik(bron.Id)).Als<HergebruikverzoekWeergave>();

        var dossier = (await Get($"/v1/hergebruikverzoeken/{verzoek.Id}/referentiedossier", Leeuwarden)).Als<Referentiedossier>();

        dossier.Bewijs.Bewezen.ShouldBeTrue();
        var stukken = dossier.Bewijs.Bewijsstukken;
        stukken.Where(b => b.Soort == "resultaten").Select(b => b.Periode).ShouldBe(["2025-K1", "2025-K2", "2025-K3", "2025-K4"]);
        stukken.Count(b => b.Soort == "evaluatie").ShouldBe(2);
        stukken.ShouldAllBe(b => b.Tijdig && b.Telt);
        stukken.Single(b => b.Periode == "2025-K1").VastgelegdOp.ShouldBe(new DateTimeOffset(2025, 4, 5, 10, 0, 0, TimeSpan.FromHours(1)));
        dossier.ActueleStand.Realisatie.Plaatsingen.ShouldBe(8);
        dossier.Referentiehistorie.Referenties.Single().Bewijs.Bewijsstukken.Count.ShouldBe(6);
    }
}
