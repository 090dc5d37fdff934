using JasperFx;
using Marten;
using Samenwerkingsafspraken.Integriteit;
using Wolverine.Persistence.Durability;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// Everything the database needs before a node serves: Marten's documents and event store, Wolverine's message
/// tables, and the hash chain over the events (which JasperFx's <c>db-apply</c> does not know). Applied by the
/// migration step (<c>migreren</c>, the Kubernetes Job) and, in Development and Test only, by each node at start.
/// Elsewhere a node only checks that the step has run.
/// </summary>
public sealed class Schemamigratie(IDocumentStore store, IMessageStore berichten, Hashketen hashketen, ILogger<Schemamigratie> logger)
{
    public async Task PasToe(CancellationToken cancellation)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await berichten.Admin.MigrateAsync(AutoCreate.CreateOrUpdate);

        // Before the first append: an event written without the chain in place would have no hash.
        await hashketen.Installeer(cancellation);
    }

    /// <summary>Refuses to serve on a database that the migration step has not prepared: events would be appended without their hashes.</summary>
    public async Task Controleer(CancellationToken cancellation)
    {
        var (bewaakt, actueel) = await hashketen.Toestand(cancellation);
        if (!bewaakt)
        {
            throw new SchemaNietGemigreerdException(
                "The database schema has not been applied (no event store, or no hash chain over it). Run the migration step first: " +
                "'dotnet Samenwerkingsafspraken.Api.dll migreren' (the Kubernetes Job 'samenwerkingsafspraken-migratie').");
        }

        if (!actueel)
        {
            logger.LogWarning("The hash chain in the database is of another version than this node's ({Version}); run the migration step.", Hashketen.Versie);
        }
    }
}

public sealed class SchemaNietGemigreerdException(string message) : Exception(message);
