using Marten;
using Samenwerkingsafspraken.Integriteit;
using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>At start: bring the schema up to date, lay the hash chain over the events, then load the reference data (idempotently).</summary>
public sealed class DatabaseInitialisatie(IDocumentStore store, ReferentiedataImport import, IConfiguration configuration, Hashketen hashketen)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:SchemaBijwerkenBijStart", true))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        // Before the first append: an event written without the chain in place would have no hash.
        await hashketen.Installeer(cancellationToken);
        await import.VoerUit(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
