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
    private const string Naam = "samenwerkingsafspraken_browser";

    public static async Task<(string ConnectionString, Func<Task> Stop)> Start()
    {
        var geconfigureerd = Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseConnection.Name}");
        if (!string.IsNullOrWhiteSpace(geconfigureerd))
        {
            var basis = new NpgsqlConnectionStringBuilder(geconfigureerd);
            await using (var verbinding = new NpgsqlConnection(basis.ConnectionString))
            {
                await verbinding.OpenAsync();
                await using var opdracht = new NpgsqlCommand($"drop database if exists {Naam} with (force); create database {Naam}", verbinding);
                await opdracht.ExecuteNonQueryAsync();
            }

            basis.Database = Naam;
            return (basis.ConnectionString, () => Task.CompletedTask);
        }

        var lokaal = new LocalPostgres(Path.Combine(RepositoryPaths.LocalFolder, "postgres-browsertests"), 55434, forTests: true, Console.Error.WriteLine);
        var connectionString = await lokaal.EnsureRunningAsync(Naam);

        // A previous run's data would be seen by this one: start from an empty database.
        await using (var verbinding = new NpgsqlConnection(lokaal.ConnectionString("postgres")))
        {
            await verbinding.OpenAsync();
            await using var opdracht = new NpgsqlCommand($"drop database if exists {Naam} with (force); create database {Naam}", verbinding);
            await opdracht.ExecuteNonQueryAsync();
        }

        return (connectionString, lokaal.StopAsync);
    }
}
