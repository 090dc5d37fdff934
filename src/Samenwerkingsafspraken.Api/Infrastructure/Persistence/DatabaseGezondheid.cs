using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Samenwerkingsafspraken.Infrastructure.Persistence;

/// <summary>Readiness: the database answers.</summary>
public sealed class DatabaseGezondheid(NpgsqlDataSource dataSource, DatabaseStoring storing) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            storing.Hersteld();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("De database antwoordt niet.", e);
        }
    }
}
