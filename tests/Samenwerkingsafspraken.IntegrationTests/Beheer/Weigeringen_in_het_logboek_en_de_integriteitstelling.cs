using Marten;
using Microsoft.Extensions.Logging;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Beheer;

/// <summary>What operators see: expected refusals are information, not failures; the integrity summary counts what the history shows.</summary>
public sealed class Weigeringen_in_het_logboek_en_de_integriteitstelling(ApiFixture fixture) : IntegratieTest(fixture)
{
    private Logboek Logboek => Fixture.Logboek;

    [Fact]
    public async Task verwachte_weigeringen_staan_als_informatie_in_het_logboek_zonder_stacktrace()
    {
        var actief = await Actief();
        var stand = Logboek.Stand;

        var verouderd = await Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = "Goed", aanbevolenVoorHergebruik = true, versie = actief.Versie - 1 }, Tokens.Werkgever());
        var gelijktijdig = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = $"Les {i}", aanbevolenVoorHergebruik = true, versie = actief.Versie }, Tokens.Werkgever())));
        var dubbel = await Post("/v1/werkgevers", Testdata.Werkgever(), Tokens.Regiopartij());
        var ongeldig = await Post("/v1/werkgevers", "{\"kvkNummer\": 5}", Tokens.Regiopartij());
        var vreemd = await Get($"{Afspraken}/{actief.Id}", Tokens.Werkgever(Testdata.AndereKvk));

        verouderd.ProbleemCode(409).ShouldBe("versie-verouderd");
        gelijktijdig.Count(a => a.Status == 409).ShouldBe(7);
        dubbel.ProbleemCode(409).ShouldBe("bestaat-al");
        ongeldig.Probleem(400);
        vreemd.Probleem(403);

        var regels = Logboek.Sinds(stand);
        regels.Where(r => r.Niveau >= LogLevel.Warning).Select(r => $"{r.Niveau} {r.Categorie}: {r.Bericht} {r.Uitzondering?.GetType().Name} {(r.Uitzondering as Npgsql.PostgresException)?.SqlState} {r.Uitzondering?.Message}")
            .ShouldBeEmpty();
        regels.ShouldNotContain(r => r.Uitzondering != null);
        var weigeringen = regels.Where(r => r.Niveau == LogLevel.Information && r.Bericht.StartsWith("Refused ")).ToList();
        weigeringen.Count(r => r.Bericht.Contains(" 409 ")).ShouldBe(9);
        weigeringen.ShouldContain(r => r.Bericht.Contains(" 400 ") && r.Bericht.Contains("ongeldige-invoer"));
        weigeringen.ShouldContain(r => r.Bericht.Contains(" 403 "));
    }

    [Fact]
    public async Task de_integriteitstelling_telt_wat_de_historie_toont_ook_na_een_conflict()
    {
        var actief = await Actief();
        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Post($"{Afspraken}/{actief.Id}/evaluaties",
            new { oordeel = "succesvol", lessen = $"Les {i}", aanbevolenVoorHergebruik = true, versie = actief.Versie }, Tokens.Werkgever())));
        antwoorden.Count(a => a.Status == 409).ShouldBe(11);

        var historie = (await Get($"{Afspraken}/{actief.Id}/historie", Tokens.Auditor())).Json["gebeurtenissen"]!.AsArray().Count;
        var stroom = (await Get($"/v1/integriteit/stromen/{actief.Id}", Tokens.Auditor())).Json;
        stroom["aantalGebeurtenissen"]!.GetValue<long>().ShouldBe(historie);
        stroom["intact"]!.GetValue<bool>().ShouldBeTrue();

        var geheel = (await Get("/v1/integriteit", Tokens.Auditor())).Json;
        geheel["intact"]!.GetValue<bool>().ShouldBeTrue();
        // What the history of every stream shows: Marten's own reading of each stream, without its tombstones.
        await using var session = Service<Marten.IDocumentStore>().QuerySession();
        var ids = await Marten.QueryableExtensions.ToListAsync(session.Events.QueryAllRawEvents().Select(e => e.StreamId).Distinct());
        long totaal = 0;
        var stromen = 0;
        foreach (var id in ids)
        {
            var gebeurtenissen = (await session.Events.FetchStreamAsync(id)).Count(e => e.EventTypeName != "tombstone");
            totaal += gebeurtenissen;
            if (gebeurtenissen > 0) stromen++;
        }

        geheel["aantalGebeurtenissen"]!.GetValue<long>().ShouldBe(totaal);
        geheel["aantalStromen"]!.GetValue<long>().ShouldBe(stromen);
    }
}
