using JasperFx.Events.Projections;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>
/// How a projection is rebuilt: Marten's batched rebuild path. Events are read in large pages, and the documents are
/// written once per flush window (the latest state of each aggregate) instead of once per page it appears in: an
/// agreement with ten events is one write, not ten. The window is kept small enough that a node's memory stays low.
/// </summary>
public static class Herbouwinstellingen
{
    public const int Paginagrootte = 5_000;
    public const int DocumentenPerSchrijfronde = 2_000;

    /// <summary>
    /// Up to this many events in the store, a projection that can be replayed directly is (<see cref="Herspeler"/>): it
    /// holds the projection's documents (and their JSON for the copy) in memory until it writes them all at once: about
    /// 6 KiB of resident memory per event measured (62,000 events took a node from 288 to 664 MiB). Up to this bound
    /// that stays under about 250 MiB, inside a node's memory limit (deploy/kubernetes); a larger store goes through
    /// the daemon's path, which flushes per window.
    /// </summary>
    public const long GebeurtenissenVoorDirecteHerbouw = 40_000;

    /// <summary>The direct rebuild reads this many windows of events at a time (each on a connection of its own).</summary>
    public const int GelijktijdigeLezers = 2;

    public static void PasToe(AsyncOptions opties)
    {
        opties.BatchSize = Paginagrootte;
        opties.RebuildFlushThreshold = DocumentenPerSchrijfronde;
    }
}
