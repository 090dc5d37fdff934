using IProjectionDaemon = JasperFx.Events.Daemon.IProjectionDaemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The rebuild itself, kept apart from the job around it so that how a projection is rebuilt can change on its own.</summary>
public static class Herbouwer
{
    /// <summary>
    /// A projection that can be replayed directly (<see cref="IHerspeelbaar"/>: the agreements, their references and
    /// the variant matrix) is rebuilt by <see cref="Herspeler"/>, holding at most <paramref name="documentenInGeheugen"/>
    /// documents in memory at a time; an asynchronous one is paused meanwhile if its agent runs on this node. Any other
    /// projection goes through a projection daemon, which pauses the projection while it rebuilds it and runs a
    /// transient agent for an inline one. <paramref name="verwerkt"/> hears how many events were applied, on the direct
    /// path only.
    /// <para>
    /// Wolverine gives each node the daemons of the agents it runs, and a node may run none: just after it started
    /// (before the first assignment) or in a cluster where the agents run elsewhere. The direct path needs no daemon
    /// then (an inline projection never does; an asynchronous one takes the high-water mark from the database, and its
    /// agent elsewhere finds the progression moved and goes on from there), and the daemon path builds a daemon of its
    /// own for the rebuild, as the command line does.
    /// </para>
    /// </summary>
    public static async Task Herbouw(IDocumentStore store, IProjectionCoordinator projecties, string projectie, int documentenInGeheugen,
        TimeSpan maximaleDuur, Action<long> verwerkt, CancellationToken cancellation)
    {
        var bron = ((DocumentStore)store).Options.Projections.All.FirstOrDefault(p => p.Name == projectie);
        var daemon = DaemonVanDezeNode(projecties);
        if (bron is not IHerspeelbaar herspeelbaar)
        {
            if (daemon is not null)
            {
                await daemon.RebuildProjectionAsync(projectie, maximaleDuur, cancellation);
                return;
            }

            using var eigen = await store.BuildProjectionDaemonAsync();
            await eigen.RebuildProjectionAsync(projectie, maximaleDuur, cancellation);
            return;
        }

        using var tijdslimiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        tijdslimiet.CancelAfter(maximaleDuur);
        if (bron.Lifecycle != ProjectionLifecycle.Async)
        {
            await herspeelbaar.Herspeel(store, null, null, verwerkt, documentenInGeheugen, tijdslimiet.Token);
            return;
        }

        var shard = $"{projectie}:All";
        var liep = daemon is not null && daemon.CurrentAgents().Any(a => a.Name.Identity == shard);
        if (liep) await daemon!.StopAgentAsync(shard);
        try
        {
            var grens = daemon?.Tracker.HighWaterMark ?? await HoogwaterstandUitDatabase(store, cancellation);
            await herspeelbaar.Herspeel(store, shard, grens > 0 ? grens : null, verwerkt, documentenInGeheugen, tijdslimiet.Token);
        }
        finally
        {
            if (liep) await daemon!.StartAgentAsync(shard, CancellationToken.None);
        }
    }

    private static IProjectionDaemon? DaemonVanDezeNode(IProjectionCoordinator projecties)
    {
        try
        {
            return projecties.DaemonForMainDatabase();
        }
        catch (Wolverine.Runtime.Agents.DaemonNotRunningOnThisNodeException)
        {
            return null;
        }
    }

    /// <summary>The high-water mark the daemons keep in the database (no gaps below it); 0 when none was recorded yet.</summary>
    private static async Task<long> HoogwaterstandUitDatabase(IDocumentStore store, CancellationToken cancellation)
    {
        await using var verbinding = store.Storage.Database.CreateConnection();
        await verbinding.OpenAsync(cancellation);
        await using var opdracht = new NpgsqlCommand(
            $"select coalesce(max(last_seq_id), 0) from {MartenConfiguratie.Schema}.mt_event_progression where name = 'HighWaterMark'", verbinding);
        return (long)(await opdracht.ExecuteScalarAsync(cancellation))!;
    }
}
