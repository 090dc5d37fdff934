using JasperFx.CommandLine;
using Samenwerkingsafspraken.Referentiedata;

[assembly: JasperFx.JasperFxAssembly]

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// <c>migreren</c>: the migration step. Applies the schema (Marten, Wolverine's message tables, the hash chain) and
/// loads the reference data, under the same lock as a node's start, then ends. Run it before the nodes of a new
/// version start (in Kubernetes: the Job in deploy/kubernetes/migratie-job.yaml). Idempotent: a second run changes nothing.
/// </summary>
[Description("Applies the database schema (Marten, Wolverine, the hash chain) and loads the reference data", Name = "migreren")]
public sealed class MigrerenCommando : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var cancellation = CancellationToken.None;

        await using (await services.GetRequiredService<Startslot>().Neem(cancellation))
        {
            await services.GetRequiredService<Schemamigratie>().PasToe(cancellation);
            var aantal = await services.GetRequiredService<ReferentiedataImport>().VoerUit(cancellation);
            Console.WriteLine($"Schema applied (Marten, Wolverine, hash chain); reference data: {aantal} events appended.");
        }

        return true;
    }
}
