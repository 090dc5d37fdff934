using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

namespace Samenwerkingsafspraken.IntegrationTests.Productie;

/// <summary>
/// PostgreSQL stopped while the service runs: every request is a 503 problem+json with Retry-After, logged once as a
/// warning; started again, the service answers as before without a restart. The test stops a cluster of its own
/// (own data directory, own port), never the one the other tests share.
/// </summary>
public sealed class Database_onbereikbaar
{
    [Fact]
    public async Task zonder_database_is_elk_verzoek_503_met_retry_after_en_daarna_herstelt_de_dienst_zonder_herstart()
    {
        var cluster = new LocalPostgres(Path.Combine(RepositoryPaths.LocalFolder, "postgres-storing"), Dienstproces.VrijePoort(), forTests: true);
        await cluster.EnsureRunningAsync("postgres");
        var database = await Leeg(cluster);
        var poort = cluster.Port;
        var logboek = new Logboek();
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        var tokens = new Tokens(uitgever);
        try
        {
            var instellingen = new Dictionary<string, string> { ["Database:PoolWaitSeconds"] = "2", ["Database:RetryAfterSeconds"] = "7" };
            await using var host = await ApiFixture.StartHost(database, new TestTijd(ApiFixture.Starttijd), uitgever, instellingen,
                services => services.AddSingleton<ILoggerProvider>(logboek));
            (await IntegratieTest.Verstuur(host, HttpMethod.Get, "/v1/arbeidsmarktregios", null, null)).Status.ShouldBe(200);
            // The lookup by id has multiplexed connections of its own: one is open when the database goes away.
            var onbekend = $"/v1/samenwerkingsafspraken/{Guid.NewGuid()}";
            (await IntegratieTest.Verstuur(host, HttpMethod.Get, onbekend, null, tokens.Auditor())).Status.ShouldBe(404);

            await cluster.StopAsync();
            await Weg(database);

            var verzoeken = new (HttpMethod Methode, string Pad, object? Body, string? Token)[]
            {
                (HttpMethod.Get, "/v1/arbeidsmarktregios", null, null),
                (HttpMethod.Get, $"/v1/werkgevers/{Testdata.Kvk}", null, tokens.Auditor()),
                (HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(), tokens.Regiopartij()),
                (HttpMethod.Get, "/v1/arbeidsmarktregios/AM01", null, null),
                (HttpMethod.Get, onbekend, null, tokens.Auditor()),
            };
            foreach (var (methode, pad, body, token) in verzoeken)
            {
                var antwoord = await IntegratieTest.Verstuur(host, methode, pad, body, token);
                antwoord.ProbleemCode(503).ShouldBe("database-onbereikbaar", $"{methode} {pad}");
                antwoord.Header("Retry-After").ShouldBe("7");
            }

            (await IntegratieTest.Verstuur(host, HttpMethod.Get, "/health/ready", null, null)).Status.ShouldBe(503);

            var tijdensStoring = logboek.Regels;
            var waarschuwingen = tijdensStoring.Where(r => r.Categorie == typeof(DatabaseStoring).FullName && r.Niveau == LogLevel.Warning).ToList();
            waarschuwingen.Count.ShouldBe(1, "one outage, one warning");
            waarschuwingen[0].Scopes.ShouldContainKey("CorrelatieId");
            waarschuwingen[0].Scopes.ShouldContainKey("TraceId");
            tijdensStoring.Where(r => r.Niveau >= LogLevel.Error && (r.Categorie.StartsWith("Samenwerkingsafspraken") || r.Categorie == "Marten"
                                                                  || r.Categorie.StartsWith("Microsoft.AspNetCore")))
                .Select(r => $"{r.Categorie}: {r.Bericht}").ShouldBeEmpty("an unreachable database is no unhandled error");

            await cluster.EnsureRunningAsync("samenwerkingsafspraken_storing");
            cluster.Port.ShouldBe(poort);

            var tot = DateTime.UtcNow.AddMinutes(1);
            Antwoord? weer = null;
            while (DateTime.UtcNow < tot && weer?.Status != 200)
            {
                weer = await IntegratieTest.Verstuur(host, HttpMethod.Get, "/v1/arbeidsmarktregios", null, null);
                if (weer.Status != 200) await Task.Delay(250);
            }

            weer!.Status.ShouldBe(200, "the same host answers again once the database is back");
            // Another employer: whether a write cut off by the outage was committed is not for its client to know
            // (it retries with its Idempotency-Key); what matters here is that writes work again.
            (await IntegratieTest.Verstuur(host, HttpMethod.Post, "/v1/werkgevers", Testdata.Werkgever(Testdata.AndereKvk), tokens.Regiopartij()))
                .Status.ShouldBe(201);
            (await IntegratieTest.Verstuur(host, HttpMethod.Get, onbekend, null, tokens.Auditor())).Status.ShouldBe(404);
            (await IntegratieTest.Verstuur(host, HttpMethod.Get, "/health/ready", null, null)).Status.ShouldBe(200);
            logboek.Regels.ShouldContain(r => r.Categorie == typeof(DatabaseStoring).FullName && r.Bericht.StartsWith("Database reachable again"));
        }
        finally
        {
            await cluster.StopAsync();
        }
    }

