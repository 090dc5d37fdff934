using Npgsql;
using Samenwerkingsafspraken.Infrastructure.Persistence;

namespace Samenwerkingsafspraken.BrowserTests.Infrastructuur;

/// <summary>
/// The real PostgreSQL of the browser tests, as the integration tests find theirs, but a database of its own: the two
/// test projects run at the same time. A configured server (ConnectionStrings__Samenwerkingsafspraken) gets a second
/// database on it; otherwise a local cluster of its own (its own folder and port), installed with apt-get when
/// missing and running as root.
/// </summary>
public static class Testdatabase
{
    public static async Task<(string ConnectionString, Func<Task> Stop)> Start(string naam)
    {
        var geconfigureerd = Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseConnection.Name}");
        if (!string.IsNullOrWhiteSpace(geconfigureerd))
        {
            var basis = new NpgsqlConnectionStringBuilder(geconfigureerd);
            await using (var verbinding = new NpgsqlConnection(basis.ConnectionString))
            {
                await verbinding.OpenAsync();
                await using var opdracht = new NpgsqlCommand($"drop database if exists {naam} with (force); create database {naam}", verbinding);
                await opdracht.ExecuteNonQueryAsync();
            }

            basis.Database = naam;
            return (basis.ConnectionString, () => Task.CompletedTask);
        }

        var lokaal = await Cluster();
        var connectionString = await lokaal.EnsureRunningAsync(naam);

        // A previous run's data would be seen by this one: start from an empty database.
        await using (var verbinding = new NpgsqlConnection(lokaal.ConnectionString("postgres")))
        {
            await verbinding.OpenAsync();
            await using var opdracht = new NpgsqlCommand($"drop database if exists {naam} with (force); create database {naam}", verbinding);
            await opdracht.ExecuteNonQueryAsync();
        }

        return (connectionString, () => Task.CompletedTask);
    }

    private static readonly SemaphoreSlim Eenmalig = new(1, 1);
    private static LocalPostgres? _cluster;

    /// <summary>
    /// One cluster for every collection of the run (each has its own database in it), stopped when the test process
    /// ends: a collection that stopped it when done would pull it away from the next one while that one starts.
    /// </summary>
    private static async Task<LocalPostgres> Cluster()
    {
        await Eenmalig.WaitAsync();
        try
        {
            if (_cluster is not null) return _cluster;
            var cluster = new LocalPostgres(Path.Combine(RepositoryPaths.LocalFolder, "postgres-browsertests"), 55434, forTests: true, Console.Error.WriteLine);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
            return _cluster = cluster;
        }
        finally
        {
            Eenmalig.Release();
        }
    }
}

