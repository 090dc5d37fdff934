using System.Diagnostics;
using Marten.Events.Daemon.Coordination;
using Samenwerkingsafspraken.Infrastructure.Http;
using Samenwerkingsafspraken.Infrastructure.OpenApi;
using Samenwerkingsafspraken.Infrastructure.Persistence;
using Samenwerkingsafspraken.Infrastructure.Security;
using Wolverine.Http;

namespace Samenwerkingsafspraken.Beheer;

public sealed record ProjectieLijst(IReadOnlyList<string> Projecties);

public sealed record Herbouw(string Projectie, long DuurInMilliseconden);

/// <summary>
/// The beheerder rebuilds a projection from all events: after its code changed, or after the proof rule's settings
/// changed. It runs while the request waits; for very large stores the command line does the same
/// (<c>projections --rebuild</c>).
/// </summary>
public static class ProjectiesHerbouwenEndpoint
{
    [WolverineGet("/v1/beheer/projecties", OperationId = "projectiesOpvragen")]
    [EndpointSummary("De projecties die herbouwd kunnen worden")]
    [ProducesResponseType<ProjectieLijst>(200)]
    [Problemen(401, 403)]
    public static ProjectieLijst Lijst() => new(MartenConfiguratie.Herbouwbaar);
    [WolverinePost("/v1/beheer/projecties/{naam}/herbouw", OperationId = "projectieHerbouwen")]
    [EndpointSummary("Een projectie herbouwen uit alle gebeurtenissen")]
    [ProducesResponseType<Herbouw>(200)]
    [Problemen(401, 403, 404)]
    public static async Task<IResult> Herbouwen(string naam, IProjectionCoordinator projecties, CancellationToken cancellation)
    {
        if (!MartenConfiguratie.Herbouwbaar.Contains(naam))
        {
            return Problemen.NietGevonden($"Er is geen projectie '{naam}'. Bekend: {string.Join(", ", MartenConfiguratie.Herbouwbaar)}.");
        }

        var stopwatch = Stopwatch.StartNew();

        // The daemon that runs this node's asynchronous projections does the rebuild: it pauses the projection while
        // it rebuilds it, and runs a transient agent for an inline one.
        await projecties.DaemonForMainDatabase().RebuildProjectionAsync(naam, TimeSpan.FromMinutes(10), cancellation);

        return Results.Ok(new Herbouw(naam, stopwatch.ElapsedMilliseconds));
    }
}
