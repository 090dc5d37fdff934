using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.IntegrationTests.Infrastructuur;
using Samenwerkingsafspraken.Werkgevers;
using Xunit.Abstractions;

namespace Samenwerkingsafspraken.IntegrationTests.Productie;

/// <summary>
/// Several nodes of the built service as real processes on one database: started together on an empty database
/// they all become ready; writes spread over them are all there, once; and when the node that runs the asynchronous
/// projection is killed (kill -9), another node takes it over and catches up. How long the takeover took is printed,
/// not asserted: deploy/scripts/failover-meten.sh measures it, docs/operations.md reports it.
/// </summary>
[Collection(Knooppuntcollectie.Naam)]
public sealed class Meerdere_knooppunten(ITestOutputHelper uitvoer)
{
    private static readonly TimeSpan Ruim = TimeSpan.FromMinutes(5);
    private readonly LocalIssuer _uitgever = new(Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));

    [Fact]
    public async Task in_productie_migreert_een_stap_het_schema_en_nemen_drie_knooppunten_het_werk_van_elkaar_over()
    {
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_drie_knooppunten");
        var productie = Dienstproces.Productie(database, _uitgever);
        productie["Logging__LogLevel__Wolverine.Runtime.Agents"] = "Information";

        // A node never changes the schema in Production: on an empty database it refuses, naming the migration step.
        await using (var teVroeg = Dienstproces.Start("te-vroeg", productie, dienst: true))
        {
            (await teVroeg.WachtOpEinde(Ruim)).ShouldNotBe(0);
            teVroeg.Alles.ShouldContain("Run the migration step first");
        }

        await Migreer(productie, "Schema applied");
        await Migreer(productie, "reference data: 0 events appended");

        var knooppunten = Enumerable.Range(1, 3).Select(i => Dienstproces.Start($"knooppunt-{i}", productie, dienst: true)).ToList();
        try
        {
            await Task.WhenAll(knooppunten.Select(k => k.WachtTotGereed(Ruim)));
            await GezondheidsprobeEnLogboek(knooppunten[0], productie);

            var tokens = new Tokens(_uitgever);
            var regio = tokens.Regiopartij();
            var werkgevers = Enumerable.Range(0, 9).Select(i => $"2{i:0000000}").ToList();
            for (var i = 0; i < werkgevers.Count; i++)
            {
                var sleutel = Guid.NewGuid().ToString();
                var eerste = await Post(knooppunten[i % 3], "/v1/werkgevers", Testdata.Werkgever(werkgevers[i]), regio, sleutel);
                eerste.Status.ShouldBe(201, eerste.Tekst);

                // The client did not hear the answer and retries at another node: the same answer, and no second effect.
                var herhaald = await Post(knooppunten[(i + 1) % 3], "/v1/werkgevers", Testdata.Werkgever(werkgevers[i]), regio, sleutel);
                herhaald.Status.ShouldBe(201, herhaald.Tekst);
                herhaald.Header("Idempotent-Replayed").ShouldBe("true");
            }

            foreach (var (kvk, i) in werkgevers.Select((k, i) => (k, i)))
            {
                (await Post(knooppunten[i % 3], "/v1/samenwerkingsafspraken", Testdata.Afspraak(kvk), regio, Guid.NewGuid().ToString()))
                    .Status.ShouldBe(201);
            }

            await using var dataSource = NpgsqlDataSource.Create(database);
            foreach (var kvk in werkgevers)
            {
                (await Scalar<long>(dataSource, "select count(*) from samenwerkingsafspraken.mt_events where stream_id = $1", Werkgever.StreamId(kvk)))
                    .ShouldBe(1, $"employer {kvk} was registered exactly once");
                (await Get(knooppunten[2], $"/v1/werkgevers/{kvk}", tokens.Auditor())).Status.ShouldBe(200);
            }

            (await Scalar<long>(dataSource, "select count(*) from samenwerkingsafspraken.mt_doc_samenwerkingsafspraak")).ShouldBe(werkgevers.Count);
            await ProjectieBijgewerkt(dataSource, werkgevers.Count);

            var projectieknooppunt = await Wacht(() => knooppunten.SingleOrDefault(k => DraaitVariantgebruik(k)), "a node runs Variantgebruik");
            uitvoer.WriteLine($"Variantgebruik runs on {projectieknooppunt.Naam}.");

            var gedood = Stopwatch.StartNew();
            projectieknooppunt.Dood();
            var overgebleven = knooppunten.Where(k => k != projectieknooppunt).ToList();

            // Written while nobody runs the projection: the node that takes it over must catch up with these too.
            var nieuw = new[] { "30000001", "30000002" };
            foreach (var (kvk, i) in nieuw.Select((k, i) => (k, i)))
            {
                (await Post(overgebleven[i % 2], "/v1/werkgevers", Testdata.Werkgever(kvk), regio, Guid.NewGuid().ToString())).Status.ShouldBe(201);
                (await Post(overgebleven[(i + 1) % 2], "/v1/samenwerkingsafspraken", Testdata.Afspraak(kvk), regio, Guid.NewGuid().ToString()))
                    .Status.ShouldBe(201);
            }

            var opvolger = await Wacht(() => overgebleven.SingleOrDefault(DraaitVariantgebruik), "another node takes Variantgebruik over");
            uitvoer.WriteLine($"Variantgebruik moved to {opvolger.Naam} {gedood.Elapsed.TotalSeconds:0.0} s after kill -9 (measured, not asserted).");

            await ProjectieBijgewerkt(dataSource, werkgevers.Count + nieuw.Length);
            uitvoer.WriteLine($"Caught up {gedood.Elapsed.TotalSeconds:0.0} s after kill -9.");
        }
        finally
        {
            foreach (var knooppunt in knooppunten) await knooppunt.DisposeAsync();
        }
    }

    [Fact]
    public async Task drie_knooppunten_die_samen_starten_op_een_lege_database_worden_alle_drie_gereed()
    {
        // In Development and Test the nodes create the schema themselves; the start lock lets one do it while the others wait.
        var database = await TestDatabase.NieuweDatabase("samenwerkingsafspraken_samen_starten");
        var instellingen = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Test",
            ["ConnectionStrings__Samenwerkingsafspraken"] = database,
            ["Authenticatie__LocalIssuer"] = "true",
            ["Authenticatie__LocalIssuerKeyFile"] = _uitgever.KeyFile,
        };

        var knooppunten = Enumerable.Range(1, 3).Select(i => Dienstproces.Start($"samen-{i}", instellingen, dienst: true)).ToList();
        try
        {
            await Task.WhenAll(knooppunten.Select(k => k.WachtTotGereed(Ruim)));
        }
        finally
        {
            foreach (var knooppunt in knooppunten) await knooppunt.DisposeAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(database);
        (await Scalar<long>(dataSource, "select count(*) from samenwerkingsafspraken.mt_events")).ShouldBe(35 + 342 + 15, "the reference data, once");
        (await Scalar<long>(dataSource, "select count(*) from integriteit.gebeurtenis_hashes")).ShouldBe(35 + 342 + 15);
    }

    /// <summary>The image's HEALTHCHECK command against a live node and a dead port; and Production logs are JSON, one object per line.</summary>
    private static async Task GezondheidsprobeEnLogboek(Dienstproces knooppunt, Dictionary<string, string?> productie)
    {
        await using (var gezond = Dienstproces.Start("gezondheid", productie, dienst: false, "gezondheid", $"{knooppunt.Adres}health"))
        {
            (await gezond.WachtOpEinde(Ruim)).ShouldBe(0, gezond.Alles);
        }

        await using (var dood = Dienstproces.Start("gezondheid", productie, dienst: false, "gezondheid", $"http://127.0.0.1:{Dienstproces.VrijePoort()}/health"))
        {
            (await dood.WachtOpEinde(Ruim)).ShouldBe(1);
        }

        var regels = knooppunt.Uitvoer.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        regels.ShouldNotBeEmpty();
        foreach (var regel in regels)
        {
            using var json = JsonDocument.Parse(regel);
            json.RootElement.GetProperty("Timestamp").GetString().ShouldEndWith("Z");
            json.RootElement.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            json.RootElement.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    private async Task Migreer(Dictionary<string, string?> productie, string verwacht)
    {
        await using var migratie = Dienstproces.Start("migreren", productie, dienst: false, "migreren");
        (await migratie.WachtOpEinde(Ruim)).ShouldBe(0, migratie.Alles);
        migratie.Alles.ShouldContain(verwacht);
    }

    private static bool DraaitVariantgebruik(Dienstproces knooppunt)
    {
        // The last word of this node about the agent: started, or stopped.
        var laatste = knooppunt.Uitvoer.LastOrDefault(regel => regel.Contains("variantgebruik", StringComparison.OrdinalIgnoreCase)
                                                                 && regel.Contains("agent", StringComparison.OrdinalIgnoreCase)
                                                                 && (regel.Contains("started") || regel.Contains("stopped")));
        return !knooppunt.IsBeeindigd && laatste is not null && laatste.Contains("Successfully started");
    }

    private static async Task ProjectieBijgewerkt(NpgsqlDataSource dataSource, int afspraken)
    {
        await Wacht(async () =>
        {
            var hoogste = await Scalar<long>(dataSource, "select coalesce(max(seq_id), 0) from samenwerkingsafspraken.mt_events");
            var positie = await Scalar<long?>(dataSource,
                "select last_seq_id from samenwerkingsafspraken.mt_event_progression where name = 'Variantgebruik:All'") ?? 0;
            var documenten = await Scalar<long>(dataSource, "select count(*) from samenwerkingsafspraken.mt_doc_variantgebruik");
            return positie >= hoogste && documenten == afspraken;
        }, "Variantgebruik caught up with every agreement");
    }

    private static async Task<T> Wacht<T>(Func<T?> voorwaarde, string wat) where T : class =>
        (await Wacht(() => Task.FromResult(voorwaarde()), wat))!;

    private static async Task<T> Wacht<T>(Func<Task<T>> voorwaarde, string wat)
    {
        var tot = DateTime.UtcNow + Ruim;
        while (DateTime.UtcNow < tot)
        {
            var waarde = await voorwaarde();
            if (waarde is not null and not false) return waarde;
            await Task.Delay(200);
        }

        throw new TimeoutException($"Not within {Ruim}: {wat}.");
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var opdracht = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters) opdracht.Parameters.AddWithValue(parameter);
        var waarde = await opdracht.ExecuteScalarAsync();
        return waarde is DBNull or null ? default! : (T)waarde;
    }

    private static Task<Antwoord> Post(Dienstproces knooppunt, string pad, object body, string token, string idempotencyKey) =>
        Verstuur(knooppunt, HttpMethod.Post, pad, body, token, idempotencyKey);

    private static Task<Antwoord> Get(Dienstproces knooppunt, string pad, string token) => Verstuur(knooppunt, HttpMethod.Get, pad, null, token, null);

    private static async Task<Antwoord> Verstuur(Dienstproces knooppunt, HttpMethod methode, string pad, object? body, string token, string? idempotencyKey)
    {
        using var client = new HttpClient { BaseAddress = knooppunt.Adres, Timeout = TimeSpan.FromSeconds(60) };
        using var verzoek = new HttpRequestMessage(methode, pad);
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) verzoek.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) verzoek.Content = new StringContent(JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json");
        using var antwoord = await client.SendAsync(verzoek);
        var headers = antwoord.Headers.Concat(antwoord.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Antwoord((int)antwoord.StatusCode, headers, antwoord.Content.Headers.ContentType?.ToString() ?? "", await antwoord.Content.ReadAsStringAsync());
    }
}

/// <summary>The tests that run several service processes: one at a time, so that they do not starve each other of CPU.</summary>
[CollectionDefinition(Naam)]
public sealed class Knooppuntcollectie
{
    public const string Naam = "knooppunten";
}
