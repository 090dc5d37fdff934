using JasperFx.CommandLine;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Samenwerkingsafspraken.Integriteit;
using Samenwerkingsafspraken.Referentiedata;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace Samenwerkingsafspraken.IntegrationTests.Infrastructuur;

/// <summary>One host for the whole test run (the real Program, on a real PostgreSQL), reset before each test.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Starttijd = new(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(1));

    public TestTijd Tijd { get; } = new(Starttijd);

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public LocalIssuer Uitgever { get; } = new(Path.Combine(Path.GetTempPath(), "samenwerkingsafspraken-tests", "uitgever.pem"));

    /// <summary>What the shared host logs, as operators would read it.</summary>
    public Logboek Logboek { get; } = new();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.ConnectionString();
        Host = await StartHost(ConnectionString, Tijd, Uitgever, logboek: Logboek);
    }

    public static async Task<IAlbaHost> StartHost(string connectionString, TimeProvider tijd, LocalIssuer uitgever,
        IDictionary<string, string>? instellingen = null, Action<IServiceCollection>? diensten = null, Logboek? logboek = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("ConnectionStrings:Samenwerkingsafspraken", connectionString);
            builder.UseSetting("Authenticatie:LocalIssuer", "true");
            builder.UseSetting("Authenticatie:LocalIssuerKeyFile", uitgever.KeyFile);
            // Reset pauses the asynchronous projections while it deletes every event. Wolverine's assignment check
            // (as often as a node goes stale) restarts agents it finds stopped, which could resume a projection at
            // its old position in the middle of that and skip the next test's events. One process has nothing to
            // fail over to, so the check may be rare here; tests of failover start processes with their own settings.
            builder.UseSetting(Samenwerkingsafspraken.Infrastructure.Hosting.Clusterinstellingen.StaleNodeSecondsSleutel, "300");
            foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>()) builder.UseSetting(sleutel, waarde);
            if (logboek is not null) builder.ConfigureLogging(logging => logging.AddProvider(logboek));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(new Klok(tijd, simuleerbaar: true));
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
                diensten?.Invoke(services);
            });
        });
    }

    public async Task Reset()
    {
        Tijd.Zet(Starttijd);

        // The asynchronous projections stop while the events go, and start again from zero afterwards.
        var projecties = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await projecties.PauseAsync();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.Clean.DeleteAllDocumentsAsync();
        await store.Advanced.Clean.DeleteAllEventDataAsync();
        await LeegHashketen();
        await Host.Services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
        await LaadReferentiedata();
        // The rows were put back by hand, past any session: what a lookup may take from memory is no longer trusted.
        Host.Services.GetRequiredService<Referentiewijzigingen>().Vergeet();
        await projecties.ResumeAsync();
    }

    private static readonly string[] Referentietabellen =
        ["mt_streams", "mt_events", "mt_doc_arbeidsmarktregio", "mt_doc_gemeente", "mt_doc_variant"];

    private bool _referentiedataBewaard;

    /// <summary>
    /// The reference data (35 regions, 342 gemeenten, the variants) is imported for real by the first reset, and the
    /// rows that import wrote are kept aside. Later resets put those rows back with one insert per table, the hash
    /// chain's trigger firing as on any append: the same rows the import would write again at the same test time,
    /// in a fraction of its time. A second start (Referentiegegevens_bij_herstart) still tests the import itself.
    /// </summary>
    private async Task LaadReferentiedata()
    {
        var schema = MartenConfiguratie.Schema;
        var database = Host.Services.GetRequiredService<NpgsqlDataSource>();
        if (!_referentiedataBewaard)
        {
            await Host.Services.GetRequiredService<ReferentiedataImport>().VoerUit(CancellationToken.None);
            var bewaar = string.Join("\n", Referentietabellen.Select(t =>
                $"drop table if exists testbasis.{t}; create table testbasis.{t} as select * from {schema}.{t};"));
            await using var opdracht = database.CreateCommand($"create schema if not exists testbasis;\n{bewaar}");
            await opdracht.ExecuteNonQueryAsync();
            _referentiedataBewaard = true;
            return;
        }

        var herstel = string.Join("\n", Referentietabellen.Select(t => $"insert into {schema}.{t} select * from testbasis.{t};"));
        await using var terug = database.CreateCommand(
            $"{herstel}\nselect setval('{schema}.mt_events_sequence', (select max(seq_id) from {schema}.mt_events));");
        await terug.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The hash chain goes with the events, or every later test would see them "missing". The events table is
    /// emptied once more in the same statement, so that nothing appended since Marten's clean-up lacks its hash.
    /// </summary>
    private async Task LeegHashketen()
    {
        await using var opdracht = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"truncate table {MartenConfiguratie.Schema}.mt_events, {Hashketen.Schema}.gebeurtenis_hashes");
        await opdracht.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Naam)]
public sealed class ApiCollectie : ICollectionFixture<ApiFixture>
{
    public const string Naam = "api";
}
