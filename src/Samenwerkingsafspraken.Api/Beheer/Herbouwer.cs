using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The rebuild itself, kept apart from the job around it so that how a projection is rebuilt can change on its own.</summary>
public static class Herbouwer
{
    /// <summary>
    /// A projection that can be replayed directly (<see cref="IHerspeelbaar"/>: the agreements, their references and
    /// the variant matrix) is rebuilt by <see cref="Herspeler"/>; an asynchronous one is paused on this node's daemon
    /// meanwhile; it holds at most <paramref name="documentenInGeheugen"/> documents in memory at a time. Any other
    /// projection goes through the daemon of this node, which pauses the projection while it rebuilds it and runs a
    /// transient agent for an inline one. <paramref name="verwerkt"/> hears how many events were applied, on the
    /// direct path only.
    /// </summary>
    public static async Task Herbouw(IDocumentStore store, IProjectionCoordinator projecties, string projectie, int documentenInGeheugen,
        TimeSpan maximaleDuur, Action<long> verwerkt, CancellationToken cancellation)
    {
        var daemon = projecties.DaemonForMainDatabase();
        var bron = ((DocumentStore)store).Options.Projections.All.FirstOrDefault(p => p.Name == projectie);
        if (bron is not IHerspeelbaar herspeelbaar)
        {
            await daemon.RebuildProjectionAsync(projectie, maximaleDuur, cancellation);
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
        var liep = daemon.CurrentAgents().Any(a => a.Name.Identity == shard);
        if (liep) await daemon.StopAgentAsync(shard);
        try
        {
            var grens = daemon.Tracker.HighWaterMark;
            await herspeelbaar.Herspeel(store, shard, grens > 0 ? grens : null, verwerkt, documentenInGeheugen, tijdslimiet.Token);
        }
        finally
        {
            if (liep) await daemon.StartAgentAsync(shard, CancellationToken.None);
        }
    }
}
