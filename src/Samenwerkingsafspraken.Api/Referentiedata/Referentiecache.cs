using System.Diagnostics;
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

/// <summary>The stamp of the reference documents, and this node's count of its own reference changes when it was asked.</summary>
public readonly record struct Stempelmeting(string Waarde, long Wijzigingen);

/// <summary>
/// Reference data (the regions, the variant catalogue) held in memory, so that a command does not read and
/// deserialize it every time. Whether it is still current is asked of PostgreSQL in the command's own read batch:
/// one small statement over the reference documents' row versions (<c>xmin</c>), which changes with any event
/// of those streams on any node (a region renamed, merged, a gemeente moved; a variant added or changed), without
/// knowing the event types. Only when the stamp differs are the documents read again: a command never validates
/// against reference data older than what was committed when its reads began, however many nodes there are.
/// <para>
/// A lookup that only shows reference data (is the agreement's region abolished?) may skip the stamp: it takes
/// <see cref="Recent"/>, the data as last confirmed by a stamp or a read, if that was less than
/// <see cref="Leeshorizon"/> ago and this node has changed no reference data since (<see cref="Referentiewijzigingen"/>).
/// A change through another node then shows in lookups here within that second; a command still always asks.
/// </para>
/// </summary>
public sealed class Referentiecache
{
    /// <summary>The documents whose changes make the held data stale: every reference data document type.</summary>
    public static readonly IReadOnlyList<Type> Documenttypen = [typeof(Arbeidsmarktregio), typeof(Variant)];

    /// <summary>The setting for <see cref="Leeshorizon"/> (a TimeSpan, 00:00:01 unless set; 0 makes every lookup ask).</summary>
    public const string LeeshorizonSleutel = "Referentiedata:Leeshorizon";

    private readonly IDocumentStore _store;
    private readonly Referentiewijzigingen _wijzigingen;
    private readonly string _stempelSql;
    private Referentiestand? _stand;
    private Bevestiging? _bevestiging;
    private long _herladen;

    /// <summary>The held data, when a stamp or a read confirmed it (monotonic timestamp), and this node's change count then.</summary>
    private sealed record Bevestiging(Referentiestand Stand, long Tijdstip, long Wijzigingen);

    public Referentiecache(IDocumentStore store, Referentiewijzigingen wijzigingen, IConfiguration configuratie)
    {
        _store = store;
        _wijzigingen = wijzigingen;
        Leeshorizon = configuratie.GetValue(LeeshorizonSleutel, TimeSpan.FromSeconds(1));
        var tabellen = Documenttypen.Select(type => store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName);
        // An insert or update gives a row the writing transaction's id (xmin), a delete takes the row away: the count
        // and the sum of the row versions change with every change, and cost a scan of a few dozen small rows.
        _stempelSql = "select count(*)::text || ':' || coalesce(sum(t.xmin::text::bigint), 0)::text from (" +
                      string.Join(" union all ", tabellen.Select(tabel => $"select xmin from {tabel}")) + ") as t";
    }

    /// <summary>How old the held data may be for a lookup that does not ask for the stamp.</summary>
    public TimeSpan Leeshorizon { get; }

    /// <summary>How many times the documents were read (again): for the tests that prove a change on another node is seen.</summary>
    public long Herladen => Interlocked.Read(ref _herladen);

    /// <summary>
    /// Adds the stamp to a command's read batch, with this node's change count as it was before the batch ran: what the
    /// stamp confirms is never taken as newer than a change this node committed meanwhile.
    /// </summary>
    public async Task<Stempelmeting> Stempel(IBatchedQuery batch)
    {
        var wijzigingen = _wijzigingen.Teller;
        return new Stempelmeting((await batch.Query<string>(_stempelSql)).Single(), wijzigingen);
    }

    /// <summary>The held data when the stamp still matches; otherwise reads it again (one round trip, after a change only).</summary>
    public async ValueTask<Referentiestand> Stand(Stempelmeting stempel, IQuerySession session, CancellationToken cancellation)
    {
        var stand = Volatile.Read(ref _stand);
        if (stand is null || stand.Stempel != stempel.Waarde) return await Lees(session, cancellation);

        Bevestig(stand, stempel.Wijzigingen);
        return stand;
    }

    /// <summary>
    /// The held data for a lookup, without asking the database: when a stamp or a read confirmed it less than
    /// <see cref="Leeshorizon"/> ago and this node changed no reference data since; otherwise null (ask the stamp).
    /// </summary>
    public Referentiestand? Recent =>
        Volatile.Read(ref _bevestiging) is { } bevestiging && bevestiging.Wijzigingen == _wijzigingen.Teller &&
        Stopwatch.GetElapsedTime(bevestiging.Tijdstip) < Leeshorizon
            ? bevestiging.Stand
            : null;

    private void Bevestig(Referentiestand stand, long wijzigingen)
    {
        // Under load every command confirms; a new record once in a while is enough to keep the horizon.
        var huidig = Volatile.Read(ref _bevestiging);
        if (huidig is not null && ReferenceEquals(huidig.Stand, stand) && huidig.Wijzigingen == wijzigingen &&
            Stopwatch.GetElapsedTime(huidig.Tijdstip) < Leeshorizon / 10) return;
        Volatile.Write(ref _bevestiging, new Bevestiging(stand, Stopwatch.GetTimestamp(), wijzigingen));
    }

    /// <summary>Reads the stamp and the data in one batch; the stamp goes first, so it never claims newer rows than were read.</summary>
    public async Task<Referentiestand> Lees(IQuerySession session, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var stempel = Stempel(batch);
        var regios = batch.Query<Arbeidsmarktregio>().ToList();
        var varianten = batch.Query<Variant>().ToList();
        await batch.Execute(cancellation);
        var meting = await stempel;
        var stand = new Referentiestand(meting.Waarde, (await regios).ToDictionary(r => r.Code), (await varianten).ToDictionary(v => v.Code));
        Interlocked.Increment(ref _herladen);
        Volatile.Write(ref _stand, stand);
        Bevestig(stand, meting.Wijzigingen);
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
