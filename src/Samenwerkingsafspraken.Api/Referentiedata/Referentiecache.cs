using Marten;
using Marten.Services.BatchQuerying;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Referentiedata;

/// <summary>The regions and the variant catalogue as one node holds them, with the stamp of the rows they were read from.</summary>
public sealed record Referentiestand(
    string Stempel,
    IReadOnlyDictionary<string, Arbeidsmarktregio> Regios,
    IReadOnlyDictionary<string, Variant> Varianten);

/// <summary>
/// Reference data (the regions, the variant catalogue) held in memory, so that a command does not read and
/// deserialize it every time. Whether it is still current is asked of PostgreSQL in the command's own read batch:
/// one small statement over the reference documents' row versions (<c>xmin</c>), which changes with any event
/// of those streams on any node (a region renamed, merged, a gemeente moved; a variant added or changed), without
/// knowing the event types. Only when the stamp differs are the documents read again: a command never validates
/// against reference data older than what was committed when its reads began, however many nodes there are.
/// </summary>
public sealed class Referentiecache
{
    /// <summary>The documents whose changes make the held data stale: every reference data document type.</summary>
    public static readonly IReadOnlyList<Type> Documenttypen = [typeof(Arbeidsmarktregio), typeof(Variant)];

    private readonly IDocumentStore _store;
    private readonly string _stempelSql;
    private Referentiestand? _stand;
    private long _herladen;

    public Referentiecache(IDocumentStore store)
    {
        _store = store;
        var tabellen = Documenttypen.Select(type => store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName);
        // An insert or update gives a row the writing transaction's id (xmin), a delete takes the row away: the count
        // and the sum of the row versions change with every change, and cost a scan of a few dozen small rows.
        _stempelSql = "select count(*)::text || ':' || coalesce(sum(t.xmin::text::bigint), 0)::text from (" +
                      string.Join(" union all ", tabellen.Select(tabel => $"select xmin from {tabel}")) + ") as t";
    }

    /// <summary>How many times the documents were read (again): for the tests that prove a change on another node is seen.</summary>
    public long Herladen => Interlocked.Read(ref _herladen);

    /// <summary>Adds the stamp to a command's read batch.</summary>
    public async Task<string> Stempel(IBatchedQuery batch) => (await batch.Query<string>(_stempelSql)).Single();

    /// <summary>The held data when the stamp still matches; otherwise reads it again (one round trip, after a change only).</summary>
    public async ValueTask<Referentiestand> Stand(string stempel, IQuerySession session, CancellationToken cancellation)
    {
        var stand = Volatile.Read(ref _stand);
        if (stand is not null && stand.Stempel == stempel) return stand;
        return await Lees(session, cancellation);
    }

    /// <summary>Reads the stamp and the data in one batch; the stamp goes first, so it never claims newer rows than were read.</summary>
    public async Task<Referentiestand> Lees(IQuerySession session, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var stempel = Stempel(batch);
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        var varianten = batch.Query<Variant>().ToList();
        await batch.Execute(cancellation);
        var stand = new Referentiestand(await stempel, (await regios).ToDictionary(r => r.Code), (await varianten).ToDictionary(v => v.Code));
        Interlocked.Increment(ref _herladen);
        Volatile.Write(ref _stand, stand);
        return stand;
    }

    /// <summary>For reads outside a command (a validator of a lookup): the current data, in one round trip.</summary>
    public async Task<Referentiestand> Actueel(CancellationToken cancellation)
    {
        await using var session = _store.QuerySession();
        var batch = session.CreateBatchQuery();
        var stempel = Stempel(batch);
        await batch.Execute(cancellation);
        return await Stand(await stempel, session, cancellation);
    }
}
