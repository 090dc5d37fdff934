using Marten;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>At start: bring the schema up to date, then load the reference data (idempotently).</summary>
public sealed class DatabaseInitialisatie(IDocumentStore store, ReferentiedataImport import, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:SchemaBijwerkenBijStart", true))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await import.VoerUit(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
