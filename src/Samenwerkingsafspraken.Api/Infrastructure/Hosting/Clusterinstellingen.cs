using Wolverine;

namespace Samenwerkingsafspraken.Infrastructure.Hosting;

/// <summary>
/// How fast the nodes notice that one of them died and move its agents (the asynchronous projections and the
/// durability agent that runs scheduled messages) to the others. Wolverine's defaults (a heartbeat every 10 s, a
/// node stale after 60 s) moved them after about 68 s; with a heartbeat every second and a node stale after 5 s they
/// move within 10 s (measured with deploy/scripts/failover-meten.sh; docs/operations.md, Failover). The price is one
/// small update per node per second. A node that stalls longer than the stale time (a very long GC pause, a
/// starved CPU) loses its agents to another node and gets them back on a later assignment: no work is lost.
/// </summary>
public static class Clusterinstellingen
{
    public const string HeartbeatSecondsSleutel = "Cluster:HeartbeatSeconds";
    public const string StaleNodeSecondsSleutel = "Cluster:StaleNodeSeconds";

    public const double StandaardHeartbeatSeconds = 1;
    public const double StandaardStaleNodeSeconds = 5;

    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuratie)
    {
        var hartslag = TimeSpan.FromSeconds(configuratie.GetValue(HeartbeatSecondsSleutel, StandaardHeartbeatSeconds));
        var verouderd = TimeSpan.FromSeconds(configuratie.GetValue(StaleNodeSecondsSleutel, StandaardStaleNodeSeconds));

        services.ConfigureWolverine(opts =>
        {
            opts.Durability.FirstHealthCheckExecution = hartslag;
            opts.Durability.HealthCheckPollingTime = hartslag;
            opts.Durability.StaleNodeTimeout = verouderd;
            opts.Durability.CheckAssignmentPeriod = verouderd;
        });
        return services;
    }
}
