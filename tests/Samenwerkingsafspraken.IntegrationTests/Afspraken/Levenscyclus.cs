using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Afspraken.Historie;
using Samenwerkingsafspraken.Afspraken.Register;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>An agreement from concept to ended, every step through HTTP, every step an event.</summary>
public sealed class Levenscyclus(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task van_concept_via_ondertekend_actief_gemeten_geevalueerd_en_verlengd_tot_beeindigd()
    {
        var concept = await Concept();

        var eerste = await Post($"{Afspraken}/{concept.Id}/ondertekeningen", new { }, Tokens.Werkgever(), IfMatch(1));
        eerste.Status.ShouldBe(200, eerste.Tekst);
        eerste.Als<SamenwerkingsafspraakWeergave>().Status.ShouldBe(AfspraakStatus.Concept);
        eerste.Header("ETag").ShouldBe("\"2\"");

        var actief = (await Post($"{Afspraken}/{concept.Id}/ondertekeningen", new { versie = 2 }, Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>();
        actief.Status.ShouldBe(AfspraakStatus.Actief);
        actief.ActiefVanaf.ShouldBe(new DateOnly(2025, 1, 1));
        actief.Versie.ShouldBe(4);
        actief.Ondertekening.Volledig.ShouldBeTrue();

        Tijd.Zet(new DateTimeOffset(2025, 4, 2, 10, 0, 0, TimeSpan.FromHours(2)));
        var gemeten = await Post($"{Afspraken}/{concept.Id}/resultaten", Resultaten("2025-K1", 3, 4, zes: 2, uitval: 1), Tokens.Regiopartij());
        gemeten.Status.ShouldBe(200, gemeten.Tekst);
        var gecorrigeerd = (await Post($"{Afspraken}/{concept.Id}/resultaten/2025-K1/correcties",
            new { reden = "Een plaatsing te laat doorgegeven", plaatsingen = 4, naZesMaandenInWerk = 2, naTwaalfMaandenInWerk = 0, uitval = 1, versie = 5 },
            Tokens.Werkgever())).Als<SamenwerkingsafspraakWeergave>();
        gecorrigeerd.Resultaten.Perioden.Single().Resultaten.Plaatsingen.ShouldBe(4);
        gecorrigeerd.Resultaten.Realisatie.DoelPlaatsingen.ShouldBe(2m);
        gecorrigeerd.Resultaten.Realisatie.PercentagePlaatsingen.ShouldBe(200m);

        var geevalueerd = (await Post($"{Afspraken}/{concept.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "De vaste contactpersoon maakte het verschil.", aanbevolenVoorHergebruik = true, versie = 6 },
            Tokens.Werkgever())).Als<SamenwerkingsafspraakWeergave>();
        geevalueerd.Evaluaties.Single().Oordeel.ShouldBe(Oordeel.Succesvol);

        var verlengd = (await Post($"{Afspraken}/{concept.Id}/verlengingen", new { nieuweEinddatum = "2027-12-31", reden = "Gaat goed", versie = 7 },
            Tokens.Regiopartij())).Als<SamenwerkingsafspraakWeergave>();
        verlengd.Looptijd.Einddatum.ShouldBe(new DateOnly(2027, 12, 31));

        var beeindigd = await Post($"{Afspraken}/{concept.Id}/beeindiging",
            new { reden = "werkgever-gestopt", toelichting = "De vestiging sluit.", versie = 8 }, Tokens.Regiopartij(Testdata.UwvGroningen));
        beeindigd.Status.ShouldBe(200, beeindigd.Tekst);
        var einde = beeindigd.Als<SamenwerkingsafspraakWeergave>();
        einde.Status.ShouldBe(AfspraakStatus.Beeindigd);
        einde.Beeindiging!.Einddatum.ShouldBe(new DateOnly(2025, 4, 2));

        var historie = (await Get($"{Afspraken}/{concept.Id}/historie", Tokens.Auditor())).Als<AfspraakHistorie>();
        historie.Gebeurtenissen.Select(g => g.Type).ShouldBe(
        [
            "afspraak_opgesteld", "afspraak_ondertekend", "afspraak_ondertekend", "afspraak_geactiveerd", "resultaten_geregistreerd",
            "resultaten_gecorrigeerd", "afspraak_geevalueerd", "afspraak_verlengd", "afspraak_beeindigd",
        ]);
        historie.Gebeurtenissen[5].Reden.ShouldBe("Een plaatsing te laat doorgegeven");
        historie.Gebeurtenissen[8].Door.Organisatie.ShouldBe(Testdata.UwvGroningen);
        historie.Gebeurtenissen[8].Tijdstip.ShouldBe(new DateTimeOffset(2025, 4, 2, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task het_register_en_de_lijst_van_de_werkgever_volgen_elke_overgang()
    {
        var actief = await Actief();
        var register = "/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken";

        (await Get($"{register}?status=actief", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.Single().Id.ShouldBe(actief.Id);
        (await Get($"{register}?status=concept", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(0);

        await Post($"{Afspraken}/{actief.Id}/beeindiging", new { reden = "anders", toelichting = "Gestopt", versie = actief.Versie }, Tokens.Regiopartij());

        (await Get($"/v1/werkgevers/{Testdata.Kvk}/samenwerkingsafspraken?status=beeindigd", Tokens.Werkgever())).Als<AfspraakLijst>()
            .Samenwerkingsafspraken.Single().Status.ShouldBe(AfspraakStatus.Beeindigd);
        (await Get($"{register}?status=actief", Tokens.Regiopartij())).Als<AfspraakLijst>().Samenwerkingsafspraken.Count.ShouldBe(0);
    }

    [Fact]
    public async Task een_wijziging_van_een_actieve_afspraak_vraagt_om_nieuwe_handtekeningen_en_de_afspraak_blijft_actief()
    {
        var actief = await Actief();
        var wijziging = Testdata.Afspraak() with { Titel = "Samen naar werk, herzien" };

        var antwoord = await Post($"{Afspraken}/{actief.Id}/wijzigingen", new
        {
            reden = "Titel herzien na de kwartaalevaluatie",
            wijziging.Titel, wijziging.WerkgeverContactrol, wijziging.Regiopartijen, wijziging.Werkafspraken, wijziging.Doelgroepen,
            wijziging.Beroepen, wijziging.Doelstellingen, wijziging.Looptijd,
        }, Tokens.Werkgever(), IfMatch(actief.Versie));

        antwoord.Status.ShouldBe(200, antwoord.Tekst);
        var gewijzigd = antwoord.Als<SamenwerkingsafspraakWeergave>();
        gewijzigd.Status.ShouldBe(AfspraakStatus.Actief);
        gewijzigd.Titel.ShouldBe("Samen naar werk, herzien");
        gewijzigd.Ondertekening.Volledig.ShouldBeFalse();
        gewijzigd.Ondertekening.InhoudVersie.ShouldBe(gewijzigd.Versie);

        await Post($"{Afspraken}/{actief.Id}/ondertekeningen", new { versie = gewijzigd.Versie }, Tokens.Werkgever());
        var bevestigd = (await Post($"{Afspraken}/{actief.Id}/ondertekeningen", new { versie = gewijzigd.Versie + 1 }, Tokens.Regiopartij()))
            .Als<SamenwerkingsafspraakWeergave>();
        bevestigd.Ondertekening.Volledig.ShouldBeTrue();
        bevestigd.Status.ShouldBe(AfspraakStatus.Actief);
        bevestigd.Versie.ShouldBe(gewijzigd.Versie + 2);
    }
}
