using Marten.Events.Daemon.Coordination;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>The rebuild itself, kept apart from the job around it so that how a projection is rebuilt can change on its own.</summary>
public static class Herbouwer
{
    /// <summary>
    /// The daemon of this node rebuilds the projection from all events: it pauses the projection while it rebuilds
    /// it, and runs a transient agent for an inline one.
    /// </summary>
    public static Task Herbouw(IProjectionCoordinator projecties, string projectie, TimeSpan maximaleDuur, CancellationToken cancellation) =>
        projecties.DaemonForMainDatabase().RebuildProjectionAsync(projectie, maximaleDuur, cancellation);
}
