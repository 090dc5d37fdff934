using Npgsql;
using Wolverine;
using Samenwerkingsafspraken.Beheer;
using Samenwerkingsafspraken.Infrastructure.Hosting;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Varianten.Gebruik;
using Samenwerkingsafspraken.Werkaanbod;

namespace Samenwerkingsafspraken.IntegrationTests.Beheer;

/// <summary>
/// A node runs the projection daemons of the agents Wolverine gave it, and may have none: just after it started, before
/// the first assignment, or in a cluster where another node runs them. A rebuild that such a node takes on still
/// finishes: the direct path needs no daemon and the daemon path builds one of its own. Here the first assignment
/// lies ten minutes ahead, so no agent runs during the test and only a rebuild can fill the asynchronous projections.
/// </summary>
public sealed class Herbouw_op_een_node_zonder_daemon
{
    [Fact]
    public async Task elke_projectie_wordt_herbouwd_ook_zonder_daemon_op_deze_node()
    {
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_zonder_daemon");
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        var instellingen = new Dictionary<string, string> { [Clusterinstellingen.HeartbeatSecondsSleutel] = "600" };
        // As a node of a cluster (the other tests run one node alone, which takes every agent at once), whose first
        // assignment of agents is ten minutes away.
        await using var host = await ApiFixture.StartHost(database, new TestTijd(ApiFixture.Starttijd), uitgever, instellingen,
            diensten => diensten.ConfigureWolverine(opts => opts.Durability.Mode = DurabilityMode.Balanced));
        var tokens = new Tokens(uitgever);

        (await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), tokens.Regiopartij())).Status.ShouldBe(201);
        var opgesteld = await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/samenwerkingsafspraken", Testdata.Afspraak(), tokens.Regiopartij());
        opgesteld.Status.ShouldBe(201, opgesteld.Tekst);
        (await Rijen(database, "mt_doc_variantgebruik")).ShouldBe(0, "no agent runs on this node during the test");

        // Inline and direct; asynchronous and direct; asynchronous through a daemon.
        foreach (var projectie in new[] { "Samenwerkingsafspraak", VariantgebruikProjectie.Naam, WerkaanbodProjectie.Naam })
        {
            var (status, taak) = await IntegratieTest.Afgerond(host, tokens, projectie);
            status.ShouldBe(Herbouwstatus.Voltooid, $"{projectie}: {taak}");
        }

        (await Rijen(database, "mt_doc_samenwerkingsafspraak")).ShouldBe(1);
        (await Rijen(database, "mt_doc_variantgebruik")).ShouldBe(1);
        (await Rijen(database, "mt_doc_werkaanbodfeiten")).ShouldBe(1);
    }

    private static async Task<long> Rijen(string database, string tabel)
    {
        await using var verbinding = new NpgsqlConnection(database);
        await verbinding.OpenAsync();
        await using var opdracht = new NpgsqlCommand($"select count(*) from {MartenConfiguratie.Schema}.{tabel}", verbinding);
        return (long)(await opdracht.ExecuteScalarAsync())!;
    }
}
