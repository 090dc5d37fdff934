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
        IDictionary<string, string>? instellingen = null, Logboek? logboek = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("ConnectionStrings:Samenwerkingsafspraken", connectionString);
            builder.UseSetting("Authenticatie:LocalIssuer", "true");
            builder.UseSetting("Authenticatie:LocalIssuerKeyFile", uitgever.KeyFile);
            foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>()) builder.UseSetting(sleutel, waarde);
            if (logboek is not null) builder.ConfigureLogging(logging => logging.AddProvider(logboek));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(new Klok(tijd));
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
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
        await Host.Services.GetRequiredService<ReferentiedataImport>().VoerUit(CancellationToken.None);
        await projecties.ResumeAsync();
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
