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
    /// The direct rebuild (<see cref="Herspeler"/>) holds at most this many documents in memory; beyond it, the least
    /// recently changed half waits in a temporary table. Before this bound the rebuild held every document, about
    /// 6 KiB of resident memory per event (62,000 events took a node from 288 to 664 MiB), and a store above 40,000
    /// events had to go through the daemon's much slower path. Measured on a store of 96,641 agreements (206,520
    /// events), a node's peak: 420–500 MiB at 10,000 documents, 470–580 MiB at 20,000, 720–850 MiB holding every
    /// document (above the 768 MiB limit of deploy/kubernetes); spilling cost 5–20% of the rebuild's time. The setting
    /// <c>Beheer:HerbouwDocumentenInGeheugen</c> overrides it.
    /// </summary>
    public const int DocumentenInGeheugen = 20_000;

    /// <summary>The direct rebuild reads this many windows of events at a time (each on a connection of its own).</summary>
    public const int GelijktijdigeLezers = 2;

    public static void PasToe(AsyncOptions opties)
    {
        opties.BatchSize = Paginagrootte;
        opties.RebuildFlushThreshold = DocumentenPerSchrijfronde;
    }
}
