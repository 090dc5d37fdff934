using Marten;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.Beheer;

/// <summary>How far a projection has read the events: inline ones are written with the events, asynchronous ones catch up.</summary>
public sealed record Projectiestand(string Naam, bool Asynchroon, long? Verwerkt, long Hoogste)
{
    public bool Bijgewerkt => !Asynchroon || Verwerkt >= Hoogste;

    public long Achterstand => Asynchroon ? Math.Max(0, Hoogste - (Verwerkt ?? 0)) : 0;
}

public sealed record Projectiestanden(long AantalGebeurtenissen, long AantalStromen, long HoogsteVolgnummer, IReadOnlyList<Projectiestand> Projecties);

public static class Projectiestandlezer
{
    public static async Task<Projectiestanden> Lees(IDocumentStore store, CancellationToken cancellation)
    {
        var statistieken = await store.Advanced.FetchEventStoreStatistics(token: cancellation);
        var voortgang = (await store.Advanced.AllProjectionProgress(token: cancellation))
            .GroupBy(s => s.ShardName.Split(':')[0])
            .ToDictionary(g => g.Key, g => g.Min(s => s.Sequence));
        var asynchroon = ((DocumentStore)store).Options.Projections.All
            .Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async).Select(p => p.Name).ToHashSet();
        var projecties = MartenConfiguratie.Herbouwbaar
            .Select(naam => new Projectiestand(naam, asynchroon.Contains(naam), voortgang.TryGetValue(naam, out var volgnummer) ? volgnummer : null,
                statistieken.EventSequenceNumber))
            .ToList();
        return new Projectiestanden(statistieken.EventCount, statistieken.StreamCount, statistieken.EventSequenceNumber, projecties);
    }
}
