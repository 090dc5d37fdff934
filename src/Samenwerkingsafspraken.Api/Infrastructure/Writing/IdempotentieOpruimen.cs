using Marten;
using Wolverine;

namespace Samenwerkingsafspraken.Infrastructure.Writing;

/// <summary>
/// Idempotency records (<see cref="IdempotenteOpdracht"/>) are kept for a retention period (setting
/// <c>Idempotentie:BewaartermijnDagen</c>, default 7 days: far longer than any client's retry window), then removed
/// by a daily recurring Wolverine message, which the cluster runs on one node. A retry after that is a new request.
/// </summary>
public sealed record IdempotentieOpruimen;

public static class IdempotentieOpruimenHandler
{
    public static async Task Handle(IdempotentieOpruimen _, IDocumentStore store, IConfiguration configuratie, ILogger<IdempotentieOpruimen> logger,
        CancellationToken cancellation)
    {
        var grens = DateTimeOffset.UtcNow - IdempotentieBewaartermijn.Van(configuratie);
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotenteOpdracht>(opdracht => opdracht.Tijdstip < grens);
        await session.SaveChangesAsync(cancellation);
        logger.LogInformation("Idempotency records from before {Limit:u} removed.", grens);
    }
}

public static class IdempotentieBewaartermijn
{
    public const string Sleutel = "Idempotentie:BewaartermijnDagen";
    public const int StandaardDagen = 7;

    /// <summary>Every night at 03:17 UTC, outside office hours and away from the full hour.</summary>
    public const string Schema = "17 3 * * *";

    public static TimeSpan Van(IConfiguration configuratie) => TimeSpan.FromDays(configuratie.GetValue(Sleutel, StandaardDagen));

    public static IServiceCollection AddIdempotentieOpruimen(this IServiceCollection services) =>
        services.ConfigureMarten(opts => opts.Schema.For<IdempotenteOpdracht>().Index(opdracht => opdracht.Tijdstip));

    /// <summary>In UseWolverine itself: a recurring message registers services, which extensions may no longer do.</summary>
    public static void Plan(WolverineOptions opts) => opts.Schedules.ScheduleRecurring<IdempotentieOpruimen>(Schema);
}
