using Marten;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Afspraken;

/// <summary>Nothing is lost or silently changed: concurrent writers, retries and replays.</summary>
public sealed class Gelijktijdigheid_en_herhaling(ApiFixture fixture) : IntegratieTest(fixture)
{
    [Fact]
    public async Task van_veel_gelijktijdige_schrijvers_op_dezelfde_versie_wint_er_precies_een()
    {
        var actief = await Actief();
        var schrijvers = Enumerable.Range(0, 24).Select(i => Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = $"Les {i}", aanbevolenVoorHergebruik = true, versie = actief.Versie },
            i % 2 == 0 ? Tokens.Werkgever() : Tokens.Regiopartij()));

        var antwoorden = await Task.WhenAll(schrijvers);

        antwoorden.Count(a => a.Status == 200).ShouldBe(1);
        antwoorden.Where(a => a.Status != 200).ShouldAllBe(a => a.Status == 409);
        var na = await Lees(actief.Id);
        na.Versie.ShouldBe(actief.Versie + 1);
        na.Evaluaties.Count.ShouldBe(1);
        (await AantalGebeurtenissen(actief.Id)).ShouldBe(actief.Versie + 1);
    }

    [Fact]
    public async Task een_herhaald_verzoek_met_dezelfde_sleutel_heeft_een_keer_effect_en_hetzelfde_antwoord()
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = "resultaten-2025-K1-poging" };
        var lichaam = Resultaten("2025-K1", 3, actief.Versie, zes: 1);

        var eerste = await Post($"{Afspraken}/{actief.Id}/resultaten", lichaam, Tokens.Werkgever(), sleutel);
        var tweede = await Post($"{Afspraken}/{actief.Id}/resultaten", lichaam, Tokens.Werkgever(), sleutel);

        eerste.Status.ShouldBe(200, eerste.Tekst);
        tweede.Status.ShouldBe(200, tweede.Tekst);
        tweede.Tekst.ShouldBe(eerste.Tekst);
        tweede.Header("ETag").ShouldBe(eerste.Header("ETag"));
        tweede.Header("Idempotent-Replayed").ShouldBe("true");
        (await AantalGebeurtenissen(actief.Id)).ShouldBe(actief.Versie + 1);
    }

    [Fact]
    public async Task een_herhaalde_aanmaak_met_dezelfde_sleutel_maakt_een_afspraak_met_dezelfde_locatie()
    {
        await WerkgeverGeregistreerd();
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var eerste = await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij(), sleutel);
        var tweede = await Post(Afspraken, Testdata.Afspraak(), Tokens.Regiopartij(), sleutel);

        eerste.Status.ShouldBe(201);
        tweede.Status.ShouldBe(201);
        tweede.Header("Location").ShouldBe(eerste.Header("Location"));
        (await Get("/v1/arbeidsmarktregios/AM01/samenwerkingsafspraken", Tokens.Auditor())).Json["samenwerkingsafspraken"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task dezelfde_sleutel_met_een_andere_inhoud_wordt_geweigerd()
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = "een-sleutel" };
        await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 3, actief.Versie), Tokens.Werkgever(), sleutel);

        var anders = await Post($"{Afspraken}/{actief.Id}/resultaten", Resultaten("2025-K1", 4, actief.Versie), Tokens.Werkgever(), sleutel);

        anders.ProbleemCode(422).ShouldBe("idempotency-key-hergebruikt");
        (await Lees(actief.Id)).Resultaten.Perioden.Single().Resultaten.Plaatsingen.ShouldBe(3);
    }

    [Fact]
    public async Task een_sleutel_geldt_per_aanroeper()
    {
        var actief = await Actief();
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = "gedeelde-sleutel" };

        var werkgever = await Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true, versie = actief.Versie }, Tokens.Werkgever(), sleutel);
        var gemeente = await Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "deelsSuccesvol", lessen = "Redelijk", aanbevolenVoorHergebruik = false, versie = actief.Versie + 1 }, Tokens.Regiopartij(), sleutel);

        werkgever.Status.ShouldBe(200);
        gemeente.Status.ShouldBe(200, gemeente.Tekst);
        (await Lees(actief.Id)).Evaluaties.Count.ShouldBe(2);
    }

    [Fact]
    public async Task gelijktijdige_herhalingen_met_dezelfde_sleutel_hebben_een_keer_effect()
    {
        var actief = await Actief();
        NaHetEersteKwartaal();
        var sleutel = new Dictionary<string, string> { ["Idempotency-Key"] = "tegelijk" };
        var lichaam = Resultaten("2025-K1", 2, actief.Versie);

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post($"{Afspraken}/{actief.Id}/resultaten", lichaam, Tokens.Werkgever(), sleutel)));

        antwoorden.ShouldContain(a => a.Status == 200);
        antwoorden.ShouldAllBe(a => a.Status == 200 || a.Status == 409);
        (await AantalGebeurtenissen(actief.Id)).ShouldBe(actief.Versie + 1);
    }

    private async Task<long> AantalGebeurtenissen(Guid id)
    {
        await using var session = Service<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }
}
