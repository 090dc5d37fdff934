using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Services.BatchQuerying;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>An immutable aggregate: a pure function from its previous state and one event to the next state.</summary>
public interface IAggregate<TSelf> where TSelf : class, IAggregate<TSelf>
{
    Guid Id { get; }

    long Version { get; }

    /// <summary>The event types of this aggregate's stream: the projection listens to these only.</summary>
    static abstract IReadOnlyList<Type> Gebeurtenistypen { get; }

    static abstract TSelf Evolueer(TSelf? state, object @event, long version);

    /// <summary>
    /// Adds to a command's read batch the documents that the inline projections following this stream will update
    /// (beside the aggregate's own snapshot), so that they find them in the session instead of reading them in a
    /// round trip of their own while the command saves.
    /// </summary>
    static virtual void Voorladen(IBatchedQuery batch, Guid id)
    {
    }
}

/// <summary>The snapshot projection of an aggregate: the same Evolve, so that a write and a rebuild agree.</summary>
public sealed class AggregateProjection<T> : SingleStreamProjection<T, Guid>, Persistence.IHerspeelbaar<T> where T : class, IAggregate<T>
{
    public AggregateProjection()
    {
        Name = typeof(T).Name;
        foreach (var type in T.Gebeurtenistypen) IncludeType(type);
        Persistence.Herbouwinstellingen.PasToe(Options);
    }

    public override T? Evolve(T? snapshot, Guid id, IEvent e) => T.Evolueer(snapshot, e.Data, e.Version);

    public IReadOnlyList<Type> Herspeeltypen => T.Gebeurtenistypen;

    public long Revisie(Guid id, IEvent e, long vorige) => e.Version;

    public IEnumerable<Guid> Doelen(IEvent e) => [e.StreamId];
}