    /// <summary>The cluster's data directory outlives a run: start every run on an empty database.</summary>
    private static async Task<string> Leeg(LocalPostgres cluster)
    {
        var beheer = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using (var verbinding = new Npgsql.NpgsqlConnection(beheer))
        {
            await verbinding.OpenAsync();
            await using var opdracht = new Npgsql.NpgsqlCommand(
                "drop database if exists samenwerkingsafspraken_storing with (force); create database samenwerkingsafspraken_storing", verbinding);
            await opdracht.ExecuteNonQueryAsync();
        }

        return cluster.ConnectionString("samenwerkingsafspraken_storing");
    }

    /// <summary>pg_ctl gives up waiting after a minute on a busy machine: wait until the server really refuses connections.</summary>
    private static async Task Weg(string database)
    {
        var zonderPool = new Npgsql.NpgsqlConnectionStringBuilder(database) { Pooling = false, Timeout = 2 }.ConnectionString;
        var tot = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < tot)
        {
            try
            {
                await using var verbinding = new Npgsql.NpgsqlConnection(zonderPool);
                await verbinding.OpenAsync();
            }
            catch (Exception e) when (DatabaseOnbereikbaar.Is(e))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("PostgreSQL did not stop.");
    }

    [Fact]
    public async Task een_uitgeputte_pool_is_na_de_ingestelde_wachttijd_ook_503()
    {
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_pool");
        var uitgever = new Samenwerkingsafspraken.Infrastructure.Security.LocalIssuer(
            Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));
        var instellingen = new Dictionary<string, string> { ["Database:MaxPoolSize"] = "4", ["Database:PoolWaitSeconds"] = "1" };
        await using var host = await ApiFixture.StartHost(database, new TestTijd(ApiFixture.Starttijd), uitgever, instellingen);
        var dataSource = host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        new Npgsql.NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize.ShouldBe(4);

        // Take every connection of the node's pool, until the pool says it is exhausted.
        var gehouden = new List<Npgsql.NpgsqlConnection>();
        try
        {
            while (true)
            {
                try
                {
                    gehouden.Add(await dataSource.OpenConnectionAsync());
                }
                catch (Npgsql.NpgsqlException e) when (DatabaseOnbereikbaar.Is(e))
                {
                    e.Message.ShouldContain("exhausted");
                    break;
                }

                gehouden.Count.ShouldBeLessThanOrEqualTo(4);
            }

            var antwoord = await IntegratieTest.Verstuur(host, HttpMethod.Get, "/v1/arbeidsmarktregios", null, null);
            antwoord.ProbleemCode(503).ShouldBe("database-onbereikbaar");
            antwoord.Header("Retry-After").ShouldBe(DatabaseInstellingen.StandaardRetryAfterSeconds.ToString());
        }
        finally
        {
            foreach (var verbinding in gehouden) await verbinding.DisposeAsync();
        }

        (await IntegratieTest.Verstuur(host, HttpMethod.Get, "/v1/arbeidsmarktregios", null, null)).Status.ShouldBe(200);
    }
}
