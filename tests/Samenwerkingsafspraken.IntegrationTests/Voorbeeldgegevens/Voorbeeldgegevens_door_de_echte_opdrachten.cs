using Npgsql;
using Samenwerkingsafspraken.Afspraken;
using Samenwerkingsafspraken.Hergebruik;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Voorbeeldgegevens;

namespace Samenwerkingsafspraken.IntegrationTests.Voorbeeldgegevens;

/// <summary>
/// A smaller demo data set (the full plan is checked without a database in the unit tests) made through the real
/// commands into the real store: every stage and every request state is there as events, the proof rule finds
/// proven agreements, a lineage spans three regions, and a second run on an empty registry writes the same events.
/// </summary>
public sealed class Voorbeeldgegevens_door_de_echte_opdrachten(ApiFixture fixture) : IntegratieTest(fixture)
{
    private const int Aantal = 30;
    private static readonly DateOnly Tot = new(2026, 11, 20);

    [Fact]
    public async Task een_kleiner_plan_door_de_echte_opdrachten_heeft_elke_fase_en_elke_stand_en_is_twee_keer_hetzelfde()
    {
        Tijd.Zet(Klok.BeginVan(Tot).AddHours(12));
        var verslag = await Service<Voorbeeldgenerator>().Maak(Tot, Aantal);

        verslag.Werkgevers.ShouldBe(Voorbeeldcatalogus.Werkgevers.Count);
        verslag.AantalAfspraken.ShouldBeGreaterThanOrEqualTo(Aantal);
        foreach (var status in new[] { AfspraakStatus.Concept, AfspraakStatus.Actief, AfspraakStatus.Beeindigd, AfspraakStatus.Verlopen })
        {
            verslag.Afspraken.GetValueOrDefault(status).ShouldBeGreaterThan(0, $"{status}: {verslag}");
        }

        foreach (var stand in Enum.GetValues<Verzoekstatus>())
        {
            verslag.Verzoeken.GetValueOrDefault(stand).ShouldBeGreaterThan(0, $"{stand}: {verslag}");
        }

        verslag.MetMaatwerk.ShouldBeGreaterThan(0, verslag.ToString());
        verslag.Bewezen.ShouldBeGreaterThanOrEqualTo(3, verslag.ToString());
        verslag.LangsteStamboom.ShouldBeGreaterThanOrEqualTo(3, verslag.ToString());

        // The API reads the same data: the demo werkgever's references include a proven one.
        var referenties = await Get($"/v1/werkgevers/{Testdata.Kvk}/referenties", Tokens.Werkgever());
        referenties.Status.ShouldBe(200, referenties.Tekst);
        referenties.Tekst.ShouldContain("\"bewezen\":true");

        var eerste = await Gebeurtenissen();
        eerste.Count.ShouldBe(verslag.Gebeurtenissen - await ReferentiedataGebeurtenissen());

        await Fixture.Reset();
        Tijd.Zet(Klok.BeginVan(Tot).AddHours(12));
        await Service<Voorbeeldgenerator>().Maak(Tot, Aantal);
        var tweede = await Gebeurtenissen();
        tweede.Count.ShouldBe(eerste.Count);
        for (var i = 0; i < eerste.Count; i++) tweede[i].ShouldBe(eerste[i], $"gebeurtenis {i}");
    }

    /// <summary>Every event of the demo data (not the reference data), in stream order, as stored: id, version, type and data.</summary>
    private async Task<List<string>> Gebeurtenissen()
    {
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand(
            $"select stream_id::text || ' ' || version || ' ' || type || ' ' || data::text from {MartenConfiguratie.Schema}.mt_events " +
            $"where seq_id > (select coalesce(max(seq_id), 0) from testbasis.mt_events) order by stream_id, version");
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var regels = new List<string>();
        while (await lezer.ReadAsync()) regels.Add(lezer.GetString(0));
        return regels;
    }

    private async Task<int> ReferentiedataGebeurtenissen()
    {
        await using var opdracht = Service<NpgsqlDataSource>().CreateCommand("select count(*) from testbasis.mt_events");
        return Convert.ToInt32(await opdracht.ExecuteScalarAsync());
    }
}
