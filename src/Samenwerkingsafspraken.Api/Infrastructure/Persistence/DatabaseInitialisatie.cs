using Samenwerkingsafspraken.Referentiedata;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// At start, serialised over all nodes by <see cref="Startslot"/>: in Development and Test bring the schema up to
/// date, elsewhere check that the migration step did; then load the reference data (idempotently). Nodes that
/// start together on an empty database therefore all become ready: one does the work, the others find it done.
/// </summary>
public sealed class DatabaseInitialisatie(Startslot slot, Schemamigratie migratie, ReferentiedataImport import, IConfiguration configuratie,
    IHostEnvironment omgeving) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var _ = await slot.Neem(cancellationToken);
        if (DatabaseInstellingen.SchemaBijStart(configuratie, omgeving))
        {
            await migratie.PasToe(cancellationToken);
        }
        else
        {
            await migratie.Controleer(cancellationToken);
        }

        await import.VoerUit(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
