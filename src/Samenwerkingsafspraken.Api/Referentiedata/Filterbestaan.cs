using Marten;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Werkgevers;

namespace Samenwerkingsafspraken.Referentiedata;

/// <summary>
/// A region or employer that a lookup is filtered on must exist: an unknown one in a filter is a 400 that says so,
/// the same in every lookup (an unknown one in the path is a 404), never an empty answer that looks like "none".
/// </summary>
public static class Filterbestaan
{
    /// <summary>The filters' problems, all at once; call it once the filters' form is known to be right.</summary>
    public static async Task<IReadOnlyList<OngeldigeParameter>> Controleer(IQuerySession session, string? arbeidsmarktregio, string? werkgever,
        CancellationToken cancellation)
    {
        if (arbeidsmarktregio is null && werkgever is null) return [];
        var batch = session.CreateBatchQuery();
        var regio = arbeidsmarktregio is null ? null : batch.Load<Arbeidsmarktregio>(Arbeidsmarktregio.StreamId(arbeidsmarktregio));
        var kvk = werkgever is null ? null : batch.Load<Werkgever>(Werkgever.StreamId(werkgever));
        await batch.Execute(cancellation);

        var fouten = new List<OngeldigeParameter>();
        if (regio is not null && await regio is null)
            fouten.Add(new OngeldigeParameter("arbeidsmarktregio", "onbekende-regio", $"Arbeidsmarktregio {arbeidsmarktregio} bestaat niet."));
        if (kvk is not null && await kvk is null)
            fouten.Add(new OngeldigeParameter("werkgever", "onbekende-werkgever", $"Er is geen werkgever met KvK-nummer {werkgever}."));
        return fouten;
    }
}
