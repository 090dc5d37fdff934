using System.Collections.Concurrent;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>
/// Lets the request that started a rebuild hear when its job ends on this node, so that a rebuild that is done within
/// the wait (by default <see cref="StandaardWachttijd"/>, or what the client's Prefer header asks, up to
/// <see cref="MaximaleWachttijd"/>) is answered with its result instead of a job to poll. A job that runs on another node
/// (after this one died) is not heard here: its request has answered 202 long before.
/// </summary>
public sealed class Herbouwmeldingen(IConfiguration configuratie)
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Herbouwtaak>> _wachtenden = new();

    /// <summary>Setting <c>Beheer:HerbouwWachtenSeconden</c>, 2 by default; 0 answers every rebuild with 202 at once.</summary>
    public TimeSpan StandaardWachttijd { get; } = TimeSpan.FromSeconds(Math.Clamp(configuratie.GetValue("Beheer:HerbouwWachtenSeconden", 2), 0, 30));

    /// <summary>
    /// The longest a client may ask to wait (<c>Prefer: wait=N</c>): a request should not hold a connection for minutes,
    /// and a proxy in front (60 s by default in nginx and most load balancers) must not time it out while the job runs on.
    /// </summary>
    public static readonly TimeSpan MaximaleWachttijd = TimeSpan.FromSeconds(30);

    /// <summary>Registers the wait for a job before its message can run (else the end could come before anyone listens).</summary>
    public Task<Herbouwtaak> Verwacht(Guid taak) =>
        _wachtenden.GetOrAdd(taak, _ => new TaskCompletionSource<Herbouwtaak>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Vergeet(Guid taak) => _wachtenden.TryRemove(taak, out _);

    /// <summary>The job has ended (done or failed) and its document is stored.</summary>
    public void Meld(Herbouwtaak taak)
    {
        if (_wachtenden.TryRemove(taak.Id, out var wachtende)) wachtende.TrySetResult(taak);
    }
}
