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

    public static void PasToe(AsyncOptions opties)
    {
        opties.BatchSize = Paginagrootte;
        opties.RebuildFlushThreshold = DocumentenPerSchrijfronde;
    }
}
