using Marten;
using Marten.Services;
using Samenwerkingsafspraken.Arbeidsmarktregios;
using Samenwerkingsafspraken.Gemeenten;
using Samenwerkingsafspraken.Varianten;

namespace Samenwerkingsafspraken.Referentiedata;

/// <summary>
/// Counts the commits of this node that changed reference data (an event of a region, a gemeente or a variant), so
/// that the reference data a lookup may take from memory is dropped the moment this node itself changes it. Changes
/// made through other nodes are seen by the stamp (<see cref="Referentiecache"/>).
/// </summary>
public sealed class Referentiewijzigingen : DocumentSessionListenerBase
{
    private static readonly HashSet<Type> Gebeurtenistypen =
        [.. Arbeidsmarktregio.Gebeurtenistypen, .. Gemeente.Gebeurtenistypen, .. Variant.Gebeurtenistypen];

    private long _teller;

    /// <summary>Goes up with every commit of this node that changed reference data.</summary>
    public long Teller => Interlocked.Read(ref _teller);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var gebeurtenis in commit.GetEvents())
        {
            if (!Gebeurtenistypen.Contains(gebeurtenis.EventType)) continue;
            Vergeet();
            break;
        }

        return Task.CompletedTask;
    }

    /// <summary>For a change outside any session of this node (rows put back by hand): what is held is no longer trusted.</summary>
    public void Vergeet() => Interlocked.Increment(ref _teller);
}
