using Microsoft.Extensions.Configuration;
using Npgsql;
using Samenwerkingsafspraken.Integriteit;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Integriteit;

/// <summary>
/// <c>dotnet run --project src/Samenwerkingsafspraken.Api -- integriteit [--stroom id]</c>: the same entry point
/// Program.cs calls, against the test database, with its output and exit code.
/// </summary>
public sealed class Integriteit_commando(ApiFixture fixture) : IntegratieTest(fixture)
{
    private async Task<(int Code, string Uit, string Fout)> Voer(params string[] args)
    {
        var configuratie = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Samenwerkingsafspraken"] = Fixture.ConnectionString })
            .Build();
        var uit = new StringWriter();
        var fout = new StringWriter();
        var code = await IntegriteitCommando.Voer(args, configuratie, uit, fout);
        return (code, uit.ToString(), fout.ToString());
    }

    [Fact]
    public async Task een_intacte_opslag_geeft_0_met_de_aantallen_en_de_ankerhash()
    {
        await Actief();
        var anker = (await Get("/v1/integriteit", Tokens.Auditor())).Als<Integriteitsrapport>().AnkerHash;

        var (code, uit, _) = await Voer();

        code.ShouldBe(0);
        uit.ShouldContain("Integriteit van de gebeurtenissenopslag: INTACT");
        uit.ShouldContain($"Stromen: {35 + 342 + 15 + 2}, gebeurtenissen: {35 + 342 + 15 + 5}");
        uit.ShouldContain($"Ankerhash: {anker}");
    }

    [Fact]
    public async Task een_gewijzigde_gebeurtenis_geeft_1_en_noemt_stroom_versie_en_soort()
    {
        var afspraak = await Actief();
        await using (var verbinding = new NpgsqlConnection(Fixture.ConnectionString))
        {
            // Bypasses the triggers, as someone with rights on the database could.
            await verbinding.OpenAsync();
            await using var opdracht = new NpgsqlCommand(
                "set session_replication_role = replica; update samenwerkingsafspraken.mt_events set data = data || '{\"lessen\": \"x\"}' " +
                "where stream_id = @stroom and version = 4", verbinding);
            opdracht.Parameters.AddWithValue("stroom", afspraak.Id);
            await opdracht.ExecuteNonQueryAsync();
        }

        var (alles, uitAlles, _) = await Voer();
        var (stroom, uitStroom, _) = await Voer("--stroom", afspraak.Id.ToString());

        alles.ShouldBe(1);
        stroom.ShouldBe(1);
        uitAlles.ShouldContain("NIET INTACT (1 bevinding)");
        uitStroom.ShouldContain($"Integriteit van stroom {afspraak.Id}: NIET INTACT (1 bevinding)");
        uitStroom.ShouldContain($"gewijzigd        stroom {afspraak.Id} versie 4: De gegevens (data) van de gebeurtenis zijn gewijzigd.");
    }

    [Fact]
    public async Task verkeerd_gebruik_en_een_onbekende_stroom_geven_2()
    {
        (await Voer("--stroom")).Code.ShouldBe(2);
        (await Voer("--stroom", "geen-uuid")).ShouldSatisfyAllConditions(r => r.Code.ShouldBe(2), r => r.Fout.ShouldContain("geen stroom-id"));
        (await Voer("--onbekend")).ShouldSatisfyAllConditions(r => r.Code.ShouldBe(2), r => r.Fout.ShouldContain(IntegriteitCommando.Gebruik));
        var onbekend = Guid.NewGuid();
        (await Voer("--stroom", onbekend.ToString())).ShouldSatisfyAllConditions(r => r.Code.ShouldBe(2), r => r.Fout.ShouldContain($"geen stroom {onbekend}"));
        (await Voer("--help")).ShouldSatisfyAllConditions(r => r.Code.ShouldBe(0), r => r.Uit.ShouldContain(IntegriteitCommando.Gebruik));
    }
}
